import { defineRule, type RuleResult } from "../types.ts";
import { label } from "../util.ts";

export default defineRule({
  meta: {
    id: "lb-single-az",
    title: "Load balancer in one Availability Zone",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::ElasticLoadBalancingV2::LoadBalancer"],
    what: "An Application or Network Load Balancer whose subnets are all in one Availability Zone.",
    why: "The load balancer is the front door: if its only AZ fails, everything behind it is unreachable however many AZs the targets use.",
    fix: "aws elbv2 set-subnets --load-balancer-arn ARN --subnets subnet-in-az-a subnet-in-az-b",
    references: ["FSBP ELB.13"],
    problem: "availability",
    needs: ["AWS::ElasticLoadBalancingV2::LoadBalancer.availabilityZones"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const lb of ctx.graph.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      const azs = new Set(lb.props.availabilityZones);
      if (azs.size !== 1) continue;
      out.push({
        resource: lb,
        message: `Load balancer ${label(lb)} runs in one Availability Zone (${[...azs][0]}).`,
        evidence: [`subnets: ${lb.props.subnetIds.join(", ")}`],
      });
    }
    return out;
  },
});
