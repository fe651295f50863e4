import { defineRule, type RuleResult } from "../types.ts";
import { specSubject } from "../util.ts";

export default defineRule({
  meta: {
    id: "waiver-expired",
    title: "Waiver has expired",
    severity: "medium",
    pack: "spec",
    resourceTypes: ["asbuilt::Spec::Waiver"],
    what: "A waiver in architecture.yaml whose expiry date has passed. It no longer applies: the findings it covered are back.",
    why: "Waivers are promises with a date; an expired one means the accepted risk was meant to be fixed by now.",
    fix: "Fix what the waiver covered and delete it, or, if the risk is still accepted, renew it with a new date and a reason that says why.",
    references: [],
    needs: [],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec) return [];
    const today = ctx.now.toISOString().slice(0, 10);
    const out: RuleResult[] = [];
    spec.spec.waivers.list.forEach((w, i) => {
      if (w.expires >= today) return;
      out.push({
        resource: specSubject(ctx, "Waiver", `${w.rule} ${w.resource}`),
        key: String(i),
        message: `The waiver of ${w.rule} for ${w.resource} expired on ${w.expires}.`,
        evidence: [`reason given: ${w.reason}`],
        specLine: spec.waiverLine(i),
      });
    });
    return out;
  },
});
