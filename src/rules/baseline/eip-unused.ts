import { defineRule, type RuleResult } from "../types.ts";
import { label } from "../util.ts";

export default defineRule({
  meta: {
    id: "eip-unused",
    title: "Elastic IP not associated",
    severity: "low",
    pack: "baseline",
    resourceTypes: ["AWS::EC2::EIP"],
    what: "An Elastic IP address allocated but associated with nothing.",
    why: "It costs money every hour, and an address that DNS records still point at can be taken over if released carelessly; either way nobody owns it.",
    fix: "Associate it with what should have it, or release it: aws ec2 release-address --allocation-id ID (check DNS for records pointing at it first).",
    references: ["FSBP EC2.12"],
    needs: ["AWS::EC2::EIP.associationId"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const e of ctx.graph.ofType("AWS::EC2::EIP")) {
      if (e.props.associationId || e.props.networkInterfaceId || e.props.instanceId) continue;
      out.push({
        resource: e,
        message: `Elastic IP ${label(e)} (${e.props.publicIp}) is not associated with anything.`,
        evidence: ["no association, instance or network interface"],
      });
    }
    return out;
  },
});
