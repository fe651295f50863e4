import type { ExposureReport } from "../analysis/exposure.ts";
import { loadSpecChecked } from "../analyze.ts";
import type { LoadedSpec } from "../architecture/load.ts";
import { loadSnapshot } from "../model/io.ts";
import type { Snapshot } from "../model/snapshot.ts";
import type { Finding, FindingsReport, UnverifiedCheck } from "../rules/finding.ts";
import { diagramDiff, diffAnalyzed } from "./index.ts";
import type { DiffReport } from "./schema.ts";

// `asbuilt serve NEW --compare OLD` and `asbuilt report NEW --compare OLD`: the diagram of the new snapshot
// with what changed marked on it. The UI reads only a snapshot and the findings JSON, so the comparison
// travels in them: the served snapshot is the new one plus what was removed (so that removed resources
// are drawn, ghosted, at their old place), and the findings JSON's `view.diff` says which is which. The
// findings, flows and subnet classes are the new snapshot's alone.

/** The new snapshot with the removed resources and edges of the old one put back, for drawing only. */
export function overlaySnapshot(old: Snapshot, now: Snapshot, report: DiffReport): Snapshot {
  const removed = new Set(report.removed.map((r) => r.id));
  const resources = [...now.resources, ...old.resources.filter((r) => removed.has(r.id))];
  const ids = new Set(resources.map((r) => r.id));
  const edges = [...now.edges, ...report.edges.removed.filter((e) => ids.has(e.from) && ids.has(e.to))];
  return { ...now, resources, edges };
}

export interface CompareData {
  /** What the diagram draws: the new snapshot with the removed resources put back. */
  snapshot: Snapshot;
  /** The new snapshot alone: what the findings are about. */
  current: Snapshot;
  findings: readonly Finding[];
  unverified: readonly UnverifiedCheck[];
  view: NonNullable<FindingsReport["view"]>;
  /** The new snapshot's attack surface (what the internet reaches), as serve and report show it. */
  exposure: ExposureReport;
  report: DiffReport;
}

/** Loads both snapshots (and the spec), diffs them and builds what serve and report hand the diagram. */
export async function compareFiles(
  newFile: string,
  oldFile: string,
  specFile: string | undefined,
  opts: { now?: Date; version: string },
): Promise<CompareData> {
  const [old, now, spec] = await Promise.all([
    loadSnapshot(oldFile),
    loadSnapshot(newFile),
    specFile ? loadSpecChecked(specFile, opts.now ? { now: opts.now } : {}) : undefined,
  ]);
  return compareSnapshots(old, now, spec, { ...opts, oldFile, newFile, ...(specFile ? { specFile } : {}) });
}

export function compareSnapshots(
  old: Snapshot,
  now: Snapshot,
  spec: LoadedSpec | undefined,
  opts: { now?: Date; version: string; oldFile: string; newFile: string; specFile?: string },
): CompareData {
  // A diagram compares what it is given: different scopes are drawn, their resources as not compared.
  const { report, analysis: a } = diffAnalyzed(old, now, {
    oldFile: opts.oldFile,
    newFile: opts.newFile,
    ...(spec ? { spec } : {}),
    ...(opts.specFile ? { specFile: opts.specFile } : {}),
    failOn: "high",
    allowDifferentScope: true,
    ...(opts.now ? { now: opts.now } : {}),
    version: opts.version,
  });
  return {
    snapshot: overlaySnapshot(old, now, report),
    current: now,
    findings: a.findings,
    unverified: a.unverified,
    view: { ...a.view(), diff: diagramDiff(report) },
    exposure: a.exposure(),
    report,
  };
}
