import { defineRule, type RuleResult } from "../types.ts";
import { inPublicTier, label } from "../util.ts";

export default defineRule({
  meta: {
    id: "instance-public-ip",
    title: "EC2 instance has a public IP address",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::EC2::Instance"],
    what: "A running EC2 instance with a public IPv4 address, auto-assigned or an Elastic IP.",
    why: "A public address makes the instance directly addressable from the internet; only its security group stands in the way. Instances documented in a public tier of the spec are not reported.",
    fix: "Launch instances without public addresses (subnet setting MapPublicIpOnLaunch=false, launch template AssociatePublicIpAddress=false), release Elastic IPs that are not needed, and reach instances through a load balancer or SSM Session Manager.",
    references: ["FSBP EC2.9"],
    problem: "exposure",
    needs: ["AWS::EC2::Instance.publicIp", "AWS::EC2::Instance.state", "AWS::EC2::EIP"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    const eips = new Map(
      ctx.graph
        .ofType("AWS::EC2::EIP")
        .flatMap((e) => (e.props.instanceId ? [[`${e.account}/${e.props.instanceId}`, e] as const] : [])),
    );
    for (const i of ctx.graph.ofType("AWS::EC2::Instance")) {
      if (i.props.state !== "running" || !i.props.publicIp || inPublicTier(ctx, i)) continue;
      const eip = eips.get(`${i.account}/${i.props.instanceId}`);
      out.push({
        resource: i,
        message: `Instance ${label(i)} has the public IP ${i.props.publicIp}${eip ? " (an Elastic IP)" : ""}.`,
        evidence: [
          eip
            ? `Elastic IP ${eip.props.allocationId} ${eip.props.publicIp} is associated with it`
            : `public IP ${i.props.publicIp} assigned at launch`,
        ],
      });
    }
    return out;
  },
});
