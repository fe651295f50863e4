import { computeAttackSurface, type ExposureReport } from "./analysis/exposure.ts";
import { computeFacts } from "./analysis/facts.ts";
import { type LoadedSpec, loadSpec, type SpecOptions } from "./architecture/load.ts";
import { Graph } from "./model/graph.ts";
import { loadSnapshot } from "./model/io.ts";
import type { Snapshot } from "./model/snapshot.ts";
import { diagramView } from "./report/diagram-view.ts";
import { ruleContext, runChecks } from "./rules/engine.ts";
import type { Finding } from "./rules/finding.ts";
import { RULES } from "./rules/index.ts";
import type { RuleMeta } from "./rules/types.ts";

// What `check`, `report`, `serve`, `explain` and the library share: a snapshot (and spec) in, the graph,
// its facts, the findings, the unverified checks and the diagram's view out.

/** Loads a spec as every command does: its waivers and `rules:` must name rules that exist. */
export function loadSpecChecked(
  file: string,
  opts: Omit<SpecOptions, "knownRules"> = {},
): Promise<LoadedSpec> {
  return loadSpec(file, { ...opts, knownRules: RULES.map((r) => r.meta.id) });
}

/** Loads a snapshot (and spec), runs every rule, and builds the diagram's view: what check, report and serve share. */
export async function analyzeFiles(snapshotFile: string, specFile: string | undefined, now?: Date) {
  const [snapshot, spec] = await Promise.all([
    loadSnapshot(snapshotFile),
    specFile ? loadSpecChecked(specFile, now ? { now } : {}) : undefined,
  ]);
  return analyzeSnapshot(snapshot, spec, now);
}

export function analyzeSnapshot(snapshot: Snapshot, spec: LoadedSpec | undefined, now?: Date) {
  const graph = new Graph(snapshot);
  const facts = computeFacts(graph);
  const { findings, unverified } = runChecks(RULES, graph, { spec, facts, now });
  /** The diagram's view (flows cost a reachability pass: built only when asked), for the findings shown. */
  const view = (shown: readonly Finding[] = findings) =>
    diagramView(ruleContext(graph, { spec, facts, now }), shown, ruleIndex());
  /** What the internet reaches (built on first use). */
  let surface: ExposureReport | undefined;
  const exposure = () => {
    surface ??= computeAttackSurface(graph, facts);
    return surface;
  };
  return { snapshot, spec, graph, facts, findings, unverified, view, exposure };
}

export function ruleIndex(): Map<string, RuleMeta> {
  return new Map(RULES.map((r) => [r.meta.id, r.meta]));
}
