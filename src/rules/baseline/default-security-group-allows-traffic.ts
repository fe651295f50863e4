import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, listUsers, missingProps, usersOf } from "../util.ts";

export default defineRule({
  meta: {
    id: "default-security-group-allows-traffic",
    title: "Default security group allows traffic",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::EC2::SecurityGroup"],
    what: "A VPC's default security group with any inbound or outbound rule.",
    why: "Resources launched without an explicit group land in the default group; if it allows traffic, they silently get network access nobody designed.",
    fix: "Remove every rule from the default group (aws ec2 revoke-security-group-ingress / -egress) and give each workload a group of its own.",
    references: ["FSBP EC2.2", "CIS 5.4"],
    problem: "open-ports",
    needs: ["AWS::EC2::SecurityGroup.ingress", "AWS::EC2::SecurityGroup.egress"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const sg of ctx.graph.ofType("AWS::EC2::SecurityGroup")) {
      if (sg.props.groupName !== "default") continue;
      const { ingress, egress } = sg.props;
      if (!ingress || !egress) {
        out.push(unverified(sg, missingProps(sg, { "ingress rules": ingress, "egress rules": egress })));
        continue;
      }
      const n = ingress.length + egress.length;
      if (n === 0) continue;
      const users = usersOf(ctx, sg);
      out.push({
        resource: sg,
        severity: users.length === 0 ? "low" : "medium",
        message: `The default security group ${label(sg)} of ${sg.props.vpcId} has ${ingress.length} inbound and ${egress.length} outbound rule(s).`,
        evidence: [listUsers(users)],
      });
    }
    return out;
  },
});
