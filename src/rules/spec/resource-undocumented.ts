import { defineRule, type RuleResult } from "../types.ts";
import { DOCUMENTABLE_TYPES, label } from "../util.ts";

export default defineRule({
  meta: {
    id: "resource-undocumented",
    title: "Resource belongs to no documented tier",
    severity: "medium",
    pack: "spec",
    resourceTypes: [...DOCUMENTABLE_TYPES],
    what: "An instance, load balancer, database, cache, bucket, distribution, ECS service or Lambda function that no tier of the spec selects.",
    why: "What the architecture does not document nobody reviews: a forgotten debug host or a hand-made bucket is exactly where incidents start. Documenting it (or removing it) is the point of the exercise.",
    fix: "Add the resource to a tier (extend a tier's `select`, or add a tier), or remove the resource if it should not exist.",
    references: [],
    needs: ["tags"],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec || Object.keys(spec.spec.tiers).length === 0) return [];
    const out: RuleResult[] = [];
    for (const r of ctx.graph.resources) {
      if (!DOCUMENTABLE_TYPES.has(r.type) || spec.tiersOf(r).length > 0) continue;
      out.push({
        resource: r,
        message: `${r.type.split("::").slice(1).join(" ")} ${label(r)} is in no documented tier.`,
        evidence: [
          `tags: ${
            Object.entries(r.tags)
              .map(([k, v]) => `${k}=${v}`)
              .join(", ") || "none"
          }`,
          `tiers in the spec: ${Object.keys(spec.spec.tiers).join(", ")}`,
        ],
        specLine: spec.lineOf(["tiers"]),
      });
    }
    return out;
  },
});
