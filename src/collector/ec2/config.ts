import {
  Address$,
  FlowLog$,
  Instance$,
  InternetGateway$,
  NatGateway$,
  NetworkAcl$,
  NetworkInterface$,
  RouteTable$,
  SecurityGroup$,
  Subnet$,
  TransitGatewayAttachment$,
  Volume$,
  Vpc$,
  VpcEndpoint$,
  VpcPeeringConnection$,
} from "@aws-sdk/client-ec2";
import { type ConfigReader, configReader, ec2Object } from "../config/reader.ts";
import api, { type Ec2Raw, emptyEc2Raw } from "./api.ts";

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
    // Config keeps both `ipRanges` (bare CIDR strings, an older shape) and `ipv4Ranges` (with descriptions).
    "AWS::EC2::SecurityGroup": (raw, i) =>
      raw.securityGroups.push(
        ec2Object(SecurityGroup$, i, "GroupId", "Tags", { "IpPermission.IpRanges": ["ipv4Ranges"] }),
      ),
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
