import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, membersOfTiers, wafProtected, wafUnknowns } from "../util.ts";

export default defineRule({
  meta: {
    id: "tier-waf-missing",
    title: "Tier requires WAF, resource has no web ACL",
    severity: "high",
    pack: "spec",
    resourceTypes: ["AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::CloudFront::Distribution"],
    what: "An Application Load Balancer or CloudFront distribution in a tier with `waf: required` that no WAF web ACL protects.",
    why: "The architecture promises a web application firewall in front of this entry point; without it, the attacks the document says are blocked reach the application.",
    fix: "Associate a WAFv2 web ACL with the load balancer (REGIONAL scope) or the distribution (CLOUDFRONT scope, in us-east-1).",
    references: [],
    problem: "waf",
    needs: [
      "AWS::WAFv2::WebACL",
      "AWS::WAFv2::WebACL.associatedResourceArns",
      "AWS::CloudFront::Distribution.webAclId",
    ],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec) return [];
    const isProtected = wafProtected(ctx);
    const out: RuleResult[] = [];
    for (const { tier: name, r } of membersOfTiers(ctx, (t) => t.waf === "required")) {
      const unprotected =
        (r.type === "AWS::ElasticLoadBalancingV2::LoadBalancer" &&
          r.props.loadBalancerType === "application" &&
          !isProtected(r)) ||
        (r.type === "AWS::CloudFront::Distribution" && r.props.webAclId === null);
      if (!unprotected) continue;
      // A distribution names its own web ACL; a load balancer's is known only where ACLs were read.
      const unknowns = r.type === "AWS::ElasticLoadBalancingV2::LoadBalancer" ? wafUnknowns(ctx, r) : [];
      if (unknowns.length > 0) {
        out.push(unverified(r, unknowns, { key: name, specLine: spec.lineOf(["tiers", name, "waf"]) }));
        continue;
      }
      out.push({
        resource: r,
        key: name,
        message: `${label(r)} is in tier "${name}", which requires WAF, but no web ACL protects it.`,
        evidence: ["no AWS::WAFv2::WebACL is associated with it"],
        specLine: spec.lineOf(["tiers", name, "waf"]),
      });
    }
    return out;
  },
});
