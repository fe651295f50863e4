import type { ExposureReport } from "../analysis/exposure.ts";
import type { FailOn } from "../architecture/schema.ts";
import type { Snapshot } from "../model/snapshot.ts";
import type { Finding, FindingsReport, UnverifiedCheck } from "../rules/finding.ts";
import { groupFindings } from "../rules/group.ts";
import type { RuleMeta } from "../rules/types.ts";

/** Everything a formatter may show. Formatters are pure: same input, same bytes. */
export interface ReportInput {
  version: string;
  snapshotFile: string;
  specFile?: string;
  snapshot: Snapshot;
  findings: readonly Finding[];
  /** Checks that could not be decided because data they need was not recorded. */
  unverified: readonly UnverifiedCheck[];
  rules: ReadonlyMap<string, RuleMeta>;
  /** The gate's threshold; "none": a report-only run that never fails on findings. */
  failOn: FailOn;
  /** Tiers, environment tag and flows for diagrams (the JSON and HTML reports carry them). */
  view?: FindingsReport["view"];
  /** What the internet reaches (JSON, Markdown and HTML reports show it). */
  exposure?: ExposureReport;
  /** ANSI colours in text output (a TTY without NO_COLOR). */
  color?: boolean;
}

export type Formatter = (input: ReportInput) => string;

/**
 * The input as the reports people read show it: one finding per problem on a resource, the others listed
 * as related (src/rules/group.ts). SARIF and JUnit keep every rule's finding apart.
 */
export function grouped(input: ReportInput): ReportInput {
  return { ...input, findings: groupFindings(input.findings, input.rules) };
}
