import type { FindingsReport } from "./diagram/types.ts";

// Checks a rule could not decide (the data it needed was not recorded): the findings JSON's top-level
// `unverified` list, once the rules emit it. Read in this one place, leniently, so the UI works with findings
// files written before and after it exists.

export interface Unverified {
  ruleId: string;
  resourceId: string;
  missing: string[];
}

export function unverifiedOf(report: FindingsReport): Unverified[] {
  const list = (report as { unverified?: unknown }).unverified;
  if (!Array.isArray(list)) return [];
  return list.flatMap((u): Unverified[] => {
    const x = u as { ruleId?: unknown; resourceId?: unknown; missing?: unknown };
    if (typeof x.ruleId !== "string" || typeof x.resourceId !== "string") return [];
    const missing = Array.isArray(x.missing)
      ? x.missing.filter((m): m is string => typeof m === "string")
      : [];
    return [{ ruleId: x.ruleId, resourceId: x.resourceId, missing }];
  });
}
