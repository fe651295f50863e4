import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "alb-deletion-protection-disabled",
    title: "Application load balancer can be deleted without a safeguard",
    severity: "low",
    pack: "baseline",
    resourceTypes: ["AWS::ElasticLoadBalancingV2::LoadBalancer"],
    what: "An application load balancer whose deletion_protection.enabled attribute is false.",
    why: "The load balancer is the front door: one mistaken delete (a console click, a stack teardown in the wrong account) takes the service offline and frees its DNS name.",
    fix: "aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes Key=deletion_protection.enabled,Value=true",
    references: ["FSBP ELB.6"],
    problem: "availability",
    needs: ["AWS::ElasticLoadBalancingV2::LoadBalancer.deletionProtection"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const lb of ctx.graph.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      if (lb.props.loadBalancerType !== "application" || lb.props.deletionProtection) continue;
      if (lb.props.deletionProtection === undefined) {
        out.push(unverified(lb, [notRecorded(lb, "the deletion_protection.enabled attribute")]));
        continue;
      }
      out.push({
        resource: lb,
        message: `Application load balancer ${label(lb)} has no deletion protection.`,
        evidence: ["attribute deletion_protection.enabled is false"],
      });
    }
    return out;
  },
});
