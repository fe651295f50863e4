import { defineRule, type RuleResult } from "../types.ts";
import { specSubject, tierMembers } from "../util.ts";

export default defineRule({
  meta: {
    id: "tier-empty",
    title: "Documented tier has no resources",
    severity: "medium",
    pack: "spec",
    resourceTypes: ["asbuilt::Spec::Tier"],
    what: "A tier in architecture.yaml whose selector matches no resource in the snapshot.",
    why: "Either the document describes something that does not exist (a WAF nobody deployed, a replica that was removed), or the selector is wrong and the tier's checks silently check nothing.",
    fix: "Fix the tier's `select` (type, tags, name or ARN), deploy what the document promises, or remove the tier from the spec.",
    references: [],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec) return [];
    const out: RuleResult[] = [];
    for (const [name, tier] of Object.entries(spec.spec.tiers)) {
      if (tierMembers(ctx, name).length > 0) continue;
      out.push({
        resource: specSubject(ctx, "Tier", name),
        message: `Tier "${name}" is documented but no resource matches it.`,
        evidence: [`select: ${JSON.stringify(tier.select)}`, `${ctx.graph.size} resources checked`],
        specLine: spec.lineOf(["tiers", name]),
      });
    }
    return out;
  },
});
