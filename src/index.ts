// asbuilt as a library: the functions the CLI is a thin layer over (docs/api.md).
//
//   import { loadSnapshot, analyze, scan } from "asbuilt";
//   const result = analyze(await loadSnapshot("snapshot.json"), { spec: await loadSpec("architecture.yaml") });

import { analyzeSnapshot } from "./analyze.ts";
import type { LoadedSpec } from "./architecture/load.ts";
import type { Snapshot } from "./model/snapshot.ts";

export type { Facts } from "./analysis/facts.ts";
export type { Exposure, Path } from "./analysis/reachability.ts";
export { analyzeFiles, ruleIndex } from "./analyze.ts";
export { type LoadedSpec, loadSpec, parseSpec } from "./architecture/load.ts";
export type { Severity, Spec } from "./architecture/schema.ts";
export { discoverTargets } from "./collector/accounts.ts";
export { scanConfig } from "./collector/config/scan.ts";
export { type ImportResult, importPaths } from "./collector/import/index.ts";
export { type AccountTarget, type ScanOptions, type ScanResult, scan } from "./collector/scan.ts";
export { SERVICE_NAMES } from "./collector/services.ts";
export { DIFF_FORMATTERS, type DiffFormat } from "./diff/format.ts";
export { type DiffOptions, diffSnapshots } from "./diff/index.ts";
export { DiffReport } from "./diff/schema.ts";
export { InputError } from "./model/errors.ts";
export { Graph } from "./model/graph.ts";
export {
  loadSnapshot,
  parseSnapshot,
  saveSnapshot,
  serializeSnapshot,
  validateSnapshot,
} from "./model/io.ts";
export { mergeSnapshots } from "./model/merge.ts";
export type { Coverage, Edge, Resource, Snapshot } from "./model/snapshot.ts";
export { explain, formatExplanation } from "./report/explain.ts";
export { FORMAT_NAMES, FORMATTERS, type FormatName } from "./report/index.ts";
export { findingsReport } from "./report/json.ts";
export type { ReportInput } from "./report/types.ts";
export { failing, runChecks, summarize } from "./rules/engine.ts";
export type { Finding, FindingsReport, UnverifiedCheck } from "./rules/finding.ts";
export { groupFindings } from "./rules/group.ts";
export { RULES } from "./rules/index.ts";
export type { Rule, RuleMeta } from "./rules/types.ts";

/**
 * Checks a snapshot: every rule (with `spec`, the conformance rules too). Returns the graph, its facts
 * (subnet classes, reachability), the findings, the checks that could not be decided (unverified), and
 * `view()`, the diagram's data. The same code as `asbuilt check`.
 */
export function analyze(snapshot: Snapshot, opts: { spec?: LoadedSpec; now?: Date } = {}) {
  return analyzeSnapshot(snapshot, opts.spec, opts.now);
}
