import { isKnownType } from "./props.ts";
import type { Snapshot } from "./snapshot.ts";

// "Present, not evaluated": what a source shows exists in an account that no rule looked at. Two kinds,
// joined here so that every report lists them the same way, never silently dropped:
//   - resources of types asbuilt does not model (generic resources: from the Tagging API, or AWS Config
//     items of other types), counted from the snapshot's resources;
//   - what no resource stands for (the snapshot's `notEvaluated`): AWS CLI dump files asbuilt has no
//     reader for, AWS Config items it could not keep.

export interface PresentNotEvaluated {
  account: string;
  region: string;
  /** An AWS type name, or for a dump file the CLI command that wrote it. */
  type: string;
  count: number;
  /** resource: kept as a generic resource (Tagging API, AWS Config); aws-config, dump: not kept. */
  source: "resource" | "aws-config" | "dump";
}

/** Every "present, not evaluated" line of a snapshot, by account, region and type. */
export function presentNotEvaluated(
  snapshot: Pick<Snapshot, "resources" | "notEvaluated">,
): PresentNotEvaluated[] {
  const counts = new Map<string, PresentNotEvaluated>();
  for (const r of snapshot.resources) {
    if (isKnownType(r.type)) continue;
    const k = `${r.account}\0${r.region}\0${r.type}\0resource`;
    const e = counts.get(k) ?? {
      account: r.account,
      region: r.region,
      type: r.type,
      count: 0,
      source: "resource",
    };
    e.count++;
    counts.set(k, e);
  }
  const out = [...counts.values(), ...(snapshot.notEvaluated ?? []).map((n) => ({ ...n }))];
  return out.sort(
    (a, b) =>
      cmp(a.account, b.account) || cmp(a.region, b.region) || cmp(a.type, b.type) || cmp(a.source, b.source),
  );
}

/** The same, added up over accounts and regions: one line per type, most numerous first. */
export function notEvaluatedByType(
  list: readonly PresentNotEvaluated[],
): { type: string; count: number; places: number }[] {
  const byType = new Map<string, { type: string; count: number; places: Set<string> }>();
  for (const n of list) {
    const e = byType.get(n.type) ?? { type: n.type, count: 0, places: new Set<string>() };
    e.count += n.count;
    e.places.add(`${n.account}/${n.region}`);
    byType.set(n.type, e);
  }
  return [...byType.values()]
    .map((e) => ({ type: e.type, count: e.count, places: e.places.size }))
    .sort((a, b) => b.count - a.count || cmp(a.type, b.type));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
