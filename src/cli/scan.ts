import cliProgress from "cli-progress";
import { discoverTargets } from "../collector/accounts.ts";
import { CONFIG_SERVICES } from "../collector/config/normalize.ts";
import { scanConfig } from "../collector/config/scan.ts";
import { type ScanResult, scan } from "../collector/scan.ts";
import { SERVICE_NAMES } from "../collector/services.ts";
import type { ClientSettings } from "../collector/types.ts";
import { InputError } from "../model/errors.ts";
import { checkOutputFile, saveSnapshot } from "../model/io.ts";
import { terminalSafe } from "../report/escape.ts";
import { plural } from "../report/plural.ts";
import { EXIT, gapLine } from "./common.ts";

export interface ScanCliOptions {
  output: string;
  profile?: string;
  regions?: string;
  services?: string;
  endpointUrl?: string;
  assumeRole?: string;
  org?: boolean;
  roleName?: string;
  concurrency?: string;
  /** live (the services' APIs, the default) or config (AWS Config's advanced query). */
  source?: string;
  /** With source config: one SelectAggregateResourceConfig over this aggregator. */
  aggregator?: string;
  quiet?: boolean;
  /** Tests pass fixed credentials instead of the default chain. */
  credentials?: ClientSettings["credentials"];
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
}

export async function runScan(opts: ScanCliOptions): Promise<number> {
  const err = opts.stderr ?? process.stderr;
  const source = opts.source ?? "live";
  if (source !== "live" && source !== "config")
    throw new InputError(`--source must be live or config, not "${source}".`);
  if (opts.aggregator !== undefined && source !== "config")
    throw new InputError(
      "--aggregator reads AWS Config: it needs --source config.",
      undefined,
      "Run asbuilt scan --source config --aggregator NAME --regions <the aggregator's region> -o snapshot.json.",
    );
  if (opts.aggregator !== undefined && (opts.org || opts.assumeRole))
    throw new InputError(
      "--aggregator already covers every account it aggregates: drop --org and --assume-role.",
      undefined,
      "Run it with credentials of the account that owns the aggregator (the management or a delegated administrator account).",
    );
  const services = parseList(opts.services);
  const known = source === "config" ? [...CONFIG_SERVICES] : SERVICE_NAMES;
  const unknown = services?.filter((s) => !known.includes(s)) ?? [];
  if (unknown.length > 0)
    throw new InputError(
      `unknown service${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} in --services${source === "config" ? " (with --source config)" : ""}.`,
      undefined,
      `Choose from: ${known.join(", ")}.`,
    );
  const envRegion = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  const regionList =
    opts.regions === "all" ? "all" : (parseList(opts.regions) ?? (envRegion ? [envRegion] : undefined));
  if (!regionList) {
    throw new InputError(
      "no region to scan.",
      undefined,
      "Pass --regions us-east-1,eu-west-1 (or --regions all for every region enabled in the account), or set AWS_REGION.",
    );
  }
  if (Array.isArray(regionList)) {
    const bad = regionList.filter((r) => !/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/.test(r));
    if (bad.length > 0)
      throw new InputError(
        `"${bad[0]}" is not a region name.`,
        undefined,
        "Regions look like us-east-1 or eu-west-3; separate several with commas.",
      );
  }
  if (opts.org && opts.assumeRole)
    throw new InputError(
      "--org and --assume-role cannot be used together.",
      undefined,
      "Use --org --role-name NAME to assume a role in every account of the organization, or --assume-role ARN,... for specific accounts.",
    );
  const concurrency = opts.concurrency === undefined ? 16 : Number(opts.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    throw new InputError(`--concurrency must be a whole number from 1 to 256, not "${opts.concurrency}".`);

  // Before any AWS call: a scan can take minutes, and its output path is known now.
  await checkOutputFile(opts.output, "snapshot.json");
  const homeRegion = Array.isArray(regionList) ? (regionList[0] ?? "us-east-1") : (envRegion ?? "us-east-1");
  const discovered = await discoverTargets({
    ...(opts.profile ? { profile: opts.profile } : {}),
    regions: regionList,
    ...(opts.assumeRole ? { assumeRoles: parseList(opts.assumeRole) ?? [] } : {}),
    ...(opts.org ? { org: { roleName: opts.roleName ?? "OrganizationAccountAccessRole" } } : {}),
    ...(opts.endpointUrl ? { endpoint: opts.endpointUrl } : {}),
    homeRegion,
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
  });

  const showBar = !opts.quiet && err.isTTY === true && !process.env.CI;
  const bar = showBar
    ? new cliProgress.SingleBar(
        {
          stream: err,
          format: "scanning {bar} {value}/{total} tasks | {task}",
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let started = false;
  const onTaskDone = (done: number, total: number, task: string) => {
    if (!bar) return;
    if (!started) {
      bar.start(total, 0, { task });
      started = true;
    }
    bar.update(done, { task });
  };
  const common = {
    targets: discovered.targets,
    coverage: discovered.coverage,
    ...(services ? { services } : {}),
    ...(opts.endpointUrl ? { endpoint: opts.endpointUrl } : {}),
    concurrency,
    onTaskDone,
  };
  const result =
    source === "config"
      ? await scanConfig({
          ...common,
          homeRegion,
          ...(opts.aggregator !== undefined ? { aggregator: opts.aggregator } : {}),
        })
      : await scan(common);
  bar?.stop();
  await saveSnapshot(opts.output, result.snapshot);
  if (!opts.quiet) {
    err.write(summary(result, opts.output));
    const skipped: string[] = "skipped" in result ? (result as { skipped: string[] }).skipped : [];
    if (skipped.length > 0) {
      err.write(
        `Notes on the AWS Config data (${skipped.length}): not converted, deleted, contradicted or dangling:\n`,
      );
      for (const s of skipped.slice(0, 50)) err.write(`  ${terminalSafe(s)}\n`);
      if (skipped.length > 50) err.write(`  … and ${skipped.length - 50} more\n`);
    }
  }
  return EXIT.ok;
}

export function summary(r: ScanResult, output: string): string {
  const s = r.snapshot;
  const gaps = s.coverage.filter((c) => c.status !== "scanned");
  const lines = [
    `asbuilt scan: ${s.resources.length} resources from ${plural(s.scope.accounts.length, "account")}${s.coverage.some((c) => c.service === "sts") ? ` (${plural(new Set(s.coverage.filter((c) => c.service === "sts").map((c) => c.account)).size, "account")} unreachable)` : ""} × ${plural(s.scope.regions.filter((x) => x !== "global").length, "region")}, ${r.log.calls} API calls (${r.log.attempts} HTTP requests), ${r.seconds.toFixed(1)} s → ${terminalSafe(output)}`,
  ];
  if (gaps.length === 0)
    lines.push("Coverage: complete, every service answered in every account and region.");
  else {
    lines.push(
      `Coverage gaps (${gaps.length}): asbuilt could not see these, so findings there may be missing:`,
    );
    for (const g of gaps) lines.push(gapLine(g));
  }
  return `${lines.join("\n")}\n`;
}

function parseList(s: string | undefined): string[] | undefined {
  if (s === undefined) return undefined;
  const list = s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  return list.length > 0 ? list : undefined;
}
