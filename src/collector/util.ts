import type { Edge, EdgeKind, Resource } from "../model/snapshot.ts";

/** AWS tag lists ([{Key, Value}]) as a record; keys without a value become "". */
export function tagsOf(
  list: readonly { Key?: string; Value?: string }[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of list ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? "";
  return out;
}

/** The Name tag, else the resource's own name. */
export function nameOf(tags: Record<string, string>, fallback?: string): string | undefined {
  return tags.Name ?? fallback;
}

/** Collects resources and edges during normalization; skips nothing silently. */
export class Collected {
  readonly resources: Resource[] = [];
  readonly edges: Edge[] = [];

  add<R extends Resource>(r: R): R {
    this.resources.push(r);
    return r;
  }

  edge(from: string, to: string, kind: EdgeKind): void {
    this.edges.push({ from, to, kind });
  }

  result() {
    return { resources: this.resources, edges: this.edges };
  }
}

/** Drains an SDK paginator into one list. */
export async function all<P, T>(pages: AsyncIterable<P>, pick: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

export const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/**
 * The value when it is one of `allowed`, else undefined: an absent or unrecognized answer stays unknown
 * instead of becoming one of the values (a missing IMDS setting is not "optional").
 */
export function oneOf<const T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === v);
}
