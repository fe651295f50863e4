import type {
  Address,
  EC2Client,
  FlowLog,
  Instance,
  InternetGateway,
  IpPermission,
  ManagedPrefixList,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  PrefixListEntry,
  RouteTable,
  SecurityGroup,
  Subnet,
  TransitGatewayAttachment,
  Volume,
  Vpc,
  VpcBlockPublicAccessExclusion,
  VpcBlockPublicAccessOptions,
  VpcEndpoint,
  VpcPeeringConnection,
} from "@aws-sdk/client-ec2";
import { ec2Arn } from "../../model/arn.ts";
import type { Route, RouteTargetKind, SecurityGroupRule } from "../../model/props.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, oneOf, orNull, tagsOf } from "../util.ts";

/**
 * VPC Block Public Access (2024): the options always exist ("off" by default); exclusions page by NextToken.
 * An error (the API missing in a partition, a policy from before it without the permission) leaves it
 * unknown rather than failing the region's EC2 scan.
 */
async function readBlockPublicAccess(client: EC2Client): Promise<Ec2Raw["blockPublicAccess"]> {
  const sdk = await import("./sdk.ts");
  try {
    const out = await client.send(new sdk.DescribeVpcBlockPublicAccessOptionsCommand({}));
    if (!out.VpcBlockPublicAccessOptions) return undefined;
    const exclusions: VpcBlockPublicAccessExclusion[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new sdk.DescribeVpcBlockPublicAccessExclusionsCommand({
          MaxResults: 1000,
          ...(NextToken ? { NextToken } : {}),
        }),
      );
      exclusions.push(...(page.VpcBlockPublicAccessExclusions ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return { options: out.VpcBlockPublicAccessOptions, exclusions };
  } catch {
    return undefined;
  }
}

/** Exclusion states in which the exclusion applies (AWS keeps deleted and failed ones listed for a while). */
const EXCLUSION_IN_FORCE = new Set([
  "create-complete",
  "update-complete",
  "update-in-progress",
  "delete-in-progress",
]);

/** The VPC Block Public Access that applies to one VPC, or undefined when it was not read. */
function blockPublicAccessOf(
  raw: Ec2Raw,
  vpcId: string,
): ResourceOf<"AWS::EC2::VPC">["props"]["blockPublicAccess"] {
  const bpa = raw.blockPublicAccess;
  if (!bpa) return undefined;
  const mode =
    oneOf(bpa.options.InternetGatewayBlockMode, ["off", "block-bidirectional", "block-ingress"] as const) ??
    "off";
  let exclusion: "allow-bidirectional" | "allow-egress" | null = null;
  const subnetExclusions: Record<string, "allow-bidirectional" | "allow-egress"> = {};
  for (const e of bpa.exclusions) {
    const m = oneOf(e.InternetGatewayExclusionMode, ["allow-bidirectional", "allow-egress"] as const);
    if (!m || !EXCLUSION_IN_FORCE.has(e.State ?? "") || !e.ResourceArn) continue;
    const id = e.ResourceArn.split("/").pop() ?? "";
    if (id === vpcId) exclusion = m;
    else if (id.startsWith("subnet-") && subnetVpc(raw, id) === vpcId) subnetExclusions[id] = m;
  }
  return { mode, exclusion, subnetExclusions };
}

const subnetVpc = (raw: Ec2Raw, subnetId: string) => raw.subnets.find((s) => s.SubnetId === subnetId)?.VpcId;

/** Transit gateway attachment states in which the attachment no longer joins anything. */
const GONE_ATTACHMENT = new Set(["deleted", "deleting", "failed", "failing", "rejected", "rejecting"]);

export interface Ec2Raw {
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  internetGateways: InternetGateway[];
  natGateways: NatGateway[];
  addresses: Address[];
  securityGroups: SecurityGroup[];
  networkAcls: NetworkAcl[];
  networkInterfaces: NetworkInterface[];
  instances: Instance[];
  peerings: VpcPeeringConnection[];
  vpcEndpoints: VpcEndpoint[];
  transitGatewayAttachments: TransitGatewayAttachment[];
  flowLogs: FlowLog[];
  volumes: Volume[];
  /** DescribeManagedPrefixLists (customer-managed and AWS-managed lists). */
  prefixLists: ManagedPrefixList[];
  /** GetManagedPrefixListEntries by list id; a list without an entry here was not read. */
  prefixListEntries: Record<string, PrefixListEntry[]>;
  /**
   * VPC Block Public Access: the region's options and its exclusions; undefined when not read (an offline
   * source without them, a region or partition without the API, a policy without the permission).
   */
  blockPublicAccess?: { options: VpcBlockPublicAccessOptions; exclusions: VpcBlockPublicAccessExclusion[] };
}

/** An Ec2Raw with every list empty: what offline sources fill in, one list at a time. */
export function emptyEc2Raw(): Ec2Raw {
  return {
    vpcs: [],
    subnets: [],
    routeTables: [],
    internetGateways: [],
    natGateways: [],
    addresses: [],
    securityGroups: [],
    networkAcls: [],
    networkInterfaces: [],
    instances: [],
    peerings: [],
    vpcEndpoints: [],
    transitGatewayAttachments: [],
    flowLogs: [],
    volumes: [],
    prefixLists: [],
    prefixListEntries: {},
  };
}

const op = (command: string) => ({ command, iam: [`ec2:${command}`] });

export default defineService<Ec2Raw>({
  service: "ec2",
  global: false,
  operations: [
    op("DescribeVpcs"),
    op("DescribeSubnets"),
    op("DescribeRouteTables"),
    op("DescribeInternetGateways"),
    op("DescribeNatGateways"),
    op("DescribeAddresses"),
    op("DescribeSecurityGroups"),
    op("DescribeNetworkAcls"),
    op("DescribeNetworkInterfaces"),
    op("DescribeInstances"),
    op("DescribeVpcPeeringConnections"),
    op("DescribeVpcEndpoints"),
    op("DescribeTransitGatewayAttachments"),
    op("DescribeFlowLogs"),
    op("DescribeVolumes"),
    op("DescribeManagedPrefixLists"),
    op("DescribeVpcBlockPublicAccessOptions"),
    op("DescribeVpcBlockPublicAccessExclusions"),
    op("GetManagedPrefixListEntries"),
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.EC2Client);
    // Page sizes are each API's maximum: fewer round trips for large accounts.
    const big = { client, pageSize: 1000 };
    const small = { client, pageSize: 100 };
    const [
      vpcs,
      subnets,
      routeTables,
      internetGateways,
      natGateways,
      addresses,
      securityGroups,
      networkAcls,
      networkInterfaces,
      instances,
      peerings,
      vpcEndpoints,
      transitGatewayAttachments,
      flowLogs,
      volumes,
      prefixLists,
    ] = await Promise.all([
      all(sdk.paginateDescribeVpcs(big, {}), (p) => p.Vpcs),
      all(sdk.paginateDescribeSubnets(big, {}), (p) => p.Subnets),
      all(sdk.paginateDescribeRouteTables(small, {}), (p) => p.RouteTables),
      all(sdk.paginateDescribeInternetGateways(big, {}), (p) => p.InternetGateways),
      all(sdk.paginateDescribeNatGateways(big, {}), (p) => p.NatGateways),
      client.send(new sdk.DescribeAddressesCommand({})).then((r) => r.Addresses ?? []),
      all(sdk.paginateDescribeSecurityGroups(big, {}), (p) => p.SecurityGroups),
      all(sdk.paginateDescribeNetworkAcls(small, {}), (p) => p.NetworkAcls),
      all(sdk.paginateDescribeNetworkInterfaces(big, {}), (p) => p.NetworkInterfaces),
      all(sdk.paginateDescribeInstances(big, {}), (p) =>
        (p.Reservations ?? []).flatMap((r) => r.Instances ?? []),
      ),
      all(sdk.paginateDescribeVpcPeeringConnections(big, {}), (p) => p.VpcPeeringConnections),
      all(sdk.paginateDescribeVpcEndpoints(big, {}), (p) => p.VpcEndpoints),
      all(sdk.paginateDescribeTransitGatewayAttachments(big, {}), (p) => p.TransitGatewayAttachments),
      all(sdk.paginateDescribeFlowLogs(big, {}), (p) => p.FlowLogs),
      all(sdk.paginateDescribeVolumes(big, {}), (p) => p.Volumes),
      all(sdk.paginateDescribeManagedPrefixLists(small, {}), (p) => p.PrefixLists),
    ]);
    // Each list's CIDRs, one call per list (a handful per region). A list whose entries cannot be read
    // stays without them: what a rule naming it allows is then unknown, never nothing.
    const prefixListEntries: Record<string, PrefixListEntry[]> = {};
    for (const pl of prefixLists) {
      const id = pl.PrefixListId;
      if (!id) continue;
      try {
        prefixListEntries[id] = await all(
          sdk.paginateGetManagedPrefixListEntries({ client, pageSize: 100 }, { PrefixListId: id }),
          (p) => p.Entries,
        );
      } catch {
        // Not read: the list is kept without entries.
      }
    }
    const blockPublicAccess = await readBlockPublicAccess(client);
    return {
      ...(blockPublicAccess ? { blockPublicAccess } : {}),
      vpcs,
      subnets,
      routeTables,
      internetGateways,
      natGateways,
      addresses,
      securityGroups,
      networkAcls,
      networkInterfaces,
      instances,
      peerings,
      vpcEndpoints,
      transitGatewayAttachments,
      flowLogs,
      volumes,
      prefixLists,
      prefixListEntries,
    };
  },

  normalize(raw, where) {
    return normalizeEc2(raw, where);
  },
});

const icmp = (protocol: string | undefined) => protocol === "1" || protocol === "icmp";
/** A CIDR association in force (or one whose state was not recorded). */
const associated = (state: string | undefined) =>
  state === undefined || state === "associated" || state === "associating";

/** Pure: EC2 API output → resources and edges. */
export function normalizeEc2(raw: Ec2Raw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  const arn = (kind: Parameters<typeof ec2Arn>[2], id: string) => ec2Arn(region, account, kind, id);
  const base = (id: string, tags: Record<string, string>, name: string | undefined, parent?: string) => ({
    id,
    account,
    region,
    ...(name !== undefined ? { name } : {}),
    tags,
    ...(parent !== undefined ? { parent } : {}),
  });

  for (const v of raw.vpcs) {
    if (!v.VpcId) continue;
    const tags = tagsOf(v.Tags);
    out.add<ResourceOf<"AWS::EC2::VPC">>({
      ...base(arn("vpc", v.VpcId), tags, nameOf(tags)),
      type: "AWS::EC2::VPC",
      props: {
        vpcId: v.VpcId,
        cidrBlock: v.CidrBlock,
        // Secondary blocks too (a subnet may lie in any of them); disassociated ones are gone.
        ...(v.CidrBlockAssociationSet
          ? {
              cidrBlocks: v.CidrBlockAssociationSet.flatMap((a) =>
                a.CidrBlock && associated(a.CidrBlockState?.State) ? [a.CidrBlock] : [],
              ),
            }
          : {}),
        ipv6CidrBlocks: (v.Ipv6CidrBlockAssociationSet ?? []).flatMap((a) =>
          a.Ipv6CidrBlock && associated(a.Ipv6CidrBlockState?.State) ? [a.Ipv6CidrBlock] : [],
        ),
        isDefault: v.IsDefault,
        ...(raw.blockPublicAccess ? { blockPublicAccess: blockPublicAccessOf(raw, v.VpcId) } : {}),
      },
    });
  }

  for (const s of raw.subnets) {
    if (!s.SubnetId || !s.VpcId) continue;
    const tags = tagsOf(s.Tags);
    out.add<ResourceOf<"AWS::EC2::Subnet">>({
      ...base(arn("subnet", s.SubnetId), tags, nameOf(tags), arn("vpc", s.VpcId)),
      type: "AWS::EC2::Subnet",
      props: {
        subnetId: s.SubnetId,
        vpcId: s.VpcId,
        cidrBlock: s.CidrBlock,
        ipv6CidrBlock: orNull(s.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock),
        availabilityZone: s.AvailabilityZone || undefined,
        mapPublicIpOnLaunch: s.MapPublicIpOnLaunch,
      },
    });
  }

  for (const rt of raw.routeTables) {
    if (!rt.RouteTableId || !rt.VpcId) continue;
    const tags = tagsOf(rt.Tags);
    const id = arn("route-table", rt.RouteTableId);
    const routes: Route[] = [];
    for (const r of rt.Routes ?? []) {
      const target = routeTarget(r);
      if (!target) continue;
      routes.push({
        destinationCidr: orNull(r.DestinationCidrBlock),
        destinationIpv6Cidr: orNull(r.DestinationIpv6CidrBlock),
        destinationPrefixListId: orNull(r.DestinationPrefixListId),
        targetKind: target.kind,
        targetId: target.id,
        state: r.State === "blackhole" ? "blackhole" : "active",
      });
      const edgeKind = (
        {
          "internet-gateway": "internet-gateway",
          "nat-gateway": "natgateway",
          "vpc-peering": "vpc-peering-connection",
          "vpc-endpoint": "vpc-endpoint",
        } as const
      )[target.kind as "internet-gateway"];
      if (edgeKind) out.edge(id, arn(edgeKind, target.id), "routes");
    }
    out.add<ResourceOf<"AWS::EC2::RouteTable">>({
      ...base(id, tags, nameOf(tags), arn("vpc", rt.VpcId)),
      type: "AWS::EC2::RouteTable",
      props: {
        routeTableId: rt.RouteTableId,
        vpcId: rt.VpcId,
        // No association list at all: which subnets use the table (and whether it is main) was not recorded.
        main: rt.Associations === undefined ? undefined : rt.Associations.some((a) => a.Main === true),
        subnetIds: (rt.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
        routes,
      },
    });
  }

  for (const g of raw.internetGateways) {
    if (!g.InternetGatewayId) continue;
    const tags = tagsOf(g.Tags);
    const vpcIds = (g.Attachments ?? []).flatMap((a) => (a.VpcId ? [a.VpcId] : []));
    const id = arn("internet-gateway", g.InternetGatewayId);
    const first = vpcIds[0];
    out.add<ResourceOf<"AWS::EC2::InternetGateway">>({
      ...base(id, tags, nameOf(tags), first ? arn("vpc", first) : undefined),
      type: "AWS::EC2::InternetGateway",
      props: { internetGatewayId: g.InternetGatewayId, vpcIds },
    });
    for (const v of vpcIds) out.edge(id, arn("vpc", v), "attached");
  }

  for (const n of raw.natGateways) {
    if (!n.NatGatewayId || !n.SubnetId || !n.VpcId || n.State === "deleted") continue;
    const tags = tagsOf(n.Tags);
    out.add<ResourceOf<"AWS::EC2::NatGateway">>({
      ...base(arn("natgateway", n.NatGatewayId), tags, nameOf(tags), arn("subnet", n.SubnetId)),
      type: "AWS::EC2::NatGateway",
      props: {
        natGatewayId: n.NatGatewayId,
        vpcId: n.VpcId,
        subnetId: n.SubnetId,
        connectivityType: n.ConnectivityType === "private" ? "private" : "public",
        state: n.State,
        publicIps: (n.NatGatewayAddresses ?? []).flatMap((a) => (a.PublicIp ? [a.PublicIp] : [])),
        networkInterfaceIds: (n.NatGatewayAddresses ?? []).flatMap((a) =>
          a.NetworkInterfaceId ? [a.NetworkInterfaceId] : [],
        ),
      },
    });
  }

  for (const a of raw.addresses) {
    if (!a.AllocationId || !a.PublicIp) continue;
    const tags = tagsOf(a.Tags);
    const id = arn("elastic-ip", a.AllocationId);
    out.add<ResourceOf<"AWS::EC2::EIP">>({
      ...base(id, tags, nameOf(tags)),
      type: "AWS::EC2::EIP",
      props: {
        allocationId: a.AllocationId,
        publicIp: a.PublicIp,
        associationId: orNull(a.AssociationId),
        instanceId: orNull(a.InstanceId),
        networkInterfaceId: orNull(a.NetworkInterfaceId),
        domain: a.Domain === "standard" ? "standard" : "vpc",
      },
    });
    if (a.NetworkInterfaceId) out.edge(id, arn("network-interface", a.NetworkInterfaceId), "attached");
  }

  for (const g of raw.securityGroups) {
    if (!g.GroupId || !g.VpcId) continue;
    const tags = tagsOf(g.Tags);
    out.add<ResourceOf<"AWS::EC2::SecurityGroup">>({
      ...base(arn("security-group", g.GroupId), tags, nameOf(tags, g.GroupName), arn("vpc", g.VpcId)),
      type: "AWS::EC2::SecurityGroup",
      props: {
        groupId: g.GroupId,
        groupName: g.GroupName ?? "",
        description: g.Description ?? "",
        vpcId: g.VpcId,
        ingress: g.IpPermissions?.map(sgRule),
        egress: g.IpPermissionsEgress?.map(sgRule),
      },
    });
  }

  for (const acl of raw.networkAcls) {
    if (!acl.NetworkAclId || !acl.VpcId) continue;
    const tags = tagsOf(acl.Tags);
    out.add<ResourceOf<"AWS::EC2::NetworkAcl">>({
      ...base(arn("network-acl", acl.NetworkAclId), tags, nameOf(tags), arn("vpc", acl.VpcId)),
      type: "AWS::EC2::NetworkAcl",
      props: {
        networkAclId: acl.NetworkAclId,
        vpcId: acl.VpcId,
        isDefault: acl.IsDefault,
        subnetIds: (acl.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
        // 32767 is the implicit final deny that every ACL has; the model leaves it implicit.
        entries: acl.Entries?.filter((e) => e.RuleNumber !== undefined && e.RuleNumber < 32767)
          .map((e) => ({
            ruleNumber: e.RuleNumber ?? 0,
            egress: e.Egress ?? false,
            protocol: e.Protocol ?? "-1",
            ruleAction: e.RuleAction === "deny" ? ("deny" as const) : ("allow" as const),
            cidrBlock: orNull(e.CidrBlock),
            ipv6CidrBlock: orNull(e.Ipv6CidrBlock),
            // ICMP entries carry a type and code instead of ports: kept as fromPort/toPort, as
            // security-group rules hold them (-1: all).
            fromPort: orNull(icmp(e.Protocol) ? e.IcmpTypeCode?.Type : e.PortRange?.From),
            toPort: orNull(icmp(e.Protocol) ? e.IcmpTypeCode?.Code : e.PortRange?.To),
          }))
          .sort((a, b) => Number(a.egress) - Number(b.egress) || a.ruleNumber - b.ruleNumber),
      },
    });
  }

  for (const eni of raw.networkInterfaces) {
    if (!eni.NetworkInterfaceId || !eni.SubnetId || !eni.VpcId) continue;
    const tags = tagsOf(eni.TagSet);
    const id = arn("network-interface", eni.NetworkInterfaceId);
    const instanceId = eni.Attachment?.InstanceId;
    const attachedTo = instanceId ? arn("instance", instanceId) : null;
    const groups = (eni.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : []));
    out.add<ResourceOf<"AWS::EC2::NetworkInterface">>({
      ...base(id, tags, nameOf(tags), arn("subnet", eni.SubnetId)),
      type: "AWS::EC2::NetworkInterface",
      props: {
        networkInterfaceId: eni.NetworkInterfaceId,
        vpcId: eni.VpcId,
        subnetId: eni.SubnetId,
        availabilityZone: eni.AvailabilityZone || undefined,
        interfaceType: eni.InterfaceType ?? "interface",
        description: eni.Description ?? "",
        privateIpAddresses: (eni.PrivateIpAddresses ?? []).flatMap((p) =>
          p.PrivateIpAddress ? [p.PrivateIpAddress] : [],
        ),
        publicIp: orNull(eni.Association?.PublicIp),
        securityGroupIds: groups,
        attachedTo,
        requesterManaged: eni.RequesterManaged ?? false,
      },
    });
    for (const g of groups) out.edge(id, arn("security-group", g), "uses");
    if (attachedTo) out.edge(id, attachedTo, "attached");
  }

  const listedEnis = new Set(
    raw.networkInterfaces.flatMap((e) => (e.NetworkInterfaceId ? [e.NetworkInterfaceId] : [])),
  );
  for (const i of raw.instances) {
    if (!i.InstanceId || i.State?.Name === "terminated") continue;
    const tags = tagsOf(i.Tags);
    const id = arn("instance", i.InstanceId);
    const groups = (i.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : []));
    out.add<ResourceOf<"AWS::EC2::Instance">>({
      ...base(id, tags, nameOf(tags), i.SubnetId ? arn("subnet", i.SubnetId) : undefined),
      type: "AWS::EC2::Instance",
      props: {
        instanceId: i.InstanceId,
        instanceType: i.InstanceType,
        imageId: i.ImageId,
        state: i.State?.Name,
        vpcId: orNull(i.VpcId),
        subnetId: orNull(i.SubnetId),
        availabilityZone: i.Placement?.AvailabilityZone || undefined,
        privateIp: orNull(i.PrivateIpAddress),
        publicIp: orNull(i.PublicIpAddress),
        securityGroupIds: groups,
        networkInterfaceIds: (i.NetworkInterfaces ?? []).flatMap((n) =>
          n.NetworkInterfaceId ? [n.NetworkInterfaceId] : [],
        ),
        iamInstanceProfileArn: orNull(i.IamInstanceProfile?.Arn),
        httpTokens: oneOf(i.MetadataOptions?.HttpTokens, ["required", "optional"] as const),
        httpEndpoint: oneOf(i.MetadataOptions?.HttpEndpoint, ["enabled", "disabled"] as const),
      },
    });
    for (const g of groups) out.edge(id, arn("security-group", g), "uses");
    // DescribeInstances carries each interface of the instance in full. Where the ENI listing lacks one (a
    // dump without ec2-describe-network-interfaces, or one that left it out), the instance's own answer
    // places it: its subnet, groups and addresses. Its tags are not in that answer.
    for (const n of i.NetworkInterfaces ?? []) {
      const vpcId = n.VpcId ?? i.VpcId;
      if (!n.NetworkInterfaceId || !n.SubnetId || !vpcId || listedEnis.has(n.NetworkInterfaceId)) continue;
      listedEnis.add(n.NetworkInterfaceId);
      const eniId = arn("network-interface", n.NetworkInterfaceId);
      const eniGroups = (n.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : []));
      out.add<ResourceOf<"AWS::EC2::NetworkInterface">>({
        ...base(eniId, {}, undefined, arn("subnet", n.SubnetId)),
        type: "AWS::EC2::NetworkInterface",
        props: {
          networkInterfaceId: n.NetworkInterfaceId,
          vpcId,
          subnetId: n.SubnetId,
          availabilityZone: i.Placement?.AvailabilityZone || undefined,
          interfaceType: n.InterfaceType ?? "interface",
          description: n.Description ?? "",
          privateIpAddresses: (n.PrivateIpAddresses ?? []).flatMap((p) =>
            p.PrivateIpAddress ? [p.PrivateIpAddress] : [],
          ),
          publicIp: orNull(n.Association?.PublicIp),
          securityGroupIds: eniGroups,
          attachedTo: id,
          requesterManaged: false,
        },
      });
      for (const g of eniGroups) out.edge(eniId, arn("security-group", g), "uses");
      out.edge(eniId, id, "attached");
    }
  }

  for (const pl of raw.prefixLists) {
    if (!pl.PrefixListId) continue;
    const tags = tagsOf(pl.Tags);
    const entries = raw.prefixListEntries[pl.PrefixListId];
    // Keyed in the reading account (AWS-managed lists have the same id in every account).
    out.add<ResourceOf<"AWS::EC2::PrefixList">>({
      ...base(arn("prefix-list", pl.PrefixListId), tags, pl.PrefixListName ?? nameOf(tags)),
      type: "AWS::EC2::PrefixList",
      props: {
        prefixListId: pl.PrefixListId,
        ...(pl.PrefixListName !== undefined ? { prefixListName: pl.PrefixListName } : {}),
        ...(pl.AddressFamily === "IPv4" || pl.AddressFamily === "IPv6"
          ? { addressFamily: pl.AddressFamily }
          : {}),
        ...(pl.OwnerId !== undefined ? { ownerId: pl.OwnerId } : {}),
        ...(entries
          ? {
              entries: entries.flatMap((e) =>
                e.Cidr ? [{ cidr: e.Cidr, description: orNull(e.Description) }] : [],
              ),
            }
          : {}),
      },
    });
  }

  for (const p of raw.peerings) {
    if (!p.VpcPeeringConnectionId || p.Status?.Code === "deleted" || p.Status?.Code === "rejected") continue;
    const tags = tagsOf(p.Tags);
    const id = arn("vpc-peering-connection", p.VpcPeeringConnectionId);
    const side = (v: VpcPeeringConnection["RequesterVpcInfo"]) => ({
      vpcId: v?.VpcId ?? "",
      account: v?.OwnerId ?? account,
      region: v?.Region ?? region,
      cidrBlock: orNull(v?.CidrBlock),
    });
    const requester = side(p.RequesterVpcInfo);
    const accepter = side(p.AccepterVpcInfo);
    out.add<ResourceOf<"AWS::EC2::VPCPeeringConnection">>({
      ...base(id, tags, nameOf(tags)),
      type: "AWS::EC2::VPCPeeringConnection",
      props: {
        vpcPeeringConnectionId: p.VpcPeeringConnectionId,
        status: p.Status?.Code ?? "active",
        requester,
        accepter,
      },
    });
    for (const s of [requester, accepter])
      out.edge(id, ec2Arn(s.region, s.account, "vpc", s.vpcId), "attached");
  }

  for (const e of raw.vpcEndpoints) {
    if (!e.VpcEndpointId || !e.VpcId) continue;
    const tags = tagsOf(e.Tags);
    out.add<ResourceOf<"AWS::EC2::VPCEndpoint">>({
      ...base(arn("vpc-endpoint", e.VpcEndpointId), tags, nameOf(tags), arn("vpc", e.VpcId)),
      type: "AWS::EC2::VPCEndpoint",
      props: {
        vpcEndpointId: e.VpcEndpointId,
        vpcId: e.VpcId,
        serviceName: e.ServiceName ?? "",
        endpointType:
          e.VpcEndpointType === "Gateway"
            ? "Gateway"
            : e.VpcEndpointType === "GatewayLoadBalancer"
              ? "GatewayLoadBalancer"
              : "Interface",
        state: String(e.State ?? "available").toLowerCase(),
        subnetIds: e.SubnetIds ?? [],
        securityGroupIds: (e.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
        routeTableIds: e.RouteTableIds ?? [],
        privateDnsEnabled: e.PrivateDnsEnabled ?? false,
      },
    });
  }

  for (const t of raw.transitGatewayAttachments) {
    // AWS lists deleted attachments for a while: they join no VPC to anything.
    if (!t.TransitGatewayAttachmentId || !t.TransitGatewayId || GONE_ATTACHMENT.has(t.State ?? "")) continue;
    const tags = tagsOf(t.Tags);
    out.add<ResourceOf<"AWS::EC2::TransitGatewayAttachment">>({
      ...base(arn("transit-gateway-attachment", t.TransitGatewayAttachmentId), tags, nameOf(tags)),
      type: "AWS::EC2::TransitGatewayAttachment",
      props: {
        transitGatewayAttachmentId: t.TransitGatewayAttachmentId,
        transitGatewayId: t.TransitGatewayId,
        resourceType: t.ResourceType ?? "",
        resourceId: t.ResourceId ?? "",
        state: t.State ?? "available",
      },
    });
  }

  for (const f of raw.flowLogs) {
    if (!f.FlowLogId || !f.ResourceId) continue;
    const tags = tagsOf(f.Tags);
    const target = f.ResourceId.startsWith("vpc-")
      ? arn("vpc", f.ResourceId)
      : f.ResourceId.startsWith("subnet-")
        ? arn("subnet", f.ResourceId)
        : f.ResourceId.startsWith("eni-")
          ? arn("network-interface", f.ResourceId)
          : undefined;
    const id = arn("vpc-flow-log", f.FlowLogId);
    out.add<ResourceOf<"AWS::EC2::FlowLog">>({
      ...base(id, tags, nameOf(tags), target),
      type: "AWS::EC2::FlowLog",
      props: {
        flowLogId: f.FlowLogId,
        resourceId: f.ResourceId,
        trafficType: f.TrafficType === "ACCEPT" || f.TrafficType === "REJECT" ? f.TrafficType : "ALL",
        logDestinationType: f.LogDestinationType ?? "cloud-watch-logs",
        status: f.FlowLogStatus ?? "ACTIVE",
      },
    });
  }

  for (const v of raw.volumes) {
    if (!v.VolumeId) continue;
    const tags = tagsOf(v.Tags);
    const id = arn("volume", v.VolumeId);
    const attachments = (v.Attachments ?? []).flatMap((a) =>
      a.InstanceId ? [{ instanceId: a.InstanceId, device: a.Device ?? "" }] : [],
    );
    out.add<ResourceOf<"AWS::EC2::Volume">>({
      ...base(id, tags, nameOf(tags)),
      type: "AWS::EC2::Volume",
      props: {
        volumeId: v.VolumeId,
        availabilityZone: v.AvailabilityZone ?? "",
        sizeGiB: v.Size,
        volumeType: v.VolumeType,
        encrypted: v.Encrypted,
        kmsKeyId: orNull(v.KmsKeyId),
        state: v.State ?? "in-use",
        attachments,
      },
    });
    for (const a of attachments) out.edge(id, arn("instance", a.instanceId), "attached");
  }

  return out.result();
}

function routeTarget(
  r: NonNullable<RouteTable["Routes"]>[number],
): { kind: RouteTargetKind; id: string } | undefined {
  const gw = r.GatewayId;
  if (gw === "local") return { kind: "local", id: "local" };
  if (gw?.startsWith("igw-")) return { kind: "internet-gateway", id: gw };
  if (gw?.startsWith("vgw-")) return { kind: "virtual-private-gateway", id: gw };
  if (gw?.startsWith("vpce-")) return { kind: "vpc-endpoint", id: gw };
  if (r.NatGatewayId) return { kind: "nat-gateway", id: r.NatGatewayId };
  if (r.VpcPeeringConnectionId) return { kind: "vpc-peering", id: r.VpcPeeringConnectionId };
  if (r.TransitGatewayId) return { kind: "transit-gateway", id: r.TransitGatewayId };
  if (r.EgressOnlyInternetGatewayId)
    return { kind: "egress-only-internet-gateway", id: r.EgressOnlyInternetGatewayId };
  if (r.InstanceId) return { kind: "instance", id: r.InstanceId };
  if (r.NetworkInterfaceId) return { kind: "network-interface", id: r.NetworkInterfaceId };
  if (r.CarrierGatewayId) return { kind: "carrier-gateway", id: r.CarrierGatewayId };
  if (r.LocalGatewayId) return { kind: "local-gateway", id: r.LocalGatewayId };
  if (r.CoreNetworkArn) return { kind: "core-network", id: r.CoreNetworkArn };
  return undefined;
}

function sgRule(p: IpPermission): SecurityGroupRule {
  // AWS keeps a description per range; the model keeps one per rule: the first one given.
  const descriptions = [
    ...(p.IpRanges ?? []).map((r) => r.Description),
    ...(p.Ipv6Ranges ?? []).map((r) => r.Description),
    ...(p.UserIdGroupPairs ?? []).map((r) => r.Description),
    ...(p.PrefixListIds ?? []).map((r) => r.Description),
  ];
  const all = p.IpProtocol === "-1";
  return {
    protocol: p.IpProtocol ?? "-1",
    fromPort: all ? null : orNull(p.FromPort),
    toPort: all ? null : orNull(p.ToPort),
    ipv4Ranges: (p.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [r.CidrIp] : [])),
    ipv6Ranges: (p.Ipv6Ranges ?? []).flatMap((r) => (r.CidrIpv6 ? [r.CidrIpv6] : [])),
    groupRefs: (p.UserIdGroupPairs ?? []).flatMap((g) =>
      g.GroupId ? [{ groupId: g.GroupId, account: orNull(g.UserId) }] : [],
    ),
    prefixListIds: (p.PrefixListIds ?? []).flatMap((r) => (r.PrefixListId ? [r.PrefixListId] : [])),
    description: descriptions.find((d) => d !== undefined) ?? null,
  };
}
