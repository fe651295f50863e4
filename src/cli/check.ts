import { FailOn } from "../architecture/schema.ts";
import { InputError, readInputFile } from "../model/errors.ts";
import { loadSnapshot } from "../model/io.ts";
import { terminalSafe } from "../report/escape.ts";
import { loadFormatters } from "../report/load.ts";
import { FILE_NAMES, FORMAT_NAMES, type FormatName } from "../report/names.ts";
import { formatBrief, formatSummary, formatText } from "../report/text.ts";
import { failing, failingUnverified } from "../rules/engine.ts";
import { FindingsReport } from "../rules/finding.ts";
import { fingerprintsOf } from "../rules/group.ts";
import { EXIT, gapLine, VERSION } from "./common.ts";
import { checkOutputFor, parseFormatList, writeFormats } from "./formats.ts";

// The analysis every command shares is the library's (src/analyze.ts); re-exported for the commands.
export { analyzeFiles, analyzeSnapshot, loadSpecChecked, ruleIndex } from "../analyze.ts";

import { analyzeSnapshot, loadSpecChecked, ruleIndex } from "../analyze.ts";

export interface CheckOptions {
  snapshotFile: string;
  specFile?: string;
  /** One format, or several separated by commas (then --output is a directory). */
  format: string;
  /** A severity, or "none" for a report-only run; any case. */
  failOn: string;
  output?: string;
  /** Per-rule counts and the top findings instead of (text on stdout) or beside (-o, other formats) the report. */
  summary?: boolean;
  /** A previous `--format json` report: only findings not in it are reported and counted. */
  baseline?: string;
  /** No waiver may expire more than this many days from today (with the spec's own waivers.maxDays, the stricter holds). */
  maxWaiverDays?: number;
  /** Fail (exit 1) when the snapshot says some account, region or service was not read. */
  requireFullCoverage?: boolean;
  now?: Date;
}

export function parseFormats(text: string): FormatName[] {
  return parseFormatList(text, FORMAT_NAMES, "--format sarif,junit,markdown -o reports/");
}

export function parseFailOn(text: string): FailOn {
  const parsed = FailOn.safeParse(text.trim().toLowerCase());
  if (!parsed.success) {
    throw new InputError(
      `--fail-on ${JSON.stringify(text)} is not a severity.`,
      undefined,
      `Choose from ${FailOn.options.join(", ")} (none: report only, findings never fail the run).`,
    );
  }
  return parsed.data;
}

export async function runCheck(opts: CheckOptions): Promise<number> {
  const formats = parseFormats(opts.format);
  if (opts.maxWaiverDays !== undefined && opts.specFile === undefined)
    throw new InputError(
      "--max-waiver-days limits the waivers of a spec: it needs --spec.",
      undefined,
      "Add --spec architecture.yaml, or drop --max-waiver-days.",
    );
  const failOn = parseFailOn(opts.failOn);
  // Validate every input, and where the output goes, before any work or any write: a bad spec never
  // leaves a half-written report, and a mistyped -o fails at once rather than after the analysis.
  await checkOutputFor(formats, opts.output, FILE_NAMES);
  const [snapshot, spec, baseline] = await Promise.all([
    loadSnapshot(opts.snapshotFile),
    opts.specFile
      ? loadSpecChecked(opts.specFile, {
          ...(opts.now ? { now: opts.now } : {}),
          ...(opts.maxWaiverDays !== undefined ? { maxWaiverDays: opts.maxWaiverDays } : {}),
        })
      : undefined,
    opts.baseline ? loadBaseline(opts.baseline) : undefined,
  ]);
  const analysis = analyzeSnapshot(snapshot, spec, opts.now);
  const all = analysis.findings;
  const findings = baseline ? all.filter((f) => !baseline.has(f.fingerprint)) : all;
  const input = {
    version: VERSION,
    snapshotFile: opts.snapshotFile,
    specFile: opts.specFile,
    snapshot,
    findings,
    unverified: analysis.unverified,
    rules: ruleIndex(),
    failOn,
    // Flows cost a reachability pass over tier members: only the JSON report, which diagrams read, needs them.
    ...(formats.includes("json") ? { view: analysis.view(findings) } : {}),
    ...(formats.some((f) => f === "json" || f === "markdown") ? { exposure: analysis.exposure() } : {}),
  };
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const FORMATTERS = await loadFormatters(formats);
  if (!opts.output) {
    const format = formats[0] ?? "text";
    if (format === "text")
      process.stdout.write((opts.summary ? formatSummary : formatText)({ ...input, color }));
    else {
      process.stdout.write(FORMATTERS[format](input));
      if (opts.summary) process.stderr.write(formatSummary(input));
    }
  } else {
    const written = await writeFormats(formats, opts.output, FILE_NAMES, (f) => FORMATTERS[f](input));
    // The report went to a file: CI logs still need to show what was checked and the verdict.
    process.stderr.write(
      `asbuilt: wrote ${written.map((w) => terminalSafe(w)).join(", ")}\n${(opts.summary ? formatSummary : formatBrief)(input)}`,
    );
  }
  if (baseline && all.length !== findings.length) {
    process.stderr.write(
      `asbuilt: ${all.length - findings.length} finding(s) already in the baseline ${opts.baseline} are not reported.\n`,
    );
  }
  const gaps = snapshot.coverage.filter((c) => c.status !== "scanned");
  const vague = failingUnverified(analysis.unverified, failOn);
  if (opts.requireFullCoverage && (gaps.length > 0 || vague.length > 0)) {
    const parts = [
      ...(gaps.length > 0
        ? [
            `${gaps.length} part${gaps.length === 1 ? "" : "s"} of the scope ${gaps.length === 1 ? "was" : "were"} not read, so the findings cannot be complete:\n${gaps.map(gapLine).join("\n")}`,
          ]
        : []),
      ...(vague.length > 0
        ? [
            `${vague.length} check${vague.length === 1 ? "" : "s"} at or above ${failOn} could not be decided (unverified: the data ${vague.length === 1 ? "it needs was" : "they need were"} not recorded):\n${vague
              .slice(0, 10)
              .map(
                (u) =>
                  `  ${u.ruleId} ${terminalSafe(u.resourceName ?? u.resourceId)}: ${terminalSafe(u.missing.join("; "))}`,
              )
              .join(
                "\n",
              )}${vague.length > 10 ? `\n  … and ${vague.length - 10} more (--format json lists them)` : ""}`,
          ]
        : []),
    ];
    process.stderr.write(
      `asbuilt: --require-full-coverage: ${parts.join("\n")}\nGrant the missing permissions (docs/iam-policy.json), enable the region or collect the missing data, and scan again.\n`,
    );
    return EXIT.findings;
  }
  return failing(findings, failOn).length > 0 ? EXIT.findings : EXIT.ok;
}

async function loadBaseline(file: string): Promise<Set<string>> {
  const text = await readInputFile(
    file,
    "baseline",
    "Pass --baseline a findings file written earlier by `asbuilt check --format json -o FILE`.",
  );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(
      "the baseline is not valid JSON.",
      { file },
      "Pass --baseline a findings file written by `asbuilt check --format json`.",
    );
  }
  const parsed = FindingsReport.safeParse(data);
  if (!parsed.success) {
    throw new InputError(
      "the baseline is not an asbuilt findings report.",
      { file },
      "Pass --baseline a findings file written by `asbuilt check --format json` (the same asbuilt version).",
    );
  }
  return new Set(parsed.data.findings.flatMap(fingerprintsOf));
}
