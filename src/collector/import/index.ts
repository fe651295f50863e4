// Synchronous file calls: the files are read one after another, and each asynchronous call is a trip to
// the thread pool (see readImportText).
import { readdirSync, type Stats, statSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { InputError } from "../../model/errors.ts";
import { serializeSnapshot, validateSnapshot } from "../../model/io.ts";
import { formatPath, issueMessage } from "../../model/locate.ts";
import { SERVICE_OF_TYPE, SERVICE_TYPES } from "../../model/services.ts";
import {
  type Coverage,
  type Edge,
  type NotEvaluated,
  Region,
  type Resource,
  type ResourceNote,
  resourceSchemaFor,
  type Snapshot,
} from "../../model/snapshot.ts";
import { assembleSnapshot } from "../assemble.ts";
import { configCoverage } from "../config/coverage.ts";
import type { ConfigItem } from "../config/item.ts";
import { type FromConfig, normalizeConfigItems, withNotRecorded } from "../config/normalize.ts";
import { DUMP_FILES, DUMP_READERS, SERVICES } from "../services.ts";
import { fromJson, isRecord, outputOf } from "../shape.ts";
import { configFileItems, configFileKind } from "./config-file.ts";
import type { DumpResponse, Get } from "./dump.ts";
import { parseImportJson, readImportText, shapeError } from "./read.ts";

// `asbuilt import`: snapshots from data collected earlier, without calling AWS. Three inputs, one output:
//   - an AWS CLI dump folder, <dir>/<account>/<region>/<service>-<operation>.json (CloudMapper's layout);
//   - AWS Config snapshot files as delivered to S3 (.json or .json.gz);
//   - the output of `aws configservice select-resource-config` / `select-aggregate-resource-config`.
// Both feed the service modules' own normalize functions (dir.ts, ../config.ts), and the snapshot is
// assembled as a scan's is. Files of no known kind are listed as skipped; a file of a known kind that is
// broken (invalid or truncated JSON, a wrong shape) stops the import with an InputError naming it.

export interface ImportOptions {
  /** Account id for dump folders not named by one and without sts-get-caller-identity.json. */
  account?: string;
  /** The snapshot's scannedAt (default: the newest capture time or file time of the data). */
  scannedAt?: Date;
}

export interface ImportResult {
  snapshot: Snapshot;
  droppedEdges: number;
  /** Files read, with what they were read as. */
  read: { file: string; kind: string }[];
  /** Files not read, with why. */
  skipped: { file: string; reason: string }[];
  /** Data in read files that could not become resources (AWS Config items of types asbuilt cannot read). */
  notes: string[];
}

const CALLER_IDENTITY = "sts-get-caller-identity";
/** CloudMapper's collect writes the regions it read into the account folder. */
const REGION_LIST = "describe-regions.json";
const OPERATION_NAME = /^[a-z0-9]+-[a-z0-9]+(-[a-z0-9]+)*$/;

const stripJson = (name: string) => name.replace(/\.json$/i, "");
const isRegion = (s: string | undefined) => s !== undefined && Region.safeParse(s).success;

/** Where a file sits in a CLI dump: …/<account>/<region>/<operation>(.json | /…/<param>). */
interface DumpPlace {
  accountDir: string;
  region: string;
  operation: string;
  /** Per-resource response: the file's name, URL-decoded (CloudMapper writes quote_plus of the parameter). */
  param?: string;
  /**
   * Every folder and file name below the operation's folder, URL-decoded: CloudMapper nests some per-resource
   * calls two deep (ecs-describe-tasks/<cluster>/<task>, route53-list-hosted-zones-by-vpc/<region>/<vpc>).
   */
  params?: string[];
}

/**
 * The place of a file in a dump. A per-resource folder can itself hold a folder named after a region
 * (CloudMapper's route53-list-hosted-zones-by-vpc/us-east-1/vpc-…), so the innermost region folder is not
 * always the dump's: an operation asbuilt knows wins over one it does not, and a file directly in a region
 * folder is an operation's output only when it ends in .json (CloudMapper and the AWS CLI redirections name
 * them so; per-resource files have no extension).
 */
function dumpPlace(file: string, known: (operation: string) => boolean): DumpPlace | undefined {
  const segs = file.split(sep);
  let fallback: DumpPlace | undefined;
  for (let k = segs.length - 2; k >= 1; k--) {
    const region = segs[k];
    const op = segs[k + 1];
    if (!isRegion(region) || op === undefined) continue;
    const flat = k + 1 === segs.length - 1;
    const operation = flat ? stripJson(op) : op;
    if (flat && !/\.json$/i.test(op) && !known(operation)) continue;
    if (!OPERATION_NAME.test(operation)) continue;
    const params = segs.slice(k + 2).map((s, i, all) => decodeParam(i === all.length - 1 ? stripJson(s) : s));
    const place: DumpPlace = {
      accountDir: segs.slice(0, k).join(sep),
      region: region as string,
      operation,
      ...(params.length > 0 ? { param: params[params.length - 1] as string, params } : {}),
    };
    if (known(operation)) return place;
    fallback ??= place;
  }
  return fallback;
}

function decodeParam(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}

async function listFiles(path: string): Promise<string[]> {
  let s: Stats;
  try {
    s = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT" ? "no such file or folder." : `cannot read it (${code ?? String(err)}).`,
      { file: path },
      "Pass an AWS CLI dump folder (<dir>/<account>/<region>/<service>-<operation>.json), an AWS Config snapshot file or the output of aws configservice select-resource-config.",
    );
  }
  if (!s.isDirectory()) return [resolve(path)];
  const out: string[] = [];
  const entries = readdirSync(path, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    // Hidden files (.DS_Store, editors' swap files) are nobody's data.
    if (e.name.startsWith(".")) continue;
    const p = join(path, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile() || e.isSymbolicLink()) out.push(resolve(p));
  }
  return out;
}

/** Reads every path (files or folders) into one snapshot. */
export async function importPaths(paths: readonly string[], opts: ImportOptions = {}): Promise<ImportResult> {
  const files: string[] = [];
  for (const p of paths) files.push(...(await listFiles(p)));
  const read: ImportResult["read"] = [];
  const skipped: ImportResult["skipped"] = [];
  const times: number[] = [];
  /** Dump files no reader reads: present, not evaluated. */
  const unreadDumps: { place: DumpPlace; count: number }[] = [];
  const accountOfDir = new Map<string, string>();

  // CLI dump responses, by account folder → region → operation.
  const dumps = new Map<string, Map<string, Map<string, DumpResponse[]>>>();
  const configItems: ConfigItem[] = [];
  /** The responses of one operation of one account folder and region. */
  const dumpsAt = (place: DumpPlace): DumpResponse[] => {
    const byRegion = dumps.get(place.accountDir) ?? new Map<string, Map<string, DumpResponse[]>>();
    dumps.set(place.accountDir, byRegion);
    const byOp = byRegion.get(place.region) ?? new Map<string, DumpResponse[]>();
    byRegion.set(place.region, byOp);
    const list = byOp.get(place.operation) ?? [];
    byOp.set(place.operation, list);
    return list;
  };

  /** Account folder → the regions its describe-regions.json lists (what the collector meant to read). */
  const listedRegions = new Map<string, string[]>();

  for (const file of [...new Set(files)]) {
    if (basename(file) === REGION_LIST && !dumpPlace(file, () => false)) {
      const text = await readImportText(file);
      const data = parseImportJson(text, file, "the output of aws ec2 describe-regions");
      const list = isRecord(data) ? data.Regions : undefined;
      if (!Array.isArray(list))
        throw shapeError(
          text,
          file,
          [],
          'expected the JSON object that aws ec2 describe-regions prints, with a "Regions" list.',
          "Write it with `aws ec2 describe-regions > describe-regions.json` (CloudMapper's collect writes it), or delete it.",
        );
      listedRegions.set(
        dirname(file),
        list.flatMap((r) =>
          isRecord(r) && isRegion(r.RegionName as string) ? [r.RegionName as string] : [],
        ),
      );
      read.push({ file, kind: "AWS CLI output (ec2 describe-regions: the regions collected)" });
      continue;
    }
    const place = dumpPlace(file, (op) => op === CALLER_IDENTITY || DUMP_FILES.has(op));
    const spec = place ? DUMP_FILES.get(place.operation) : undefined;
    if (place && place.operation === CALLER_IDENTITY) {
      // Read when the account folder is not named by its id (accountOf).
      read.push({ file, kind: "account id (aws sts get-caller-identity)" });
      continue;
    }
    if (place && spec) {
      if (spec.perResource && place.param === undefined) {
        skipped.push({
          file,
          reason: `aws ${cli(place.operation)} answers for one ${spec.perResource}: put one response per ${spec.perResource} in a folder ${place.operation}/, each file named after it (CloudMapper's layout)`,
        });
        continue;
      }
      const text = await readImportText(file);
      const what = `the output of aws ${cli(place.operation)}`;
      const recorded = spec.errorRecords ? errorRecord(text) : undefined;
      if (recorded !== undefined || (spec.emptyResponse && text.trim() === "")) {
        // A per-resource call's error, or the empty response the CLI prints as nothing.
        dumpsAt(place).push({
          out: {},
          file,
          ...(place.param !== undefined ? { param: place.param, params: place.params } : {}),
          ...(recorded !== undefined ? { error: recorded } : {}),
        });
        read.push({
          file,
          kind: `AWS CLI output (${cli(place.operation)}${recorded !== undefined ? `: ${recorded}` : ", empty"})`,
        });
        times.push(statSync(file).mtimeMs);
        continue;
      }
      const data = parseImportJson(text, file, what);
      if (!isRecord(data))
        throw new InputError(
          `expected the JSON object that aws ${cli(place.operation)} prints, found ${Array.isArray(data) ? "a list" : typeof data}.`,
          { file, line: 1 },
          "Write the file with `aws … --output json > file` (the default output), or delete it.",
        );
      if (spec.list && data[spec.list] !== undefined && !Array.isArray(data[spec.list]))
        throw shapeError(
          text,
          file,
          [spec.list],
          `"${spec.list}" should be a list in ${what}.`,
          "Write the file with `aws … --output json > file`, or delete it.",
        );
      const out = fromJson<Record<string, unknown>>(outputOf(spec.op), data) ?? {};
      dumpsAt(place).push({
        out,
        file,
        ...(place.param !== undefined ? { param: place.param, params: place.params } : {}),
      });
      read.push({ file, kind: `AWS CLI output (${cli(place.operation)})` });
      times.push(statSync(file).mtimeMs);
      continue;
    }
    if (place && !/\.gz$/i.test(file) && !/^\d{12}_Config_/.test(basename(file))) {
      skipped.push({ file, reason: `AWS CLI output asbuilt does not read (aws ${cli(place.operation)})` });
      if (!HOLDS_NO_RESOURCES.has(place.operation))
        unreadDumps.push({ place, count: place.param !== undefined ? 1 : await itemCount(file) });
      continue;
    }
    if (!/\.json(\.gz)?$/i.test(file) && !/\.gz$/i.test(file)) {
      skipped.push({ file, reason: "not a JSON file" });
      continue;
    }
    const text = await readImportText(file);
    const data = parseImportJson(text, file, "an AWS Config snapshot or query result");
    const kind = configFileKind(data);
    if (!kind) {
      skipped.push({
        file,
        reason:
          "neither an AWS CLI dump file (<account>/<region>/<service>-<operation>.json) nor an AWS Config file",
      });
      continue;
    }
    const items = configFileItems(data, text, file);
    configItems.push(...items);
    read.push({ file, kind });
    for (const i of items)
      if (i.capturedAt && !Number.isNaN(Date.parse(i.capturedAt))) times.push(Date.parse(i.capturedAt));
  }

  const resources: Resource[] = [];
  const edges: Edge[] = [];
  const coverage: Coverage[] = [];
  const accounts = new Set<string>();
  const regions = new Set<string>();
  const notes: string[] = [];
  const configNotEvaluated: NotEvaluated[] = [];
  const resourceNotes: ResourceNote[] = [];
  const notRecorded: FromConfig["notRecorded"] = [];

  const readable = new Set(DUMP_READERS.map((r) => r.module.service));
  for (const [accountDir, byRegion] of dumps) {
    const account = await accountOf(accountDir, [...byRegion.keys()], opts.account);
    accountOfDir.set(accountDir, account);
    accounts.add(account);
    // Services a scan reads that a dump cannot feed yet: gaps, so that reports say the picture lacks them.
    for (const m of SERVICES.filter((x) => !readable.has(x.service)))
      for (const region of m.global ? ["global"] : [...byRegion.keys()].filter((r) => r !== "global"))
        coverage.push({
          account,
          region,
          service: m.service,
          status: "skipped",
          error: `asbuilt does not read ${m.service} from an AWS CLI dump yet; scan it with asbuilt scan --services ${m.service}`,
        });
    // Regions the collector listed that the dump has no files of: every regional service there is a gap.
    for (const region of listedRegions.get(accountDir) ?? [])
      if (!byRegion.has(region)) {
        regions.add(region);
        for (const r of DUMP_READERS.filter((x) => !x.module.global))
          coverage.push({
            account,
            region,
            service: r.module.service,
            status: "skipped",
            error: `not in the import: describe-regions.json lists ${region}, but the dump has no files of it`,
          });
      }
    for (const [region, byOp] of byRegion) {
      const get: Get = <T>(name: string) => (byOp.get(name) ?? []) as DumpResponse<T>[];
      if (region !== "global") regions.add(region);
      for (const r of DUMP_READERS) {
        const own = Object.keys(r.files).filter(
          (f) => r.module.service === "tagging" || !f.startsWith("resourcegroupstaggingapi-"),
        );
        const present = own.filter((f) => byOp.has(f));
        if (region === "global" && !r.module.global) {
          for (const f of present)
            for (const x of byOp.get(f) ?? [])
              skipped.push({
                file: x.file,
                reason: `${r.module.service} is a regional service: put its files in a region folder`,
              });
          continue;
        }
        const where = { account, region: r.module.global ? "global" : region };
        if (present.length === 0) {
          coverage.push({
            ...where,
            service: r.module.service,
            status: "skipped",
            error: `not in the import (no ${r.required.map((f) => `${f}.json`).join(", ")})`,
          });
          continue;
        }
        const { raw, gaps, notRecorded = [] } = r.build(get);
        const out = r.module.normalize(raw, where);
        resources.push(...out.resources);
        edges.push(...out.edges);
        const notNeeded = new Set(r.notNeeded?.(get) ?? []);
        const absent = r.required.filter((f) => !byOp.has(f) && !notNeeded.has(f));
        const missing = absent.map((f) => `${f}.json`);
        const problems = [...(missing.length > 0 ? [`no ${missing.join(", ")}`] : []), ...gaps];
        // What the missing files would have recorded stays unknown; the rest of the service was read.
        const unknown = [
          ...new Set([
            ...absent.flatMap((f) => r.records?.[f] ?? SERVICE_TYPES[r.module.service]?.types ?? []),
            ...notRecorded,
          ]),
        ];
        coverage.push(
          problems.length === 0
            ? { ...where, service: r.module.service, status: "scanned" }
            : {
                ...where,
                service: r.module.service,
                status: "partial",
                error: `partial import: ${problems.join("; ")}`,
                notRecorded: unknown,
              },
        );
      }
    }
  }

  if (configItems.length > 0) {
    const converted = normalizeConfigItems(configItems);
    resources.push(...converted.resources);
    edges.push(...converted.edges);
    notes.push(...converted.skipped);
    configNotEvaluated.push(...converted.notEvaluated);
    resourceNotes.push(...converted.notes);
    notRecorded.push(...converted.notRecorded);
    const queries: Coverage[] = [];
    for (const p of converted.places) {
      accounts.add(p.account);
      if (p.region !== "global") regions.add(p.region);
      queries.push({ account: p.account, region: p.region, service: "config", status: "scanned" });
    }
    // What Config records of each service where it answered (a dump's files, where there are some, win).
    coverage.push(...queries, ...configCoverage(queries, { resources: converted.resources }));
  }

  if (read.length === 0)
    throw new InputError(
      `nothing to import: none of the ${files.length} file(s) is an AWS CLI dump file or an AWS Config file.`,
      paths.length === 1 && paths[0] !== undefined ? { file: paths[0] } : undefined,
      "Pass a folder laid out as <dir>/<account>/<region>/<service>-<operation>.json (e.g. 123456789012/us-east-1/ec2-describe-vpcs.json), an AWS Config snapshot file (.json or .json.gz) or the output of aws configservice select-resource-config; docs/import.md describes them.",
      skipped.slice(0, 20).map((s) => `${s.file}: ${s.reason}`),
    );

  // Never silence: what a dump holds that asbuilt cannot read is listed as present, not evaluated.
  const notEvaluated = new Map<string, NotEvaluated>();
  for (const { place, count } of unreadDumps) {
    let account = accountOfDir.get(place.accountDir);
    if (account === undefined) {
      try {
        account = await accountOf(place.accountDir, [place.region], opts.account);
      } catch {
        // No account id to file it under: the file is still listed among the skipped ones.
        continue;
      }
      accountOfDir.set(place.accountDir, account);
    }
    const type = `aws ${cli(place.operation)}`;
    const k = `${account}/${place.region}/${type}`;
    const e = notEvaluated.get(k) ?? {
      account,
      region: place.region,
      type,
      count: 0,
      source: "dump" as const,
    };
    e.count += count;
    notEvaluated.set(k, e);
  }
  for (const n of configNotEvaluated) notEvaluated.set(`${n.account}/${n.region}/${n.type}/config`, n);

  // Nothing the loader would reject is written: each resource is checked against the schema `check` loads
  // snapshots with. A resource the data describes too little to model (a field the schema needs that the
  // file lacks) is left out with a note, and its service's coverage says its type is not fully recorded.
  const { valid, dropped } = validResources(resources);
  for (const d of dropped) notes.push(d.note);
  const newest = times.length > 0 ? new Date(Math.max(...times)) : new Date();
  const { snapshot, droppedEdges } = assembleSnapshot({
    resources: valid,
    edges,
    coverage: markDropped(withNotRecorded(dedupeCoverage(coverage), notRecorded), dropped),
    // A note is about a resource the snapshot holds: none for one left out above.
    notes: resourceNotes.filter((n) => !dropped.some((d) => d.resource.id === n.resource)),
    accounts: [...accounts],
    regions,
    source: "import",
    scannedAt: opts.scannedAt ?? newest,
    notEvaluated: [...notEvaluated.values()],
  });
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // What is left must load: anything else is asbuilt's bug, reported as one clear error before writing.
  const check = validateSnapshot(JSON.parse(serializeSnapshot(snapshot)));
  if (!check.ok)
    throw new InputError(
      `the imported data does not make a valid snapshot (${check.problems.length} problem(s)); nothing was written.`,
      undefined,
      "Report this with the listed problems (https://github.com/asbuilt/asbuilt/issues); meanwhile, remove the files of the named resources and re-run asbuilt import.",
      check.problems.slice(0, 10).map((p) => `${formatPath(p.path)}: ${p.message}`),
    );
  return { snapshot, droppedEdges, read, skipped, notes };
}

interface DroppedResource {
  resource: Resource;
  note: string;
}

/** Resources as the snapshot loader reads them (their JSON), split into those it accepts and those it would not. */
function validResources(resources: readonly Resource[]): { valid: Resource[]; dropped: DroppedResource[] } {
  const valid: Resource[] = [];
  const dropped: DroppedResource[] = [];
  for (const r of resources) {
    const parsed = resourceSchemaFor(r.type).safeParse(JSON.parse(JSON.stringify(r)));
    if (parsed.success) {
      valid.push(r);
      continue;
    }
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${formatPath(i.path)}: ${issueMessage(i)}`)
      .join("; ");
    dropped.push({
      resource: r,
      note: `${r.type} ${r.id} left out: the data lacks what the model needs (${problems})`,
    });
  }
  return { valid, dropped };
}

/** The coverage of a service some of whose resources were left out: partial, their types not fully recorded. */
function markDropped(coverage: Coverage[], dropped: readonly DroppedResource[]): Coverage[] {
  if (dropped.length === 0) return coverage;
  const out = coverage.map((c) => ({ ...c }));
  for (const d of dropped) {
    const service = SERVICE_OF_TYPE.get(d.resource.type) ?? "tagging";
    const region = SERVICE_TYPES[service]?.global ? "global" : d.resource.region;
    let c = out.find((x) => x.account === d.resource.account && x.region === region && x.service === service);
    if (!c) {
      c = { account: d.resource.account, region, service, status: "partial" };
      out.push(c);
    }
    const left = dropped.filter(
      (x) =>
        x.resource.type === d.resource.type &&
        x.resource.account === d.resource.account &&
        (region === "global" || x.resource.region === d.resource.region),
    );
    const what = `${left.length} ${d.resource.type} left out, the data incomplete (see the import notes)`;
    if (c.status === "scanned") {
      c.status = "partial";
      c.error = `partial import: ${what}`;
    } else if (!c.error?.includes(what)) c.error = `${c.error ? `${c.error}; ` : "partial import: "}${what}`;
    c.notRecorded = [...new Set([...(c.notRecorded ?? []), d.resource.type])];
  }
  return out;
}

/** "ec2-describe-vpcs" → "ec2 describe-vpcs", as it is typed ("s3-list-buckets" is `aws s3api list-buckets`). */
function cli(operation: string): string {
  const dash = operation.indexOf("-");
  if (dash < 0) return operation;
  const service = operation.slice(0, dash);
  return `${service === "s3" ? "s3api" : service} ${operation.slice(dash + 1)}`;
}

/**
 * The error code a per-resource file records instead of a response: the AWS CLI's message redirected into
 * it ("An error occurred (NoSuchTagSet) when calling the GetBucketTagging operation: …"), or botocore's
 * error response as a Python collector has it ({"Error": {"Code": "NoSuchTagSet", "Message": …}}).
 */
function errorRecord(text: string): string | undefined {
  const cliMessage = /^\s*An error occurred \(([A-Za-z0-9.]+)\)/.exec(text);
  if (cliMessage?.[1]) return cliMessage[1];
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    const error = isRecord(data) ? data.Error : undefined;
    return isRecord(error) && typeof error.Code === "string" && error.Code !== "" ? error.Code : undefined;
  } catch {
    // Broken JSON is reported by the ordinary reading, with its line.
    return undefined;
  }
}

/** One entry per (account, region, service): the fullest wins (two dumps of a region, a dump and AWS Config). */
function dedupeCoverage(list: Coverage[]): Coverage[] {
  const rank = (c: Coverage) => (c.status === "scanned" ? 0 : c.status === "partial" ? 1 : 2);
  const byKey = new Map<string, Coverage>();
  for (const c of list) {
    const k = `${c.account}\0${c.region}\0${c.service}`;
    const prev = byKey.get(k);
    if (!prev || rank(c) < rank(prev)) byKey.set(k, c);
  }
  return [...byKey.values()];
}

/**
 * The account of a dump folder: its name when that is an account id; else the Account of an
 * sts-get-caller-identity.json in one of its region folders (CloudMapper collects it, and names folders
 * after accounts' names); else --account.
 */
async function accountOf(accountDir: string, regions: string[], given: string | undefined): Promise<string> {
  const name = basename(accountDir);
  if (/^\d{12}$/.test(name)) return name;
  for (const region of ["us-east-1", "global", ...regions]) {
    const file = join(accountDir, region, `${CALLER_IDENTITY}.json`);
    try {
      statSync(file);
    } catch {
      continue;
    }
    const text = await readImportText(file);
    const data = parseImportJson(text, file, "the output of aws sts get-caller-identity");
    const account = isRecord(data) ? data.Account : undefined;
    if (typeof account === "string" && /^\d{12}$/.test(account)) return account;
    throw shapeError(
      text,
      file,
      ["Account"],
      "has no 12-digit Account.",
      "Write it with `aws sts get-caller-identity > sts-get-caller-identity.json`, or pass --account.",
    );
  }
  if (given !== undefined) {
    if (!/^\d{12}$/.test(given))
      throw new InputError(`--account must be a 12-digit account id, not "${given}".`);
    return given;
  }
  throw new InputError(
    `cannot tell which account this dump is: the folder "${name}" is not a 12-digit account id and none of its region folders has sts-get-caller-identity.json.`,
    { file: accountDir },
    "Rename the folder to the account id, add the output of `aws sts get-caller-identity` as <region>/sts-get-caller-identity.json, or pass --account 123456789012.",
  );
}

/** How many items a dump file lists (the lengths of its top-level lists), at least 1: the file itself. */
async function itemCount(file: string): Promise<number> {
  try {
    const data: unknown = JSON.parse(await readImportText(file));
    if (Array.isArray(data)) return Math.max(1, data.length);
    if (!isRecord(data)) return 1;
    const n = Object.values(data).reduce<number>((sum, v) => sum + (Array.isArray(v) ? v.length : 0), 0);
    return Math.max(1, n);
  } catch {
    return 1;
  }
}

/**
 * Unread dump files that stand for no resource asbuilt leaves unevaluated: account metadata, and lists whose
 * items are read from the describe files beside them. Every other unread file is present, not evaluated.
 */
const HOLDS_NO_RESOURCES: ReadonlySet<string> = new Set([
  "ec2-describe-availability-zones",
  "ec2-describe-regions",
  "describe-regions",
  "ecs-list-tasks",
  "ecs-list-services",
]);
