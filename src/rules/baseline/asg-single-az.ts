import { defineRule, type RuleResult } from "../types.ts";
import { label } from "../util.ts";

export default defineRule({
  meta: {
    id: "asg-single-az",
    title: "Auto Scaling group in one Availability Zone",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::AutoScaling::AutoScalingGroup"],
    what: "An Auto Scaling group whose subnets (or zones) are all in one Availability Zone.",
    why: "Auto scaling replaces failed instances, but only in the zones it may use; an AZ outage takes the whole group down.",
    fix: "Add subnets in other AZs to the group: aws autoscaling update-auto-scaling-group --auto-scaling-group-name NAME --vpc-zone-identifier subnet-a,subnet-b",
    references: ["FSBP AutoScaling.2"],
    problem: "availability",
    needs: ["AWS::AutoScaling::AutoScalingGroup.availabilityZones"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const g of ctx.graph.ofType("AWS::AutoScaling::AutoScalingGroup")) {
      const azs = new Set(g.props.availabilityZones);
      if (azs.size !== 1) continue;
      out.push({
        resource: g,
        message: `Auto Scaling group ${label(g)} uses one Availability Zone (${[...azs][0]}).`,
        evidence: [`${g.props.instanceIds.length} instance(s), subnets ${g.props.subnetIds.join(", ")}`],
      });
    }
    return out;
  },
});
