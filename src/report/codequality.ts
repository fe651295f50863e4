import type { Severity } from "../architecture/schema.ts";
import { grouped, type ReportInput } from "./types.ts";

// GitLab's code quality report (a CodeClimate-style JSON list), for a merge request's code quality widget:
// one entry per open finding, at the spec line it is about when there is one, else at the snapshot file.
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format

const SEVERITY: Record<Severity, "minor" | "major" | "critical" | "blocker"> = {
  low: "minor",
  medium: "major",
  high: "critical",
  critical: "blocker",
};

export function formatCodeQuality(ungrouped: ReportInput): string {
  const input = grouped(ungrouped);
  const entries = input.findings
    .filter((f) => !f.waived)
    .map((f) => ({
      description: `${f.message}${f.related?.length ? ` (also: ${f.related.map((r) => r.ruleId).join(", ")})` : ""}`,
      check_name: f.ruleId,
      fingerprint: f.fingerprint,
      severity: SEVERITY[f.severity],
      location:
        f.specLine !== undefined && input.specFile
          ? { path: input.specFile, lines: { begin: f.specLine } }
          : { path: input.snapshotFile, lines: { begin: 1 } },
      categories: ["Security"],
      content: { body: f.evidence.map((e) => `- ${e}`).join("\n") },
    }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}
