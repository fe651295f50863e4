import {
  Address$,
  FlowLog$,
  Instance$,
  InternetGateway$,
  NatGateway$,
  NetworkAcl$,
  NetworkInterface$,
  RouteTable$,
  type SecurityGroup,
  SecurityGroup$,
  Subnet$,
  TransitGatewayAttachment$,
  Volume$,
  Vpc$,
  VpcEndpoint$,
  VpcPeeringConnection$,
} from "@aws-sdk/client-ec2";
import type { ConfigItem } from "../config/item.ts";
import { type ConfigReader, configReader, ec2Object, type Group } from "../config/reader.ts";
import { isRecord, withShapeIssues } from "../shape.ts";
import api, { type Ec2Raw, emptyEc2Raw } from "./api.ts";

/**
 * A security group item, whichever of Config's shapes: items since about 2017 carry each permission's IPv4
 * ranges twice, `ipRanges` as bare CIDR strings and `ipv4Ranges` as {cidrIp, description}; older items
 * (configurationItemVersion 1.2, e.g. Cloud Custodian's tests/data/placebo/test_sg_config_diff) only the
 * strings. Both are read (the strings when `ipv4Ranges` is absent or empty). A permission list with
 * elements of any other shape is not guessed at: the group's rules in that direction are unknown (absent),
 * and the item gets a note.
 */
export function securityGroupFromConfig(i: ConfigItem, g: Group): SecurityGroup {
  const conf = { ...i.configuration };
  for (const key of ["ipPermissions", "ipPermissionsEgress"]) {
    const perms = conf[key];
    if (!Array.isArray(perms)) continue;
    conf[key] = perms.map((p: unknown) => {
      if (!isRecord(p)) return p;
      const v4 = p.ipv4Ranges;
      const bare = p.ipRanges;
      if ((Array.isArray(v4) && v4.length > 0) || !Array.isArray(bare) || bare.length === 0) return p;
      if (!bare.every((c) => typeof c === "string")) return p;
      return { ...p, ipv4Ranges: bare.map((cidrIp) => ({ cidrIp })) };
    });
  }
  const { value: sg, issues } = withShapeIssues(() =>
    ec2Object<SecurityGroup>(SecurityGroup$, { ...i, configuration: conf }, "GroupId", "Tags", {
      "IpPermission.IpRanges": ["ipv4Ranges"],
    }),
  );
  for (const issue of issues) {
    const direction = /^ipPermissionsEgress\b/i.test(issue)
      ? "IpPermissionsEgress"
      : /^ipPermissions\b/i.test(issue)
        ? "IpPermissions"
        : undefined;
    if (direction) delete sg[direction];
    g.notes.push(
      `AWS::EC2::SecurityGroup ${i.resourceId}: configuration.${issue}${direction ? `; its ${direction === "IpPermissions" ? "inbound" : "outbound"} rules are left unknown` : ""}`,
    );
  }
  return sg;
}

const config: ConfigReader<unknown> = configReader<Ec2Raw>({
  module: api,
  empty: emptyEc2Raw,
  types: {
    "AWS::EC2::VPC": (raw, i) => raw.vpcs.push(ec2Object(Vpc$, i, "VpcId")),
    "AWS::EC2::Subnet": (raw, i) => raw.subnets.push(ec2Object(Subnet$, i, "SubnetId")),
    "AWS::EC2::RouteTable": (raw, i) => raw.routeTables.push(ec2Object(RouteTable$, i, "RouteTableId")),
    "AWS::EC2::InternetGateway": (raw, i) =>
      raw.internetGateways.push(ec2Object(InternetGateway$, i, "InternetGatewayId")),
    "AWS::EC2::NatGateway": (raw, i) => raw.natGateways.push(ec2Object(NatGateway$, i, "NatGatewayId")),
    "AWS::EC2::EIP": (raw, i) => raw.addresses.push(ec2Object(Address$, i, "AllocationId")),
    "AWS::EC2::SecurityGroup": (raw, i, g) => raw.securityGroups.push(securityGroupFromConfig(i, g)),
    "AWS::EC2::NetworkAcl": (raw, i) => raw.networkAcls.push(ec2Object(NetworkAcl$, i, "NetworkAclId")),
    "AWS::EC2::NetworkInterface": (raw, i) =>
      raw.networkInterfaces.push(ec2Object(NetworkInterface$, i, "NetworkInterfaceId", "TagSet")),
    "AWS::EC2::Instance": (raw, i) => raw.instances.push(ec2Object(Instance$, i, "InstanceId")),
    "AWS::EC2::VPCPeeringConnection": (raw, i) =>
      raw.peerings.push(ec2Object(VpcPeeringConnection$, i, "VpcPeeringConnectionId")),
    "AWS::EC2::VPCEndpoint": (raw, i) => raw.vpcEndpoints.push(ec2Object(VpcEndpoint$, i, "VpcEndpointId")),
    "AWS::EC2::TransitGatewayAttachment": (raw, i) =>
      raw.transitGatewayAttachments.push(
        ec2Object(TransitGatewayAttachment$, i, "TransitGatewayAttachmentId"),
      ),
    "AWS::EC2::FlowLog": (raw, i) => raw.flowLogs.push(ec2Object(FlowLog$, i, "FlowLogId")),
    "AWS::EC2::Volume": (raw, i) => raw.volumes.push(ec2Object(Volume$, i, "VolumeId")),
  },
});

export default config;
