import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label } from "../util.ts";

export default defineRule({
  meta: {
    id: "vpc-flow-logs-disabled",
    title: "VPC flow logs are off",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::EC2::VPC"],
    what: "A VPC (not the default VPC when it is empty) without an active flow log capturing rejected or all traffic.",
    why: "Without flow logs there is no record of who talked to what: an intrusion, data exfiltration or a misrouted connection cannot be investigated after the fact.",
    fix: "aws ec2 create-flow-logs --resource-type VPC --resource-ids VPC_ID --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::BUCKET",
    references: ["FSBP EC2.6", "CIS 3.7"],
    needs: ["AWS::EC2::VPC", "AWS::EC2::FlowLog", "AWS::EC2::Subnet"],
  },
  check(ctx) {
    const logged = new Set<string>();
    for (const f of ctx.graph.ofType("AWS::EC2::FlowLog")) {
      if (f.props.status === "ACTIVE" && f.props.trafficType !== "ACCEPT")
        logged.add(`${f.account}/${f.region}/${f.props.resourceId}`);
    }
    const out: RuleResult[] = [];
    for (const v of ctx.graph.ofType("AWS::EC2::VPC")) {
      if (logged.has(`${v.account}/${v.region}/${v.props.vpcId}`)) continue;
      // No flow log is evidence only where flow logs were read.
      const gap = ctx.gap(v, "AWS::EC2::FlowLog");
      if (gap) {
        out.push(unverified(v, [`flow logs: ${gap}`]));
        continue;
      }
      // An empty default VPC carries no traffic worth logging.
      if (
        v.props.isDefault &&
        ctx.graph
          .children(v.id)
          .every((c) => c.type !== "AWS::EC2::Subnet" || ctx.graph.children(c.id).length === 0)
      )
        continue;
      out.push({
        resource: v,
        message: `VPC ${label(v)} has no flow log.`,
        evidence: ["no active AWS::EC2::FlowLog with traffic type ALL or REJECT for this VPC"],
      });
    }
    return out;
  },
});
