import type { Resource } from "./diagram/types.ts";

// Search ranks what a person typed against what they read: names first, then tags, then ids, and ids only
// by prefix (the ARN, or its last part: "i-0abc", "vpc-7fc5"), so "db" does not match every hex id with a
// "db" in it.

function idTail(id: string): string {
  return id.split(/[:/]/).filter(Boolean).pop() ?? id;
}

/** A resource's rank for the query (higher first), or 0 when it does not match. */
export function searchScore(r: Resource, q: string): number {
  const name = (r.name ?? "").toLowerCase();
  if (name === q) return 100;
  if (name.startsWith(q)) return 90;
  if (name.split(/[-_.\s/]/).some((w) => w.startsWith(q))) return 80;
  // Inside a word only for three letters or more: "db" is in "ManagedBy" and in many hex strings.
  const inside = q.length >= 3;
  if (inside && name.includes(q)) return 70;
  let tag = 0;
  for (const [k, v] of Object.entries(r.tags)) {
    const kk = k.toLowerCase();
    const vv = v.toLowerCase();
    if (vv === q || kk === q) tag = Math.max(tag, 60);
    else if (vv.split(/[-_.\s/:,]/).some((w) => w.startsWith(q))) tag = Math.max(tag, 55);
    else if (kk.startsWith(q)) tag = Math.max(tag, 45);
    else if (inside && vv.includes(q)) tag = Math.max(tag, 40);
  }
  if (tag > 0) return tag;
  const id = r.id.toLowerCase();
  if (idTail(id).startsWith(q) || id.startsWith(q)) return 20;
  return 0;
}

/** Matching resources, best first (then by name, then id): stable for the same query. */
export function searchResources(resources: readonly Resource[], query: string): Resource[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: [number, Resource][] = [];
  for (const r of resources) {
    const s = searchScore(r, q);
    if (s > 0) scored.push([s, r]);
  }
  scored.sort(
    ([a, x], [b, y]) =>
      b - a || (x.name ?? "").localeCompare(y.name ?? "") || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  return scored.map(([, r]) => r);
}
