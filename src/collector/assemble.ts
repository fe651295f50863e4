import { isKnownType } from "../model/props.ts";
import type { Coverage, Edge, NotEvaluated, Resource, ResourceNote, Snapshot } from "../model/snapshot.ts";
import { linkAcrossServices } from "./link.ts";

/** What a source collected, before it is one snapshot. */
export interface SnapshotParts {
  resources: Resource[];
  edges: Edge[];
  coverage: Coverage[];
  accounts: readonly string[];
  /** The regions the source covered ("global" is added when a global resource is present). */
  regions: Iterable<string>;
  /** "scan", "aws-config", "import". */
  source: string;
  scannedAt: Date;
  /** What the source shows exists but no resource stands for (unread dump files, Config items not kept). */
  notEvaluated?: NotEvaluated[];
  /** Notes on resources' data (src/model/snapshot.ts ResourceNote); those of absent resources are dropped. */
  notes?: readonly ResourceNote[];
}

/**
 * Joins what a source collected into one valid snapshot: unique ids, links across services, no dangling
 * references. Shared by the live scan, the AWS Config source and offline imports.
 */
export function assembleSnapshot(parts: SnapshotParts): { snapshot: Snapshot; droppedEdges: number } {
  const { resources, edges, coverage } = parts;
  const byId = new Map<string, Resource>();
  for (const r of resources) {
    const seen = byId.get(r.id);
    // The first of a duplicate id is kept, but never a generic copy (the Tagging API's) over a modelled
    // resource: which module finishes first must not decide whether a domain's props are checked.
    if (!seen || (!isKnownType(seen.type) && isKnownType(r.type))) byId.set(r.id, r);
  }
  const unique = [...byId.values()];
  const linked = linkAcrossServices(unique, edges);
  const all = [...edges, ...linked];
  const kept = all.filter((e) => byId.has(e.from) && byId.has(e.to));
  for (const r of unique) if (r.parent !== undefined && !byId.has(r.parent)) delete r.parent;
  const seen = new Set<string>();
  const dedupedEdges = kept.filter((e) => {
    const k = `${e.from}\0${e.to}\0${e.kind}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const regions = new Set(parts.regions);
  if (unique.some((r) => r.region === "global")) regions.add("global");
  const noteKeys = new Set<string>();
  const notes = (parts.notes ?? []).filter((n) => {
    const k = `${n.resource}\0${n.note}`;
    if (!byId.has(n.resource) || noteKeys.has(k)) return false;
    noteKeys.add(k);
    return true;
  });
  return {
    snapshot: {
      schemaVersion: 1,
      scannedAt: parts.scannedAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
      source: parts.source,
      scope: { accounts: [...parts.accounts], regions: [...regions] },
      resources: unique,
      edges: dedupedEdges,
      coverage,
      ...(parts.notEvaluated && parts.notEvaluated.length > 0 ? { notEvaluated: parts.notEvaluated } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    },
    droppedEdges: all.length - kept.length,
  };
}
