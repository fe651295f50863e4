import { computeFacts } from "../analysis/facts.ts";
import { Graph } from "../model/graph.ts";
import { loadSnapshot, writeFileAtomic } from "../model/io.ts";
import { FORMATTERS, type FormatName } from "../report/index.ts";
import { failing, runRules } from "../rules/engine.ts";
import { RULES } from "../rules/index.ts";
import type { RuleMeta } from "../rules/types.ts";
import { loadSpec } from "../spec/load.ts";
import type { Severity } from "../spec/schema.ts";
import { EXIT, VERSION } from "./common.ts";

export interface CheckOptions {
  snapshotFile: string;
  specFile?: string;
  format: FormatName;
  failOn: Severity;
  output?: string;
  now?: Date;
}

export async function runCheck(opts: CheckOptions): Promise<number> {
  // Validate every input before writing anything, so a bad spec never leaves a half-written report.
  const [snapshot, spec] = await Promise.all([
    loadSnapshot(opts.snapshotFile),
    opts.specFile ? loadSpec(opts.specFile) : undefined,
  ]);
  const graph = new Graph(snapshot);
  const findings = runRules(RULES, graph, { spec, facts: computeFacts(graph), now: opts.now });
  const out = FORMATTERS[opts.format]({
    version: VERSION,
    snapshotFile: opts.snapshotFile,
    specFile: opts.specFile,
    snapshot,
    findings,
    rules: ruleIndex(),
    failOn: opts.failOn,
    color: opts.format === "text" && !opts.output && process.stdout.isTTY === true && !process.env.NO_COLOR,
  });
  if (opts.output) await writeFileAtomic(opts.output, out);
  else process.stdout.write(out);
  return failing(findings, opts.failOn).length > 0 ? EXIT.findings : EXIT.ok;
}

export function ruleIndex(): Map<string, RuleMeta> {
  return new Map(RULES.map((r) => [r.meta.id, r.meta]));
}
