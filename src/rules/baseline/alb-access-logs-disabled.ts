import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "alb-access-logs-disabled",
    title: "Application load balancer does not write access logs",
    severity: "low",
    pack: "baseline",
    resourceTypes: ["AWS::ElasticLoadBalancingV2::LoadBalancer"],
    what: "An application load balancer whose access_logs.s3.enabled attribute is false.",
    why: "Access logs are the record of who called what through the load balancer: without them an incident cannot be traced back to a client, a path or a time.",
    fix: "aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=BUCKET",
    references: ["FSBP ELB.5"],
    needs: ["AWS::ElasticLoadBalancingV2::LoadBalancer.accessLogsEnabled"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const lb of ctx.graph.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      if (lb.props.loadBalancerType !== "application" || lb.props.accessLogsEnabled) continue;
      if (lb.props.accessLogsEnabled === undefined) {
        out.push(unverified(lb, [notRecorded(lb, "the access_logs.s3.enabled attribute")]));
        continue;
      }
      out.push({
        resource: lb,
        message: `Application load balancer ${label(lb)} does not write access logs.`,
        evidence: ["attribute access_logs.s3.enabled is false"],
      });
    }
    return out;
  },
});
