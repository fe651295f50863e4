import { createHash } from "node:crypto";
import { z } from "zod";
import { Severity } from "../spec/schema.ts";

export const Finding = z.strictObject({
  ruleId: z.string(),
  title: z.string(),
  severity: Severity,
  pack: z.enum(["baseline", "spec", "engine"]),
  resourceId: z.string(),
  resourceType: z.string(),
  resourceName: z.string().optional(),
  account: z.string(),
  region: z.string(),
  /** One sentence: what is wrong with this resource. */
  message: z.string(),
  /** The facts that prove it: which rule, route, port, tag. */
  evidence: z.array(z.string()),
  /** Stable across scans: sha256(rule, resource, key). Waivers and baselines match on it. */
  fingerprint: z.string(),
  /** Line of the spec that this finding is about (a tier, a flow), when there is one. */
  specLine: z.number().int().optional(),
  waived: z
    .strictObject({ reason: z.string(), expires: z.string(), specLine: z.number().int().optional() })
    .optional(),
});
export type Finding = z.infer<typeof Finding>;

export const FindingsReport = z.strictObject({
  asbuilt: z.string(),
  snapshot: z.string(),
  spec: z.string().optional(),
  summary: z.record(z.string(), z.number()),
  findings: z.array(Finding),
});
export type FindingsReport = z.infer<typeof FindingsReport>;

export function fingerprint(ruleId: string, resourceId: string, key = ""): string {
  return createHash("sha256").update(`${ruleId}\0${resourceId}\0${key}`).digest("hex").slice(0, 16);
}
