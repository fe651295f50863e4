import { summarize } from "../rules/engine.ts";
import type { FindingsReport } from "../rules/finding.ts";
import type { ReportInput } from "./types.ts";

/** The findings JSON the web UI and other tools read (schema: FindingsReport in src/rules/finding.ts). */
export function formatJson(input: ReportInput): string {
  const report: FindingsReport = {
    asbuilt: input.version,
    snapshot: input.snapshotFile,
    ...(input.specFile ? { spec: input.specFile } : {}),
    summary: summarize(input.findings),
    findings: [...input.findings],
    ...(input.view ? { view: input.view } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
