import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { computeFacts } from "../analysis/facts.ts";
import type { LoadedSpec } from "../architecture/load.ts";
import { loadSpec } from "../architecture/load.ts";
import type { Severity } from "../architecture/schema.ts";
import { InputError, readInputFile } from "../model/errors.ts";
import { Graph } from "../model/graph.ts";
import { loadSnapshot, writeFileAtomic } from "../model/io.ts";
import type { Snapshot } from "../model/snapshot.ts";
import { diagramView } from "../report/diagram-view.ts";
import { FILE_NAMES, FORMAT_NAMES, FORMATTERS, type FormatName } from "../report/index.ts";
import { failing, runRules } from "../rules/engine.ts";
import { type Finding, FindingsReport } from "../rules/finding.ts";
import { RULES } from "../rules/index.ts";
import type { RuleMeta } from "../rules/types.ts";
import { EXIT, gapLine, VERSION } from "./common.ts";

export interface CheckOptions {
  snapshotFile: string;
  specFile?: string;
  /** One format, or several separated by commas (then --output is a directory). */
  format: string;
  failOn: Severity;
  output?: string;
  /** A previous `--format json` report: only findings not in it are reported and counted. */
  baseline?: string;
  /** Fail (exit 1) when the snapshot says some account, region or service was not read. */
  requireFullCoverage?: boolean;
  now?: Date;
}

export function parseFormats(text: string): FormatName[] {
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !(FORMAT_NAMES as string[]).includes(n));
  if (names.length === 0 || bad.length > 0) {
    throw new InputError(
      `unknown format${bad.length > 1 ? "s" : ""} ${bad.map((b) => `"${b}"`).join(", ") || '""'} in --format.`,
      undefined,
      `Choose from ${FORMAT_NAMES.join(", ")}; several at once with commas (--format sarif,junit,markdown -o reports/).`,
    );
  }
  return [...new Set(names)] as FormatName[];
}

/** Loads a snapshot (and spec), runs every rule, and builds the diagram's view: what check, report and serve share. */
export async function analyzeFiles(snapshotFile: string, specFile: string | undefined, now?: Date) {
  const [snapshot, spec] = await Promise.all([
    loadSnapshot(snapshotFile),
    specFile ? loadSpec(specFile) : undefined,
  ]);
  return analyzeSnapshot(snapshot, spec, now);
}

export function analyzeSnapshot(snapshot: Snapshot, spec: LoadedSpec | undefined, now?: Date) {
  const graph = new Graph(snapshot);
  const facts = computeFacts(graph);
  const findings = runRules(RULES, graph, { spec, facts, now });
  /** The diagram's view (flows cost a reachability pass: built only when asked), for the findings shown. */
  const view = (shown: readonly Finding[] = findings) =>
    diagramView({ graph, facts, spec, now: now ?? new Date() }, shown, ruleIndex());
  return { snapshot, spec, graph, facts, findings, view };
}

export async function runCheck(opts: CheckOptions): Promise<number> {
  const formats = parseFormats(opts.format);
  if (formats.length > 1 && !opts.output) {
    throw new InputError(
      `${formats.length} formats need an output directory.`,
      undefined,
      `Add -o DIR: asbuilt writes ${formats.map((f) => FILE_NAMES[f]).join(", ")} there.`,
    );
  }
  // Validate every input before writing anything, so a bad spec never leaves a half-written report.
  const [snapshot, spec, baseline] = await Promise.all([
    loadSnapshot(opts.snapshotFile),
    opts.specFile ? loadSpec(opts.specFile) : undefined,
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
    rules: ruleIndex(),
    failOn: opts.failOn,
    // Flows cost a reachability pass over tier members: only the JSON report, which diagrams read, needs them.
    ...(formats.includes("json") ? { view: analysis.view(findings) } : {}),
  };
  if (formats.length === 1 && !opts.output) {
    const format = formats[0] ?? "text";
    process.stdout.write(
      FORMATTERS[format]({
        ...input,
        color: format === "text" && process.stdout.isTTY === true && !process.env.NO_COLOR,
      }),
    );
  } else if (formats.length === 1 && opts.output) {
    const format = formats[0] ?? "text";
    await writeFileAtomic(opts.output, FORMATTERS[format](input));
  } else if (opts.output) {
    await mkdir(opts.output, { recursive: true });
    const rendered = formats.map(
      (f) => [join(opts.output ?? ".", FILE_NAMES[f]), FORMATTERS[f](input)] as const,
    );
    for (const [file, text] of rendered) await writeFileAtomic(file, text);
  }
  if (baseline && all.length !== findings.length) {
    process.stderr.write(
      `asbuilt: ${all.length - findings.length} finding(s) already in the baseline ${opts.baseline} are not reported.\n`,
    );
  }
  const gaps = snapshot.coverage.filter((c) => c.status !== "scanned");
  if (opts.requireFullCoverage && gaps.length > 0) {
    process.stderr.write(
      `asbuilt: --require-full-coverage: ${gaps.length} part${gaps.length === 1 ? "" : "s"} of the scope ${gaps.length === 1 ? "was" : "were"} not read, so the findings cannot be complete:\n${gaps
        .map(gapLine)
        .join(
          "\n",
        )}\nGrant the missing permissions (docs/iam-policy.json) or enable the region, and scan again.\n`,
    );
    return EXIT.findings;
  }
  return failing(findings, opts.failOn).length > 0 ? EXIT.findings : EXIT.ok;
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
  return new Set(parsed.data.findings.map((f: Finding) => f.fingerprint));
}

export function ruleIndex(): Map<string, RuleMeta> {
  return new Map(RULES.map((r) => [r.meta.id, r.meta]));
}
