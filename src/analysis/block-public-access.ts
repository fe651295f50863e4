import { ec2Arn } from "../model/arn.ts";
import type { Graph } from "../model/graph.ts";
import type { ResourceOf } from "../model/snapshot.ts";

// VPC Block Public Access (EC2's account-and-region setting, 2024): in mode block-ingress or
// block-bidirectional, AWS drops internet traffic arriving through the internet gateways of every VPC of
// the region, whatever the routes, security groups and network ACLs allow, except for the VPCs and subnets
// an exclusion in allow-bidirectional mode opts out (allow-egress exclusions let traffic out, never in).

export type IngressBlock =
  | { blocked: true; why: string }
  | { blocked: false }
  /** Not recorded: whether AWS blocks internet ingress here is unknown. */
  | { blocked: undefined; why: string };

/** Whether VPC Block Public Access keeps the internet out of `subnet`. */
export function internetIngressBlock(graph: Graph, subnet: ResourceOf<"AWS::EC2::Subnet">): IngressBlock {
  const vpc = graph.getOfType(
    ec2Arn(subnet.region, subnet.account, "vpc", subnet.props.vpcId),
    "AWS::EC2::VPC",
  );
  const bpa = vpc?.props.blockPublicAccess;
  if (!bpa)
    return {
      blocked: undefined,
      why: `VPC Block Public Access of ${subnet.props.vpcId} in ${subnet.account} ${subnet.region} is not recorded`,
    };
  if (bpa.mode === "off") return { blocked: false };
  if (
    bpa.exclusion === "allow-bidirectional" ||
    bpa.subnetExclusions[subnet.props.subnetId] === "allow-bidirectional"
  )
    return { blocked: false };
  return {
    blocked: true,
    why: `VPC Block Public Access is ${bpa.mode} in ${subnet.account} ${subnet.region}${
      bpa.exclusion || bpa.subnetExclusions[subnet.props.subnetId]
        ? " (its exclusion here allows egress only)"
        : " and neither the VPC nor the subnet is excluded"
    }`,
  };
}
