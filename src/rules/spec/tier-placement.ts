import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, subnetEvidence } from "../util.ts";

export default defineRule({
  meta: {
    id: "tier-placement",
    title: "Resource placed against its tier's documented placement",
    severity: "high",
    pack: "spec",
    resourceTypes: ["*"],
    what: "A resource in a spec tier whose subnets contradict the tier's `placement`: a private or isolated tier in a public subnet, an isolated tier in a subnet with a route out, or a public tier with no public subnet.",
    why: "Placement is the architecture's first line of defence: the document says the app and data tiers cannot be reached from the internet, and a resource in a public subnet breaks that promise whatever its security group says today.",
    fix: "Move the resource to subnets of the documented kind (change the ASG / service / DB subnet group), or, if the document is wrong, change the tier's placement in architecture.yaml, or waive it with a reason and an expiry.",
    references: [],
    problem: "exposure",
    needs: ["AWS::EC2::RouteTable", "AWS::EC2::Subnet"],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec) return [];
    const out: RuleResult[] = [];
    for (const r of ctx.graph.resources) {
      const placement = ctx.facts.placementOf(r);
      if (placement.length === 0) continue;
      for (const tierName of spec.tiersOf(r)) {
        const want = spec.spec.tiers[tierName]?.placement ?? "any";
        if (want === "any") continue;
        const wrong =
          want === "public"
            ? placement.every((f) => f.class !== "public")
              ? placement
              : []
            : placement.filter(
                (f) =>
                  f.class !== "unknown" &&
                  (want === "private" ? f.class === "public" : f.class !== "isolated"),
              );
        // What the unknown subnets are decides it, when nothing recorded does already.
        const vague = placement.filter((f) => f.class === "unknown");
        const decided =
          want === "public"
            ? placement.some((f) => f.class === "public")
            : wrong.some((f) => f.class !== "unknown");
        if (!decided && vague.length > 0) {
          out.push(
            unverified(r, vague.map(subnetEvidence), {
              key: tierName,
              specLine: spec.lineOf(["tiers", tierName, "placement"]) ?? spec.lineOf(["tiers", tierName]),
            }),
          );
          continue;
        }
        if (wrong.length === 0) continue;
        out.push({
          resource: r,
          key: tierName,
          message: `${label(r)} is in tier "${tierName}" (placement: ${want}) but sits in ${wrong.map((f) => `${f.class} subnet ${label(f.subnet)}`).join(", ")}.`,
          evidence: wrong.map(subnetEvidence),
          specLine: spec.lineOf(["tiers", tierName, "placement"]) ?? spec.lineOf(["tiers", tierName]),
        });
      }
    }
    return out;
  },
});
