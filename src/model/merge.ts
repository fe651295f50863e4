import { serializeSnapshot } from "./io.ts";
import type { Coverage, Edge, NotEvaluated, Resource, Snapshot } from "./snapshot.ts";

export interface MergeResult {
  snapshot: Snapshot;
  /** Ids present in several inputs with different content: the newest scan's copy was kept. */
  conflicts: string[];
}

/**
 * Joins snapshots scanned separately (one job per account, say) into one. A resource seen twice
 * keeps the copy from the most recent scan; coverage keeps one entry per (account, region, service),
 * preferring "scanned"; scannedAt is the oldest input's, so the result never claims to be fresher than its parts.
 */
export function mergeSnapshots(inputs: readonly Snapshot[]): MergeResult {
  const ordered = [...inputs].sort((a, b) =>
    a.scannedAt < b.scannedAt ? -1 : a.scannedAt > b.scannedAt ? 1 : 0,
  );
  const resources = new Map<string, Resource>();
  const conflicts = new Set<string>();
  for (const s of ordered) {
    for (const r of s.resources) {
      const prev = resources.get(r.id);
      if (prev && JSON.stringify(prev) !== JSON.stringify(r)) conflicts.add(r.id);
      resources.set(r.id, r);
    }
  }
  const edges = new Map<string, Edge>();
  for (const s of ordered) for (const e of s.edges) edges.set(`${e.from}\0${e.to}\0${e.kind}`, e);
  const coverage = new Map<string, Coverage>();
  for (const s of ordered) {
    for (const c of s.coverage) {
      const k = `${c.account}/${c.region}/${c.service}`;
      const prev = coverage.get(k);
      if (prev?.status !== "scanned" || c.status === "scanned") coverage.set(k, c);
    }
  }
  // Present, not evaluated: one entry per place, type and source; the most recent snapshot's count wins.
  const notEvaluated = new Map<string, NotEvaluated>();
  for (const s of ordered)
    for (const n of s.notEvaluated ?? [])
      notEvaluated.set(`${n.account}/${n.region}/${n.type}/${n.source}`, n);
  // A resource's notes are those of the input whose copy was kept (a newer copy's data is not stale).
  const keptFrom = new Map<string, Snapshot>();
  for (const s of ordered) for (const r of s.resources) keptFrom.set(r.id, s);
  const notes = new Map<string, { resource: string; note: string }>();
  for (const s of ordered)
    for (const n of s.notes ?? [])
      if (keptFrom.get(n.resource) === s) notes.set(`${n.resource}\0${n.note}`, n);
  const first = ordered[0];
  const merged: Snapshot = {
    schemaVersion: 1,
    scannedAt: first?.scannedAt ?? new Date(0).toISOString(),
    source: `merge:${ordered.length}`,
    scope: {
      accounts: [...new Set(ordered.flatMap((s) => s.scope.accounts))],
      regions: [...new Set(ordered.flatMap((s) => s.scope.regions))],
    },
    resources: [...resources.values()],
    edges: [...edges.values()],
    coverage: [...coverage.values()],
    ...(notEvaluated.size > 0 ? { notEvaluated: [...notEvaluated.values()] } : {}),
    ...(notes.size > 0 ? { notes: [...notes.values()] } : {}),
  };
  // Canonical form, like every snapshot asbuilt writes.
  return { snapshot: JSON.parse(serializeSnapshot(merged)) as Snapshot, conflicts: [...conflicts].sort() };
}
