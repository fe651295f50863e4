import type { Resource } from "../model/snapshot.ts";
import type { Selector } from "./schema.ts";

const globCache = new Map<string, RegExp>();

/** `*` any run of characters, `?` one character; everything else literal; whole-string match. */
export function globToRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (!re) {
    const body = glob
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, "s");
    globCache.set(glob, re);
  }
  return re;
}

const many = (v: string | string[]): string[] => (typeof v === "string" ? [v] : v);
const anyGlob = (patterns: string | string[], value: string | undefined): boolean =>
  value !== undefined && many(patterns).some((p) => globToRegExp(p).test(value));

export function matchesSelector(r: Resource, s: Selector): boolean {
  if (s.type !== undefined && !many(s.type).includes(r.type)) return false;
  if (s.name !== undefined && !anyGlob(s.name, r.name)) return false;
  if (s.arn !== undefined && !anyGlob(s.arn, r.id)) return false;
  if (s.tags !== undefined) {
    for (const [key, want] of Object.entries(s.tags)) {
      const have = r.tags[key];
      if (have === undefined || !anyGlob(want, have)) return false;
    }
  }
  return true;
}

/**
 * A waiver's resource pattern: "*", "tag:Key=Value", "name:glob", "type:AWS::…", or an ARN glob.
 * Values may use `*` and `?`.
 */
export function matchesResourcePattern(r: Resource, pattern: string): boolean {
  if (pattern === "*") return true;
  const tag = /^tag:([^=]+)=(.*)$/s.exec(pattern);
  if (tag?.[1] !== undefined && tag[2] !== undefined) return anyGlob(tag[2], r.tags[tag[1]]);
  if (pattern.startsWith("name:")) return anyGlob(pattern.slice(5), r.name);
  if (pattern.startsWith("type:")) return r.type === pattern.slice(5);
  return anyGlob(pattern, r.id);
}
