import { defineRule, type RuleResult } from "../types.ts";
import { label } from "../util.ts";

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
  },
  check(ctx) {
    const protectedIds = new Set<string>();
    for (const acl of ctx.graph.ofType("AWS::WAFv2::WebACL"))
      for (const arn of acl.props.associatedResourceArns) protectedIds.add(arn);
    const out: RuleResult[] = [];
    for (const lb of ctx.graph.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      if (lb.props.loadBalancerType !== "application" || lb.props.scheme !== "internet-facing") continue;
      if (protectedIds.has(lb.id) || ctx.graph.in(lb.id, "protects").length > 0) continue;
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
