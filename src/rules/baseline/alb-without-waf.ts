import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, wafProtected, wafUnknowns } from "../util.ts";

export default defineRule({
  meta: {
    id: "alb-without-waf",
    title: "Internet-facing load balancer without a web ACL",
    severity: "high",
    pack: "baseline",
    resourceTypes: ["AWS::ElasticLoadBalancingV2::LoadBalancer"],
    what: "An internet-facing Application Load Balancer that no AWS WAF (v2) web ACL protects.",
    why: "Without a web ACL, injection, cross-site scripting and bot traffic reach the application untouched; managed rule groups block the common attacks at the edge.",
    fix: "Associate a WAFv2 web ACL (with at least the AWS managed common rule set): aws wafv2 associate-web-acl --web-acl-arn ACL --resource-arn ALB.",
    references: ["FSBP ELB.16"],
    problem: "waf",
    needs: [
      "AWS::ElasticLoadBalancingV2::LoadBalancer",
      "AWS::WAFv2::WebACL",
      "AWS::WAFv2::WebACL.associatedResourceArns",
    ],
  },
  check(ctx) {
    const isProtected = wafProtected(ctx);
    const out: RuleResult[] = [];
    for (const lb of ctx.graph.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      if (lb.props.loadBalancerType !== "application" || lb.props.scheme !== "internet-facing") continue;
      if (isProtected(lb)) continue;
      // No web ACL is evidence only where web ACLs and what they protect were recorded.
      const unknowns = wafUnknowns(ctx, lb);
      if (unknowns.length > 0) {
        out.push(unverified(lb, unknowns));
        continue;
      }
      out.push({
        resource: lb,
        message: `Internet-facing load balancer ${label(lb)} has no WAF web ACL.`,
        evidence: [
          `scheme internet-facing, DNS ${lb.props.dnsName}`,
          "no AWS::WAFv2::WebACL lists it among its associated resources",
        ],
      });
    }
    return out;
  },
});
