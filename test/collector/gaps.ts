import { isDeepStrictEqual } from "node:util";
import { SERVICES } from "../../src/collector/services.ts";
import type { Coverage, Resource, Snapshot } from "../../src/model/snapshot.ts";
import { MODULE_TYPE_PREFIXES } from "./roundtrip.ts";

// How a scan under faults differs from the same scan without them, and whether every difference is
// owned by a coverage gap: a resource is missing because the task that reads it (service × account ×
// region) is reported failed or denied, an edge is missing because one of its ends is, and a resource
// that is still there changed only where it named a missing one (an ENI's owner, a parent, a web ACL's
// distributions). Anything else is a silently missing or altered resource.

export interface Comparison {
  /** Differences no coverage gap explains: must be empty. */
  unexplained: string[];
  /** The gaps of the scan under faults, "service account/region: error". */
  gaps: string[];
  /** Resources (and edges) of the reference scan that are missing, each owned by one of the gaps. */
  missingResources: number;
  missingEdges: number;
}

/** The module that reads a resource: by type prefix, else the Tagging API's generic resources. */
export function moduleOf(r: Pick<Resource, "type">): string {
  for (const [service, prefixes] of Object.entries(MODULE_TYPE_PREFIXES))
    if (prefixes.some((p) => r.type.startsWith(p))) return service;
  return "tagging";
}

export function compareWithGaps(reference: Snapshot, faulted: Snapshot): Comparison {
  const unexplained: string[] = [];
  const gaps = faulted.coverage.filter((c) => c.status !== "scanned");
  const gapped = (service: string, account: string, region: string) =>
    gaps.some((c) => c.service === service && c.account === account && c.region === region);
  const global = new Set(SERVICES.filter((m) => m.global).map((m) => m.service));
  const taskRegions = new Set(reference.coverage.map((c) => c.region));

  /** The gap that owns a resource's absence, if any. */
  const ownedByGap = (r: Resource): boolean => {
    const service = moduleOf(r);
    if (global.has(service)) return gapped(service, r.account, "global");
    // The Tagging API of any region lists resources whose ARN has no region (IAM roles, say).
    if (service === "tagging" && !taskRegions.has(r.region))
      return gaps.some((c) => c.service === "tagging" && c.account === r.account);
    return gapped(service, r.account, r.region);
  };

  const got = new Map(faulted.resources.map((r) => [r.id, r]));
  const missing = new Set<string>();
  for (const r of reference.resources) {
    if (got.has(r.id)) continue;
    missing.add(r.id);
    if (!ownedByGap(r))
      unexplained.push(
        `${r.type} ${r.id} is missing, and ${moduleOf(r)} ${r.account}/${r.region} has no gap`,
      );
  }
  const known = new Set(reference.resources.map((r) => r.id));
  for (const r of faulted.resources)
    if (!known.has(r.id)) unexplained.push(`${r.type} ${r.id} appeared, the scan without faults has none`);

  for (const r of reference.resources) {
    const after = got.get(r.id);
    if (!after || isDeepStrictEqual(after, r)) continue;
    // What the resource would be without the references to what is missing (which a scan drops).
    if (!isDeepStrictEqual(after, withoutMissing(r, missing)))
      unexplained.push(`${r.type} ${r.id} changed: ${changedKeys(r, after).join(", ")}`);
  }

  const edgeKey = (e: Snapshot["edges"][number]) => `${e.kind} ${e.from} → ${e.to}`;
  const edges = new Set(faulted.edges.map(edgeKey));
  let missingEdges = 0;
  for (const e of reference.edges) {
    if (edges.has(edgeKey(e))) continue;
    missingEdges++;
    if (!missing.has(e.from) && !missing.has(e.to))
      unexplained.push(`edge ${edgeKey(e)} is missing, and both its ends are there`);
  }
  const referenceEdges = new Set(reference.edges.map(edgeKey));
  for (const e of faulted.edges)
    if (!referenceEdges.has(edgeKey(e))) unexplained.push(`edge ${edgeKey(e)} appeared`);

  return {
    unexplained,
    gaps: gaps.map(gapText),
    missingResources: missing.size,
    missingEdges,
  };
}

function gapText(c: Coverage): string {
  return `${c.service} ${c.account}/${c.region}: ${c.status}${c.error ? ` (${c.error})` : ""}`;
}

/** A copy of `r` in which every reference to a missing id is what a scan leaves there: gone from lists, null in fields. */
function withoutMissing(r: Resource, missing: ReadonlySet<string>): Resource {
  const strip = (v: unknown): unknown => {
    if (typeof v === "string") return missing.has(v) ? null : v;
    if (Array.isArray(v)) return v.filter((x) => !(typeof x === "string" && missing.has(x))).map(strip);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)]));
    return v;
  };
  const { parent, ...rest } = r;
  const out = { ...rest, props: strip(r.props) } as Resource;
  if (parent !== undefined && !missing.has(parent)) out.parent = parent;
  return out;
}

function changedKeys(a: Resource, b: Resource): string[] {
  const keys = new Set([
    ...Object.keys(a),
    ...Object.keys(b),
    ...Object.keys(a.props).map((k) => `props.${k}`),
  ]);
  const at = (r: Resource, k: string): unknown =>
    k.startsWith("props.")
      ? (r.props as Record<string, unknown>)[k.slice(6)]
      : (r as Record<string, unknown>)[k];
  return [...keys].filter((k) => k !== "props" && !isDeepStrictEqual(at(a, k), at(b, k)));
}
