import { randomBytes } from "node:crypto";
import type { Stats } from "node:fs";
import { mkdir, rename, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InputError, readInputFile } from "./errors.ts";
import { checkIntegrity } from "./graph.ts";
import {
  formatPath,
  issueMessage,
  jsonErrorOffset,
  locatePath,
  type Position,
  positionOf,
} from "./locate.ts";
import {
  type Resource,
  resourceSchemaFor,
  SCHEMA_VERSION,
  type Snapshot,
  SnapshotShell,
} from "./snapshot.ts";

const MAX_LISTED = 20;

/**
 * From this many resources, zod's compiled validators (one generated function per object schema, made on
 * first use) are used. Generating them costs about 20 ms, which was most of loading a seed account's
 * snapshot (33 ms against 12 ms without); the interpreted path validates as fast up to at least 10k
 * resources (docs/benchmarks.md), beyond which the compiled ones win.
 */
const COMPILED_FROM = 10_000;

interface Problem {
  path: PropertyKey[];
  message: string;
}

/** Validates parsed JSON as a snapshot: every problem with its JSON path, or the typed snapshot. */
export function validateSnapshot(
  data: unknown,
): { ok: true; snapshot: Snapshot } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const listed = (data as { resources?: unknown } | null)?.resources;
  const ctx = { jitless: !Array.isArray(listed) || listed.length < COMPILED_FROM };
  const shell = SnapshotShell.safeParse(data, ctx);
  if (!shell.success) {
    for (const issue of shell.error.issues) problems.push({ path: issue.path, message: issueMessage(issue) });
    return { ok: false, problems };
  }
  const resources: Resource[] = [];
  shell.data.resources.forEach((raw, i) => {
    const type = (raw as { type?: unknown } | null)?.type;
    const parsed = resourceSchemaFor(type).safeParse(raw, ctx);
    if (parsed.success) resources.push(parsed.data as Resource);
    else
      for (const issue of parsed.error.issues)
        problems.push({
          path: ["resources", i, ...issue.path],
          message: `${issueMessage(issue)}${describe(raw)}`,
        });
  });
  if (problems.length > 0) return { ok: false, problems };
  const snapshot: Snapshot = { ...shell.data, resources };
  for (const p of checkIntegrity(snapshot))
    problems.push({
      path: p.path
        .split(/[.[\]]+/)
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      message: p.message,
    });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, snapshot };
}

function describe(raw: unknown): string {
  const r = raw as { type?: unknown; id?: unknown } | null;
  if (typeof r?.type === "string" && typeof r.id === "string") return ` (in ${r.type} ${r.id})`;
  return "";
}

/** Parses and validates snapshot JSON text; `file` names it in errors. */
export function parseSnapshot(text: string, file: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw jsonSyntaxError(text, file, err as Error);
  }
  if (
    typeof data === "object" &&
    data !== null &&
    "schemaVersion" in data &&
    data.schemaVersion !== SCHEMA_VERSION
  ) {
    throw new InputError(
      `unsupported snapshot schemaVersion ${JSON.stringify(data.schemaVersion)}; this asbuilt reads version ${SCHEMA_VERSION}.`,
      { file },
      "Re-create the snapshot with this version of asbuilt (asbuilt scan or asbuilt import).",
    );
  }
  const result = validateSnapshot(data);
  if (result.ok) return result.snapshot;
  const first = result.problems[0];
  const pos: Position | undefined = first ? locatePath(text, first.path) : undefined;
  const details = result.problems.slice(0, MAX_LISTED).map((p) => `${formatPath(p.path)}: ${p.message}`);
  if (result.problems.length > MAX_LISTED) details.push(`… and ${result.problems.length - MAX_LISTED} more`);
  throw new InputError(
    `not a valid asbuilt snapshot (${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}):`,
    { file, ...pos },
    "Fix the listed fields, or re-create the snapshot with asbuilt scan / asbuilt import; the format is described in docs/snapshot.md.",
    details,
  );
}

function jsonSyntaxError(text: string, file: string, err: Error): InputError {
  if (text.trim() === "") {
    return new InputError(
      "the snapshot file is empty.",
      { file },
      "Point asbuilt at a snapshot written by asbuilt scan, import or demo.",
    );
  }
  const { offset, atEnd } = jsonErrorOffset(text);
  const pos = positionOf(text, offset);
  if (atEnd) {
    return new InputError(
      "the snapshot ends in the middle of its JSON: the file is truncated (an interrupted scan, copy or download).",
      { file, ...pos },
      "Re-run the scan or copy the file again; asbuilt writes snapshots atomically, so a complete run never leaves a partial file.",
    );
  }
  const reason = err.message
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/, ".*" is not valid JSON$/s, "");
  return new InputError(
    `the snapshot is not valid JSON: ${reason}.`,
    { file, ...pos },
    "Snapshots are JSON files written by asbuilt; fix the syntax at that position or re-create the file.",
  );
}

export async function loadSnapshot(file: string): Promise<Snapshot> {
  const text = await readInputFile(
    file,
    "snapshot",
    "Pass the path of a snapshot JSON written by asbuilt scan, import or demo (the fixtures have one each: fixtures/<name>/snapshot.json).",
  );
  return parseSnapshot(text, file);
}

/**
 * Canonical JSON for a snapshot: resources by id, edges by (from, to, kind), coverage by
 * (account, region, service), tags by key, two-space indent, trailing newline. Same input, same bytes.
 */
export function serializeSnapshot(snapshot: Snapshot): string {
  const canonical = {
    schemaVersion: snapshot.schemaVersion,
    scannedAt: snapshot.scannedAt,
    ...(snapshot.source !== undefined ? { source: snapshot.source } : {}),
    scope: {
      accounts: [...new Set(snapshot.scope.accounts)].sort(),
      regions: [...new Set(snapshot.scope.regions)].sort(),
    },
    resources: [...snapshot.resources]
      .sort((a, b) => cmp(a.id, b.id))
      .map((r) => ({
        id: r.id,
        type: r.type,
        account: r.account,
        region: r.region,
        ...(r.name !== undefined ? { name: r.name } : {}),
        tags: Object.fromEntries(Object.entries(r.tags).sort(([a], [b]) => cmp(a, b))),
        ...(r.parent !== undefined ? { parent: r.parent } : {}),
        props: r.props,
      })),
    edges: [...snapshot.edges].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind)),
    coverage: [...snapshot.coverage].sort(
      (a, b) => cmp(a.account, b.account) || cmp(a.region, b.region) || cmp(a.service, b.service),
    ),
    ...(snapshot.notEvaluated && snapshot.notEvaluated.length > 0
      ? {
          notEvaluated: [...snapshot.notEvaluated].sort(
            (a, b) =>
              cmp(a.account, b.account) ||
              cmp(a.region, b.region) ||
              cmp(a.type, b.type) ||
              cmp(a.source, b.source),
          ),
        }
      : {}),
    ...(snapshot.notes && snapshot.notes.length > 0
      ? {
          notes: [...snapshot.notes].sort((a, b) => cmp(a.resource, b.resource) || cmp(a.note, b.note)),
        }
      : {}),
  };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Output paths. One rule for every command that writes (check, report, init, merge, import, scan,
// demo --save): asbuilt creates the file it is told to write, or, for several formats, the folder it
// is told to write them into, but never a missing folder above it. A typo in a path then fails at
// once, naming the path the user typed, instead of growing a directory tree somewhere unexpected.

/** Fails with an InputError unless `file` can be written as a file: its folder exists and it is not a folder. */
export async function checkOutputFile(file: string, nameInFolder?: string): Promise<void> {
  await checkParent(file);
  const st = await statOrUndefined(file);
  if (st?.isDirectory()) {
    throw new InputError(
      "is a folder, not a file to write.",
      { file },
      nameInFolder
        ? `Name the file to write, such as ${join(file, nameInFolder)}.`
        : "Name the file to write, not a folder.",
    );
  }
}

/**
 * Fails with an InputError unless `dir` is, or can be created as, a folder to write several files into:
 * an existing folder, or a new one whose parent exists. `purpose` says what needs it ("3 formats").
 */
export async function checkOutputDir(dir: string, purpose: string): Promise<void> {
  const st = await statOrUndefined(dir);
  if (st && !st.isDirectory()) {
    throw new InputError(
      `is a file, but ${purpose} need a folder to be written into.`,
      { file: dir },
      "Name a folder (an existing one, or a new one in an existing folder: asbuilt creates it), or ask for one format only.",
    );
  }
  if (!st) await checkParent(dir);
}

/** Writes files (names relative to `dir`) into a folder, creating the folder itself if it is new; all or none. */
export async function writeFilesInto(
  dir: string,
  files: readonly { name: string; content: string }[],
  purpose: string,
): Promise<void> {
  await checkOutputDir(dir, purpose);
  let created = false;
  try {
    await mkdir(dir);
    created = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw outputError(err, dir);
  }
  try {
    await writeFilesAtomic(files.map((f) => ({ file: join(dir, f.name), content: f.content })));
  } catch (err) {
    if (created) await rmdir(dir).catch(() => {});
    throw err;
  }
}

async function checkParent(path: string): Promise<void> {
  const parent = dirname(resolve(path));
  const st = await statOrUndefined(parent);
  if (!st) {
    throw new InputError(
      `cannot be written: the folder ${dirname(path)} does not exist.`,
      { file: path },
      `asbuilt never creates missing folders above the path it writes: create it first (mkdir -p ${dirname(path)}) or choose a path in an existing folder.`,
    );
  }
  if (!st.isDirectory()) {
    throw new InputError(
      `cannot be written: ${dirname(path)} is a file, not a folder.`,
      { file: path },
      "Choose a path in an existing folder.",
    );
  }
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw outputError(err, path);
  }
}

/** A failed write as the user's mistake (or their machine's state), naming the path they gave, never the temp file. */
export function outputError(err: unknown, file: string): Error {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string") return err instanceof Error ? err : new Error(String(err));
  const reasons: Record<string, [string, string]> = {
    EACCES: ["permission denied", "Choose a path you may write to, or change the folder's permissions."],
    EPERM: ["operation not permitted", "Choose a path you may write to, or change the folder's permissions."],
    EROFS: ["the file system is read-only", "Choose a path on a writable file system."],
    ENOSPC: ["no space left on the device", "Free some space, or choose another device."],
    EDQUOT: ["disk quota exceeded", "Free some space, or choose another device."],
    EISDIR: ["it is a folder", "Name a file to write, not a folder."],
    ENOENT: ["its folder does not exist", "Create the folder first, or choose a path in an existing folder."],
    ENOTDIR: ["a part of the path is a file, not a folder", "Choose a path in an existing folder."],
    ENAMETOOLONG: ["the name is too long", "Choose a shorter path."],
  };
  const [reason, fix] = reasons[code] ?? [
    `${code}`,
    "Choose another path, or check the file system the path is on.",
  ];
  return new InputError(`cannot be written: ${reason}.`, { file }, fix);
}

/** Writes a file atomically (temp file + rename), so a failed run never leaves half a file. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await writeFilesAtomic([{ file, content }]);
}

/**
 * Writes several files, each atomically (temp file + rename), and all of them only once every one has
 * been written in full beside its target: a failure leaves none of the new files and no temp file.
 */
export async function writeFilesAtomic(files: readonly { file: string; content: string }[]): Promise<void> {
  for (const f of files) await checkOutputFile(f.file);
  const temps: { tmp: string; file: string }[] = [];
  try {
    for (const { file, content } of files) {
      const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
      temps.push({ tmp, file });
      try {
        await writeFile(tmp, content, "utf8");
      } catch (err) {
        throw outputError(err, file);
      }
    }
    for (const { tmp, file } of temps) {
      try {
        await rename(tmp, file);
      } catch (err) {
        throw outputError(err, file);
      }
    }
  } catch (err) {
    await Promise.all(temps.map(({ tmp }) => unlink(tmp).catch(() => {})));
    throw err;
  }
}

export async function saveSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await writeFileAtomic(file, serializeSnapshot(snapshot));
}
