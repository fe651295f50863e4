import { presentNotEvaluated } from "../model/not-evaluated.ts";
import { summarize } from "../rules/engine.ts";
import type { FindingsReport } from "../rules/finding.ts";
import { grouped, type ReportInput } from "./types.ts";

/** The findings document the web UI and other tools read (schema: FindingsReport in src/rules/finding.ts). */
export function findingsReport(ungrouped: ReportInput): FindingsReport {
  const input = grouped(ungrouped);
  return {
    asbuilt: input.version,
    snapshot: input.snapshotFile,
    ...(input.specFile ? { spec: input.specFile } : {}),
    summary: { ...summarize(input.findings), unverified: input.unverified.length },
    findings: [...input.findings],
    unverified: [...input.unverified],
    presentNotEvaluated: presentNotEvaluated(input.snapshot),
    ...(input.exposure ? { exposure: [...input.exposure.reached, ...input.exposure.unknown] } : {}),
    ...(input.view ? { view: input.view } : {}),
  };
}

/** That document as JSON: what `asbuilt check --format json` writes. */
export function formatJson(input: ReportInput): string {
  return `${JSON.stringify(findingsReport(input), null, 2)}\n`;
}
