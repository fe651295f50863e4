import { vpcIdOf } from "../analysis/subnets.ts";
import { analyzeSnapshot } from "../analyze.ts";
import type { LoadedSpec } from "../architecture/load.ts";
import type { FailOn } from "../architecture/schema.ts";
import { ec2Arn } from "../model/arn.ts";
import { InputError } from "../model/errors.ts";
import type { Resource, Snapshot } from "../model/snapshot.ts";
import { failing, ruleContext } from "../rules/engine.ts";
import type { DiagramDiff, Finding, UnverifiedCheck } from "../rules/finding.ts";
import { diffResources } from "./changes.ts";
import { exposureDelta, tierFlowDelta } from "./exposure.ts";
import type { DiffReport, NewFinding, ResourceRef } from "./schema.ts";

// `asbuilt diff`: two snapshots in, one DiffReport out. Each side is analysed exactly as `check` analyses
// one snapshot (src/analyze.ts: the same rules, facts and spec), then compared: resources and edges
// (changes.ts), what the network allows (exposure.ts), findings and unverified checks by fingerprint.

export interface DiffOptions {
  oldFile: string;
  newFile: string;
  spec?: LoadedSpec;
  specFile?: string;
  failOn: FailOn;
  /** Compare snapshots of different account sets (resources of accounts only one side covers are listed as not compared). */
  allowDifferentScope?: boolean;
  now?: Date;
  version: string;
}

/** Snapshots of different account sets are not a drift of one system: refused unless asked for. */
export function checkScope(old: Snapshot, now: Snapshot, opts: Pick<DiffOptions, "oldFile" | "newFile">) {
  const onlyOld = old.scope.accounts.filter((a) => !now.scope.accounts.includes(a));
  const onlyNew = now.scope.accounts.filter((a) => !old.scope.accounts.includes(a));
  if (onlyOld.length === 0 && onlyNew.length === 0) return;
  const list = (xs: string[]) => (xs.length > 0 ? xs.join(", ") : "none");
  throw new InputError(
    `the two snapshots cover different accounts (only in ${opts.oldFile}: ${list(onlyOld)}; only in ${opts.newFile}: ${list(onlyNew)}), so nothing in the accounts only one of them covers can be compared.`,
    { file: opts.newFile },
    "Diff two scans of the same accounts (asbuilt scan with the same --assume-role / --org), or add --allow-different-scope to compare them anyway.",
  );
}

export function diffSnapshots(old: Snapshot, now: Snapshot, opts: DiffOptions): DiffReport {
  return diffAnalyzed(old, now, opts).report;
}

/** The diff, and the new snapshot's analysis it made on the way (serve --compare draws from it). */
export function diffAnalyzed(
  old: Snapshot,
  now: Snapshot,
  opts: DiffOptions,
): { report: DiffReport; analysis: ReturnType<typeof analyzeSnapshot> } {
  if (!opts.allowDifferentScope) checkScope(old, now, opts);
  const a = analyzeSnapshot(old, opts.spec, opts.now);
  const b = analyzeSnapshot(now, opts.spec, opts.now);
  const res = diffResources(old, now, { old: a.graph.recorded, new: b.graph.recorded });
  const ctxA = ruleContext(a.graph, {
    spec: opts.spec,
    facts: a.facts,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const ctxB = ruleContext(b.graph, {
    spec: opts.spec,
    facts: b.facts,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const skip = new Set(res.unrecorded.map((u) => u.resource.id));
  const internet = exposureDelta(ctxA, ctxB, skip, { old: a.exposure(), new: b.exposure() });
  const tierFlows = tierFlowDelta(ctxA, ctxB);

  const vpcName = new Map<string, string>();
  const ref = (r: Resource): ResourceRef => {
    const vpc =
      r.type === "AWS::EC2::VPC"
        ? r.id
        : (() => {
            const v = vpcIdOf(r);
            return v ? ec2Arn(r.region, r.account, "vpc", v) : undefined;
          })();
    if (vpc && !vpcName.has(vpc)) vpcName.set(vpc, (b.graph.get(vpc) ?? a.graph.get(vpc))?.name ?? "");
    const vn = vpc ? vpcName.get(vpc) : undefined;
    return {
      id: r.id,
      type: r.type,
      ...(r.name !== undefined ? { name: r.name } : {}),
      account: r.account,
      region: r.region,
      ...(vpc ? { vpc } : {}),
      ...(vn ? { vpcName: vn } : {}),
    };
  };

  const oldFps = new Set(a.findings.map((f) => f.fingerprint));
  const newFps = new Set(b.findings.map((f) => f.fingerprint));
  const cause = causes(res, internet);
  // A finding on a resource the other snapshot did not record is neither new nor fixed: not compared.
  const unrecorded = new Set(res.unrecorded.map((u) => u.resource.id));
  const notCompared = [
    ...b.findings.filter((f) => !oldFps.has(f.fingerprint) && unrecorded.has(f.resourceId)),
    ...a.findings.filter((f) => !newFps.has(f.fingerprint) && unrecorded.has(f.resourceId)),
  ];
  const fresh: NewFinding[] = b.findings
    .filter((f) => !oldFps.has(f.fingerprint) && !unrecorded.has(f.resourceId))
    .map((f) => {
      const c = cause(f);
      return c.length > 0 ? { ...f, cause: c } : f;
    });
  const fixed = a.findings.filter((f) => !newFps.has(f.fingerprint) && !unrecorded.has(f.resourceId));
  const open = b.findings.filter((f) => oldFps.has(f.fingerprint));

  const oldU = new Set(a.unverified.map((u) => u.fingerprint));
  const newU = new Set(b.unverified.map((u) => u.fingerprint));
  const newUnverified = b.unverified.filter((u) => !oldU.has(u.fingerprint));
  const resolved = a.unverified
    .filter((u) => !newU.has(u.fingerprint))
    .map((u: UnverifiedCheck) => ({
      ...u,
      now: newFps.has(u.fingerprint)
        ? ("finding" as const)
        : b.graph.get(u.resourceId) || u.resourceId.startsWith("asbuilt:")
          ? ("passed" as const)
          : ("gone" as const),
    }));

  const only = (xs: string[], ys: string[]) => xs.filter((x) => !ys.includes(x));
  const count = (change: string) => internet.filter((e) => e.change === change).length;
  const over = failing(fresh, opts.failOn);
  const report: DiffReport = {
    asbuilt: opts.version,
    old: side(opts.oldFile, old),
    new: side(opts.newFile, now),
    ...(opts.specFile ? { spec: opts.specFile } : {}),
    scope: {
      accountsOnlyInOld: only(old.scope.accounts, now.scope.accounts),
      accountsOnlyInNew: only(now.scope.accounts, old.scope.accounts),
      regionsOnlyInOld: only(old.scope.regions, now.scope.regions),
      regionsOnlyInNew: only(now.scope.regions, old.scope.regions),
    },
    summary: {
      added: res.added.length,
      removed: res.removed.length,
      changed: res.changed.length,
      unrecorded: res.unrecorded.length,
      edgesAdded: res.edgesAdded.length,
      edgesRemoved: res.edgesRemoved.length,
      exposureOpened: count("opened"),
      exposureClosed: count("closed"),
      exposureUnknown: count("unknown"),
      tierFlowsPossible: tierFlows.filter((t) => t.change === "possible").length,
      tierFlowsImpossible: tierFlows.filter((t) => t.change === "impossible").length,
      findingsNew: fresh.length,
      findingsFixed: fixed.length,
      findingsOpen: open.length,
      unverifiedNew: newUnverified.length,
      unverifiedResolved: resolved.length,
      failing: over.length,
    },
    failOn: opts.failOn,
    added: res.added.map(ref),
    removed: res.removed.map(ref),
    changed: res.changed.map((c) => ({ ...ref(c.after), changes: c.changes })),
    unrecorded: res.unrecorded.map((u) => ({
      ...ref(u.resource),
      missingFrom: u.missingFrom,
      reason: u.reason,
    })),
    edges: { added: res.edgesAdded, removed: res.edgesRemoved },
    exposure: { internet, tierFlows },
    findings: { new: fresh, fixed, open, notCompared },
    unverified: { new: newUnverified, resolved },
  };
  return { report, analysis: b };
}

function side(file: string, s: Snapshot): DiffReport["old"] {
  return {
    file,
    scannedAt: s.scannedAt,
    accounts: [...s.scope.accounts],
    regions: [...s.scope.regions],
    resources: s.resources.length,
  };
}

/**
 * The change behind a new finding, where one can be named: its resource was added, or changed; or the
 * finding's evidence names a resource that changed (a security group whose rule opened a port); or the
 * internet exposure of its resource opened (the steps that opened it).
 */
function causes(
  res: ReturnType<typeof diffResources>,
  internet: readonly DiffReport["exposure"]["internet"][number][],
): (f: Finding) => string[] {
  const added = new Set(res.added.map((r) => r.id));
  const changed = new Map(res.changed.map((c) => [c.after.id, c]));
  // Native ids (sg-…, rtb-…, the last part of an ARN) of changed resources, as evidence names them.
  const byNative = new Map<string, (typeof res.changed)[number]>();
  for (const c of res.changed) {
    const native = c.after.id.split(/[/:]/).pop();
    if (native && native.length >= 6) byNative.set(native, c);
  }
  const opened = new Map<string, string[]>();
  for (const e of internet)
    if (e.change === "opened" && !opened.has(e.resourceId))
      opened.set(e.resourceId, [`internet → ${e.ports} from ${e.via}: ${e.openedBy.join("; ")}`]);
  const label = (r: Resource) => r.name ?? r.id;
  const lines = (c: (typeof res.changed)[number]) =>
    c.changes.slice(0, 5).map((ch) => `${label(c.after)}: ${ch.text}`);
  return (f) => {
    if (added.has(f.resourceId)) return [`${f.resourceName ?? f.resourceId} was added`];
    const own = changed.get(f.resourceId);
    const out: string[] = own ? lines(own) : [];
    for (const token of f.evidence.join(" ").match(NATIVE_ID) ?? []) {
      const c = byNative.get(token);
      if (c && c.after.id !== f.resourceId) out.push(...lines(c));
    }
    if (out.length === 0) out.push(...(opened.get(f.resourceId) ?? []));
    return [...new Set(out)];
  };
}

/** EC2-style native ids as evidence writes them: sg-0123abcd…, rtb-…, pcx-…, i-…. */
const NATIVE_ID = /\b[a-z]{1,5}-[0-9a-f]{8,17}\b/g;

/** The diff as the diagram needs it (the findings JSON's `view.diff`). */
export function diagramDiff(report: DiffReport): DiagramDiff {
  return {
    old: report.old.file,
    added: report.added.map((r) => r.id),
    removed: report.removed.map((r) => r.id),
    changed: Object.fromEntries(report.changed.map((c) => [c.id, c.changes.map((ch) => ch.text)])),
    edgesAdded: report.edges.added,
    edgesRemoved: report.edges.removed,
  };
}
