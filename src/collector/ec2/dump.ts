import {
  DescribeAddresses$,
  DescribeFlowLogs$,
  DescribeInstances$,
  DescribeInternetGateways$,
  DescribeManagedPrefixLists$,
  DescribeNatGateways$,
  DescribeNetworkAcls$,
  DescribeNetworkInterfaces$,
  DescribeRouteTables$,
  DescribeSecurityGroups$,
  DescribeSubnets$,
  DescribeTransitGatewayAttachments$,
  DescribeVolumes$,
  DescribeVpcBlockPublicAccessExclusions$,
  DescribeVpcBlockPublicAccessOptions$,
  DescribeVpcEndpoints$,
  DescribeVpcPeeringConnections$,
  DescribeVpcs$,
  type Reservation,
  type VpcBlockPublicAccessExclusion,
  type VpcBlockPublicAccessOptions,
} from "@aws-sdk/client-ec2";
import { type DumpReader, dumpReader, type Get, items } from "../import/dump.ts";
import api, { type Ec2Raw } from "./api.ts";

const EC2_FILES = {
  "ec2-describe-vpcs": { op: DescribeVpcs$, list: "Vpcs" },
  "ec2-describe-subnets": { op: DescribeSubnets$, list: "Subnets" },
  "ec2-describe-route-tables": { op: DescribeRouteTables$, list: "RouteTables" },
  "ec2-describe-internet-gateways": { op: DescribeInternetGateways$, list: "InternetGateways" },
  "ec2-describe-nat-gateways": { op: DescribeNatGateways$, list: "NatGateways" },
  "ec2-describe-addresses": { op: DescribeAddresses$, list: "Addresses" },
  "ec2-describe-security-groups": { op: DescribeSecurityGroups$, list: "SecurityGroups" },
  "ec2-describe-network-acls": { op: DescribeNetworkAcls$, list: "NetworkAcls" },
  "ec2-describe-network-interfaces": { op: DescribeNetworkInterfaces$, list: "NetworkInterfaces" },
  "ec2-describe-instances": { op: DescribeInstances$, list: "Reservations" },
  "ec2-describe-vpc-peering-connections": {
    op: DescribeVpcPeeringConnections$,
    list: "VpcPeeringConnections",
  },
  "ec2-describe-vpc-endpoints": { op: DescribeVpcEndpoints$, list: "VpcEndpoints" },
  "ec2-describe-transit-gateway-attachments": {
    op: DescribeTransitGatewayAttachments$,
    list: "TransitGatewayAttachments",
  },
  "ec2-describe-flow-logs": { op: DescribeFlowLogs$, list: "FlowLogs" },
  "ec2-describe-volumes": { op: DescribeVolumes$, list: "Volumes" },
  "ec2-describe-managed-prefix-lists": { op: DescribeManagedPrefixLists$, list: "PrefixLists" },
  "ec2-describe-vpc-block-public-access-options": { op: DescribeVpcBlockPublicAccessOptions$ },
  "ec2-describe-vpc-block-public-access-exclusions": {
    op: DescribeVpcBlockPublicAccessExclusions$,
    list: "VpcBlockPublicAccessExclusions",
  },
} as const;

/** Read when present; a dump without them (CloudMapper collects neither) leaves the VPCs' value unknown. */
const OPTIONAL = new Set([
  "ec2-describe-managed-prefix-lists",
  "ec2-describe-vpc-block-public-access-options",
  "ec2-describe-vpc-block-public-access-exclusions",
]);

/** VPC Block Public Access from the dump: known only with the options file (the exclusions alone say nothing). */
function blockPublicAccess(get: Get): Ec2Raw["blockPublicAccess"] {
  const options = get<{ VpcBlockPublicAccessOptions?: VpcBlockPublicAccessOptions }>(
    "ec2-describe-vpc-block-public-access-options",
  ).find((r) => r.out.VpcBlockPublicAccessOptions)?.out.VpcBlockPublicAccessOptions;
  if (!options) return undefined;
  const exclusions = items<VpcBlockPublicAccessExclusion>(
    get,
    "ec2-describe-vpc-block-public-access-exclusions",
    "VpcBlockPublicAccessExclusions",
  );
  // Options without the exclusions file: excluded VPCs would look blocked. Unknown instead.
  if (
    get("ec2-describe-vpc-block-public-access-exclusions").length === 0 &&
    options.InternetGatewayBlockMode !== "off"
  )
    return undefined;
  return { options, exclusions };
}

/**
 * Items the model cannot place, which the normalizer leaves out: EC2-Classic security groups and addresses
 * (no VpcId, no AllocationId), interfaces and subnets of trimmed responses. Recorded responses have them; the
 * coverage says so rather than showing fewer resources in silence.
 */
const INCOMPLETE = [
  { file: "ec2-describe-subnets", list: "Subnets", type: "AWS::EC2::Subnet", needs: ["SubnetId", "VpcId"] },
  {
    file: "ec2-describe-route-tables",
    list: "RouteTables",
    type: "AWS::EC2::RouteTable",
    needs: ["RouteTableId", "VpcId"],
  },
  {
    file: "ec2-describe-addresses",
    list: "Addresses",
    type: "AWS::EC2::EIP",
    needs: ["AllocationId", "PublicIp"],
  },
  {
    file: "ec2-describe-security-groups",
    list: "SecurityGroups",
    type: "AWS::EC2::SecurityGroup",
    needs: ["GroupId", "VpcId"],
  },
  {
    file: "ec2-describe-network-acls",
    list: "NetworkAcls",
    type: "AWS::EC2::NetworkAcl",
    needs: ["NetworkAclId", "VpcId"],
  },
  {
    file: "ec2-describe-network-interfaces",
    list: "NetworkInterfaces",
    type: "AWS::EC2::NetworkInterface",
    needs: ["NetworkInterfaceId", "SubnetId", "VpcId"],
  },
  {
    file: "ec2-describe-vpc-endpoints",
    list: "VpcEndpoints",
    type: "AWS::EC2::VPCEndpoint",
    needs: ["VpcEndpointId", "VpcId"],
  },
  {
    file: "ec2-describe-flow-logs",
    list: "FlowLogs",
    type: "AWS::EC2::FlowLog",
    needs: ["FlowLogId", "ResourceId"],
  },
] as const;

const leftOut = (get: Get, c: (typeof INCOMPLETE)[number]) =>
  items<Record<string, unknown>>(get, c.file, c.list).filter((i) => c.needs.some((k) => !i[k])).length;

function incomplete(get: Get): string[] {
  return INCOMPLETE.flatMap((c) => {
    const n = leftOut(get, c);
    return n > 0
      ? [
          `${n} item(s) of ${c.file}.json without ${c.needs.join(" or ")}: left out (EC2-Classic, or a trimmed response)`,
        ]
      : [];
  });
}

/**
 * Interfaces only DescribeInstances names (the ENI listing lacks them): placed from the instance's answer,
 * which carries no tags, so their tags are not recorded.
 */
function fromInstancesOnly(get: Get): { gaps: string[]; notRecorded: string[] } {
  const listed = new Set(
    items<{ NetworkInterfaceId?: string }>(get, "ec2-describe-network-interfaces", "NetworkInterfaces").map(
      (e) => e.NetworkInterfaceId,
    ),
  );
  const only = new Set(
    items<Reservation>(get, "ec2-describe-instances", "Reservations")
      .flatMap((r) => r.Instances ?? [])
      .flatMap((i) => i.NetworkInterfaces ?? [])
      .flatMap((n) =>
        n.NetworkInterfaceId && n.SubnetId && !listed.has(n.NetworkInterfaceId) ? [n.NetworkInterfaceId] : [],
      ),
  );
  return only.size === 0
    ? { gaps: [], notRecorded: [] }
    : {
        gaps: [
          `${only.size} network interface(s) known only from ec2-describe-instances.json (placed from the instances' answers): their tags are not recorded`,
        ],
        notRecorded: ["AWS::EC2::NetworkInterface.tags"],
      };
}

const dump: DumpReader<unknown> = dumpReader<Ec2Raw>({
  module: api,
  files: EC2_FILES,
  // Prefix lists are optional: older dumps lack the file, and a rule naming a list nobody read is unknown
  // whatever the coverage says.
  required: Object.keys(EC2_FILES).filter((f) => !OPTIONAL.has(f)),
  records: {
    "ec2-describe-vpcs": ["AWS::EC2::VPC"],
    "ec2-describe-subnets": ["AWS::EC2::Subnet"],
    "ec2-describe-route-tables": ["AWS::EC2::RouteTable"],
    "ec2-describe-internet-gateways": ["AWS::EC2::InternetGateway"],
    "ec2-describe-nat-gateways": ["AWS::EC2::NatGateway"],
    "ec2-describe-addresses": ["AWS::EC2::EIP"],
    "ec2-describe-security-groups": ["AWS::EC2::SecurityGroup"],
    "ec2-describe-network-acls": ["AWS::EC2::NetworkAcl"],
    "ec2-describe-network-interfaces": ["AWS::EC2::NetworkInterface"],
    "ec2-describe-instances": ["AWS::EC2::Instance"],
    "ec2-describe-vpc-peering-connections": ["AWS::EC2::VPCPeeringConnection"],
    "ec2-describe-vpc-endpoints": ["AWS::EC2::VPCEndpoint"],
    "ec2-describe-transit-gateway-attachments": ["AWS::EC2::TransitGatewayAttachment"],
    "ec2-describe-flow-logs": ["AWS::EC2::FlowLog"],
    "ec2-describe-volumes": ["AWS::EC2::Volume"],
    // The lists only: a dump has no GetManagedPrefixListEntries, so their CIDRs stay unknown.
    "ec2-describe-managed-prefix-lists": ["AWS::EC2::PrefixList"],
  },
  build: (get) => ({
    gaps: [...incomplete(get), ...fromInstancesOnly(get).gaps],
    notRecorded: [
      ...new Set(INCOMPLETE.filter((c) => leftOut(get, c) > 0).map((c) => c.type)),
      ...fromInstancesOnly(get).notRecorded,
    ],
    raw: {
      vpcs: items(get, "ec2-describe-vpcs", "Vpcs"),
      subnets: items(get, "ec2-describe-subnets", "Subnets"),
      routeTables: items(get, "ec2-describe-route-tables", "RouteTables"),
      internetGateways: items(get, "ec2-describe-internet-gateways", "InternetGateways"),
      natGateways: items(get, "ec2-describe-nat-gateways", "NatGateways"),
      addresses: items(get, "ec2-describe-addresses", "Addresses"),
      securityGroups: items(get, "ec2-describe-security-groups", "SecurityGroups"),
      networkAcls: items(get, "ec2-describe-network-acls", "NetworkAcls"),
      networkInterfaces: items(get, "ec2-describe-network-interfaces", "NetworkInterfaces"),
      instances: items<Reservation>(get, "ec2-describe-instances", "Reservations").flatMap(
        (r) => r.Instances ?? [],
      ),
      peerings: items(get, "ec2-describe-vpc-peering-connections", "VpcPeeringConnections"),
      vpcEndpoints: items(get, "ec2-describe-vpc-endpoints", "VpcEndpoints"),
      transitGatewayAttachments: items(
        get,
        "ec2-describe-transit-gateway-attachments",
        "TransitGatewayAttachments",
      ),
      flowLogs: items(get, "ec2-describe-flow-logs", "FlowLogs"),
      volumes: items(get, "ec2-describe-volumes", "Volumes"),
      prefixLists: items(get, "ec2-describe-managed-prefix-lists", "PrefixLists"),
      prefixListEntries: {},
      ...((bpa) => (bpa ? { blockPublicAccess: bpa } : {}))(blockPublicAccess(get)),
    },
  }),
});

export default dump;
