import { SERVICE_OF_TYPE, SERVICE_TYPES } from "../../model/services.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
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
    needs: [],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec) return [];
    const out: RuleResult[] = [];
    for (const [name, tier] of Object.entries(spec.spec.tiers)) {
      if (tierMembers(ctx, name).length > 0) continue;
      // A tier of types nobody read somewhere in scope may well have members there.
      const types = tier.select.type === undefined ? [] : [tier.select.type].flat();
      const { accounts, regions } = ctx.graph.snapshot.scope;
      const gaps = types.flatMap((t) =>
        accounts.flatMap((a) =>
          ["global", ...regions].flatMap((rg) => {
            const g = ctx.graph.recorded.gap(a, rg, t);
            return g && (rg === "global") === (SERVICE_TYPES[SERVICE_OF_TYPE.get(t) ?? ""]?.global ?? false)
              ? [`${t}: ${g}`]
              : [];
          }),
        ),
      );
      if (gaps.length > 0) {
        out.push(
          unverified(specSubject(ctx, "Tier", name), gaps, { specLine: spec.lineOf(["tiers", name]) }),
        );
        continue;
      }
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
