import {
  DescribeAddresses$,
  DescribeFlowLogs$,
  DescribeInstances$,
  DescribeInternetGateways$,
  DescribeManagedPrefixLists$,
  DescribeNatGateways$,
  DescribeNetworkAcls$,
  DescribeNetworkInterfaces$,
  DescribeRegions$,
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
  GetManagedPrefixListEntries$,
  type IpPermission,
} from "@aws-sdk/client-ec2";
import type { KnownType, SecurityGroupRule } from "../../../src/model/props.ts";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { OperationHandler, ServiceHandler } from "../types.ts";

// EC2's Describe* answers, built from the snapshot: the inverse of src/collector/ec2.ts, plus what
// AWS adds that the model leaves implicit (each network ACL's final deny rules).

const of = <T extends KnownType>(rs: readonly Resource[], type: T) =>
  rs.filter((r): r is ResourceOf<T> => r.type === type);
const tagList = (tags: Record<string, string>) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const page = (items: string) => ({ items, token: "NextToken", limit: "MaxResults" });
const list = (schema: unknown, items: string, fn: OperationHandler["handle"]): OperationHandler => ({
  schema: schema as OperationSchema,
  paging: page(items),
  handle: fn,
});

/** The region's VPC Block Public Access, where a VPC records it. */
const recordedBpa = (rs: readonly Resource[]) =>
  of(rs, "AWS::EC2::VPC").find((v) => v.props.blockPublicAccess)?.props.blockPublicAccess;

function unsupported(op: string): never {
  throw Object.assign(new Error(`The action ${op} is not valid for this web service.`), {
    code: "InvalidAction",
    status: 400,
  });
}

export const ec2Handler: ServiceHandler = {
  signingName: "ec2",
  protocol: "ec2",
  xmlNamespace: "http://ec2.amazonaws.com/doc/2016-11-15/",
  operations: {
    // The regions "enabled" for an account: those where the snapshot has its resources.
    DescribeRegions: {
      schema: DescribeRegions$ as unknown as OperationSchema,
      handle: ({ snapshot, account }) => {
        const regions = new Set(
          snapshot.resources
            .filter((r) => r.account === account && r.region !== "global")
            .map((r) => r.region),
        );
        if (regions.size === 0) for (const r of snapshot.scope.regions) if (r !== "global") regions.add(r);
        return {
          Regions: [...regions].sort().map((RegionName) => ({
            RegionName,
            Endpoint: `ec2.${RegionName}.amazonaws.com`,
            OptInStatus: "opt-in-not-required",
          })),
        };
      },
    },
    // VPC Block Public Access from the VPCs' props. Where no VPC of the region records it (fixtures that
    // leave it unknown), the API answers as a partition without it does, so the collector keeps it unknown.
    DescribeVpcBlockPublicAccessOptions: {
      schema: DescribeVpcBlockPublicAccessOptions$ as unknown as OperationSchema,
      handle: ({ resources, account, region }) => {
        const bpa = recordedBpa(resources);
        if (!bpa) unsupported("DescribeVpcBlockPublicAccessOptions");
        return {
          VpcBlockPublicAccessOptions: {
            AwsAccountId: account,
            AwsRegion: region,
            State: bpa.mode === "off" ? "default-state" : "update-complete",
            InternetGatewayBlockMode: bpa.mode,
            ExclusionsAllowed: "allowed",
            ManagedBy: "account",
          },
        };
      },
    },
    DescribeVpcBlockPublicAccessExclusions: list(
      DescribeVpcBlockPublicAccessExclusions$,
      "VpcBlockPublicAccessExclusions",
      ({ resources, account, region }) => {
        if (!recordedBpa(resources)) unsupported("DescribeVpcBlockPublicAccessExclusions");
        const exclusion = (kind: "vpc" | "subnet", id: string, mode: string) => ({
          ExclusionId: `exclusion-${id.split("-").pop()}`,
          InternetGatewayExclusionMode: mode,
          ResourceArn: `arn:aws:ec2:${region}:${account}:${kind}/${id}`,
          State: "create-complete",
        });
        return {
          VpcBlockPublicAccessExclusions: of(resources, "AWS::EC2::VPC").flatMap((v) => {
            const b = v.props.blockPublicAccess;
            if (!b) return [];
            return [
              ...(b.exclusion ? [exclusion("vpc", v.props.vpcId, b.exclusion)] : []),
              ...Object.entries(b.subnetExclusions).map(([s, m]) => exclusion("subnet", s, m)),
            ];
          }),
        };
      },
    ),
    DescribeVpcs: list(DescribeVpcs$, "Vpcs", ({ resources, account }) => ({
      Vpcs: of(resources, "AWS::EC2::VPC").map((v) => ({
        VpcId: v.props.vpcId,
        OwnerId: account,
        CidrBlock: v.props.cidrBlock,
        IsDefault: v.props.isDefault,
        State: "available",
        Ipv6CidrBlockAssociationSet: v.props.ipv6CidrBlocks.map((c) => ({ Ipv6CidrBlock: c })),
        ...(v.props.cidrBlocks
          ? {
              CidrBlockAssociationSet: v.props.cidrBlocks.map((c) => ({
                CidrBlock: c,
                CidrBlockState: { State: "associated" },
              })),
            }
          : {}),
        Tags: tagList(v.tags),
      })),
    })),
    DescribeSubnets: list(DescribeSubnets$, "Subnets", ({ resources }) => ({
      Subnets: of(resources, "AWS::EC2::Subnet").map((s) => ({
        SubnetId: s.props.subnetId,
        VpcId: s.props.vpcId,
        CidrBlock: s.props.cidrBlock,
        AvailabilityZone: s.props.availabilityZone,
        MapPublicIpOnLaunch: s.props.mapPublicIpOnLaunch,
        Ipv6CidrBlockAssociationSet: s.props.ipv6CidrBlock ? [{ Ipv6CidrBlock: s.props.ipv6CidrBlock }] : [],
        Tags: tagList(s.tags),
      })),
    })),
    DescribeRouteTables: list(DescribeRouteTables$, "RouteTables", ({ resources }) => ({
      RouteTables: of(resources, "AWS::EC2::RouteTable").map((rt) => ({
        RouteTableId: rt.props.routeTableId,
        VpcId: rt.props.vpcId,
        Associations: [
          ...(rt.props.main ? [{ Main: true, RouteTableId: rt.props.routeTableId }] : []),
          ...rt.props.subnetIds.map((s) => ({
            Main: false,
            SubnetId: s,
            RouteTableId: rt.props.routeTableId,
          })),
        ],
        Routes: rt.props.routes.map((r) => ({
          DestinationCidrBlock: r.destinationCidr ?? undefined,
          DestinationIpv6CidrBlock: r.destinationIpv6Cidr ?? undefined,
          DestinationPrefixListId: r.destinationPrefixListId ?? undefined,
          State: r.state,
          ...routeTarget(r.targetKind, r.targetId),
        })),
        Tags: tagList(rt.tags),
      })),
    })),
    DescribeInternetGateways: list(DescribeInternetGateways$, "InternetGateways", ({ resources }) => ({
      InternetGateways: of(resources, "AWS::EC2::InternetGateway").map((g) => ({
        InternetGatewayId: g.props.internetGatewayId,
        Attachments: g.props.vpcIds.map((VpcId) => ({ VpcId, State: "available" })),
        Tags: tagList(g.tags),
      })),
    })),
    DescribeNatGateways: list(DescribeNatGateways$, "NatGateways", ({ resources }) => ({
      NatGateways: of(resources, "AWS::EC2::NatGateway").map((n) => ({
        NatGatewayId: n.props.natGatewayId,
        VpcId: n.props.vpcId,
        SubnetId: n.props.subnetId,
        ConnectivityType: n.props.connectivityType,
        State: n.props.state,
        NatGatewayAddresses: n.props.networkInterfaceIds.map((NetworkInterfaceId, i) => ({
          NetworkInterfaceId,
          PublicIp: n.props.publicIps[i],
        })),
        Tags: tagList(n.tags),
      })),
    })),
    // DescribeAddresses is not paginated: one answer with every address.
    DescribeAddresses: {
      schema: DescribeAddresses$ as unknown as OperationSchema,
      handle: ({ resources }) => ({
        Addresses: of(resources, "AWS::EC2::EIP").map((a) => ({
          AllocationId: a.props.allocationId,
          PublicIp: a.props.publicIp,
          AssociationId: a.props.associationId ?? undefined,
          InstanceId: a.props.instanceId ?? undefined,
          NetworkInterfaceId: a.props.networkInterfaceId ?? undefined,
          Domain: a.props.domain,
          Tags: tagList(a.tags),
        })),
      }),
    },
    DescribeSecurityGroups: list(DescribeSecurityGroups$, "SecurityGroups", ({ resources, account }) => ({
      SecurityGroups: of(resources, "AWS::EC2::SecurityGroup").map((g) => ({
        GroupId: g.props.groupId,
        GroupName: g.props.groupName,
        Description: g.props.description,
        VpcId: g.props.vpcId,
        OwnerId: account,
        IpPermissions: g.props.ingress?.map(permission),
        IpPermissionsEgress: g.props.egress?.map(permission),
        Tags: tagList(g.tags),
      })),
    })),
    DescribeNetworkAcls: list(DescribeNetworkAcls$, "NetworkAcls", ({ resources }) => ({
      NetworkAcls: of(resources, "AWS::EC2::NetworkAcl").map((acl) => ({
        NetworkAclId: acl.props.networkAclId,
        VpcId: acl.props.vpcId,
        IsDefault: acl.props.isDefault,
        Associations: acl.props.subnetIds.map((SubnetId) => ({
          SubnetId,
          NetworkAclId: acl.props.networkAclId,
        })),
        Entries: [
          ...(acl.props.entries ?? []).map((e) => ({
            RuleNumber: e.ruleNumber,
            Egress: e.egress,
            Protocol: e.protocol,
            RuleAction: e.ruleAction,
            CidrBlock: e.cidrBlock ?? undefined,
            Ipv6CidrBlock: e.ipv6CidrBlock ?? undefined,
            ...(e.protocol === "1"
              ? e.fromPort !== null
                ? { IcmpTypeCode: { Type: e.fromPort, Code: e.toPort ?? -1 } }
                : {}
              : {
                  PortRange:
                    e.fromPort !== null || e.toPort !== null
                      ? { From: e.fromPort ?? undefined, To: e.toPort ?? undefined }
                      : undefined,
                }),
          })),
          // The final deny of every ACL, which AWS lists as rule 32767.
          { RuleNumber: 32767, Egress: false, Protocol: "-1", RuleAction: "deny", CidrBlock: "0.0.0.0/0" },
          { RuleNumber: 32767, Egress: true, Protocol: "-1", RuleAction: "deny", CidrBlock: "0.0.0.0/0" },
        ],
        Tags: tagList(acl.tags),
      })),
    })),
    DescribeNetworkInterfaces: list(DescribeNetworkInterfaces$, "NetworkInterfaces", ({ resources }) => ({
      NetworkInterfaces: of(resources, "AWS::EC2::NetworkInterface").map((n) => {
        const instanceId = n.props.attachedTo?.includes(":instance/")
          ? n.props.attachedTo.split("/").pop()
          : undefined;
        return {
          NetworkInterfaceId: n.props.networkInterfaceId,
          VpcId: n.props.vpcId,
          SubnetId: n.props.subnetId,
          AvailabilityZone: n.props.availabilityZone,
          InterfaceType: n.props.interfaceType,
          Description: n.props.description,
          PrivateIpAddress: n.props.privateIpAddresses[0],
          PrivateIpAddresses: n.props.privateIpAddresses.map((PrivateIpAddress, i) => ({
            PrivateIpAddress,
            Primary: i === 0,
          })),
          Association: n.props.publicIp ? { PublicIp: n.props.publicIp } : undefined,
          Groups: n.props.securityGroupIds.map((GroupId) => ({ GroupId })),
          Attachment: instanceId ? { InstanceId: instanceId, DeviceIndex: 0, Status: "attached" } : undefined,
          RequesterManaged: n.props.requesterManaged,
          Status: "in-use",
          TagSet: tagList(n.tags),
        };
      }),
    })),
    DescribeInstances: list(DescribeInstances$, "Reservations", ({ resources, account }) => {
      const enis = new Map(
        of(resources, "AWS::EC2::NetworkInterface").map((n) => [
          `${n.account}/${n.region}/${n.props.networkInterfaceId}`,
          n,
        ]),
      );
      return {
        // One reservation per instance keeps paging by instance.
        Reservations: of(resources, "AWS::EC2::Instance").map((i) => ({
          ReservationId: `r-${i.props.instanceId.slice(2)}`,
          OwnerId: account,
          Instances: [
            {
              InstanceId: i.props.instanceId,
              InstanceType: i.props.instanceType,
              ImageId: i.props.imageId,
              State: { Name: i.props.state },
              VpcId: i.props.vpcId ?? undefined,
              SubnetId: i.props.subnetId ?? undefined,
              Placement: { AvailabilityZone: i.props.availabilityZone },
              PrivateIpAddress: i.props.privateIp ?? undefined,
              PublicIpAddress: i.props.publicIp ?? undefined,
              SecurityGroups: i.props.securityGroupIds.map((GroupId) => ({ GroupId })),
              // Each interface in full, as EC2 answers (and CloudMapper's collect records it): an instance's
              // network presence is in its own answer, whether or not the ENI listing has the interface.
              NetworkInterfaces: i.props.networkInterfaceIds.map((NetworkInterfaceId, DeviceIndex) => {
                const n = enis.get(`${i.account}/${i.region}/${NetworkInterfaceId}`);
                if (!n) return { NetworkInterfaceId };
                return {
                  NetworkInterfaceId,
                  VpcId: n.props.vpcId,
                  SubnetId: n.props.subnetId,
                  OwnerId: account,
                  InterfaceType: n.props.interfaceType,
                  Description: n.props.description,
                  Status: "in-use",
                  SourceDestCheck: true,
                  PrivateIpAddress: n.props.privateIpAddresses[0],
                  PrivateIpAddresses: n.props.privateIpAddresses.map((PrivateIpAddress, k) => ({
                    PrivateIpAddress,
                    Primary: k === 0,
                    ...(k === 0 && n.props.publicIp
                      ? { Association: { PublicIp: n.props.publicIp, IpOwnerId: "amazon" } }
                      : {}),
                  })),
                  Association: n.props.publicIp
                    ? { PublicIp: n.props.publicIp, IpOwnerId: "amazon" }
                    : undefined,
                  Groups: n.props.securityGroupIds.map((GroupId) => ({ GroupId })),
                  Attachment: {
                    AttachmentId: `eni-attach-${NetworkInterfaceId.slice(4)}`,
                    DeviceIndex,
                    Status: "attached",
                    DeleteOnTermination: true,
                  },
                  Ipv6Addresses: [],
                };
              }),
              IamInstanceProfile: i.props.iamInstanceProfileArn
                ? { Arn: i.props.iamInstanceProfileArn }
                : undefined,
              MetadataOptions: { HttpTokens: i.props.httpTokens, HttpEndpoint: i.props.httpEndpoint },
              Tags: tagList(i.tags),
            },
          ],
        })),
      };
    }),
    DescribeVpcPeeringConnections: list(
      DescribeVpcPeeringConnections$,
      "VpcPeeringConnections",
      ({ resources }) => ({
        VpcPeeringConnections: of(resources, "AWS::EC2::VPCPeeringConnection").map((p) => {
          const side = (s: typeof p.props.requester) => ({
            VpcId: s.vpcId,
            OwnerId: s.account,
            Region: s.region,
            CidrBlock: s.cidrBlock ?? undefined,
          });
          return {
            VpcPeeringConnectionId: p.props.vpcPeeringConnectionId,
            Status: { Code: p.props.status },
            RequesterVpcInfo: side(p.props.requester),
            AccepterVpcInfo: side(p.props.accepter),
            Tags: tagList(p.tags),
          };
        }),
      }),
    ),
    DescribeVpcEndpoints: list(DescribeVpcEndpoints$, "VpcEndpoints", ({ resources }) => ({
      VpcEndpoints: of(resources, "AWS::EC2::VPCEndpoint").map((e) => ({
        VpcEndpointId: e.props.vpcEndpointId,
        VpcId: e.props.vpcId,
        ServiceName: e.props.serviceName,
        VpcEndpointType: e.props.endpointType,
        State: e.props.state,
        SubnetIds: e.props.subnetIds,
        Groups: e.props.securityGroupIds.map((GroupId) => ({ GroupId })),
        RouteTableIds: e.props.routeTableIds,
        PrivateDnsEnabled: e.props.privateDnsEnabled,
        Tags: tagList(e.tags),
      })),
    })),
    DescribeFlowLogs: list(DescribeFlowLogs$, "FlowLogs", ({ resources }) => ({
      FlowLogs: of(resources, "AWS::EC2::FlowLog").map((f) => ({
        FlowLogId: f.props.flowLogId,
        ResourceId: f.props.resourceId,
        TrafficType: f.props.trafficType,
        LogDestinationType: f.props.logDestinationType,
        FlowLogStatus: f.props.status,
        Tags: tagList(f.tags),
      })),
    })),
    DescribeVolumes: list(DescribeVolumes$, "Volumes", ({ resources }) => ({
      Volumes: of(resources, "AWS::EC2::Volume").map((v) => ({
        VolumeId: v.props.volumeId,
        AvailabilityZone: v.props.availabilityZone,
        Size: v.props.sizeGiB,
        VolumeType: v.props.volumeType,
        Encrypted: v.props.encrypted,
        KmsKeyId: v.props.kmsKeyId ?? undefined,
        State: v.props.state,
        Attachments: v.props.attachments.map((a) => ({
          InstanceId: a.instanceId,
          Device: a.device,
          State: "attached",
        })),
        Tags: tagList(v.tags),
      })),
    })),
    DescribeManagedPrefixLists: list(DescribeManagedPrefixLists$, "PrefixLists", ({ resources }) => ({
      PrefixLists: of(resources, "AWS::EC2::PrefixList").map((pl) => ({
        PrefixListId: pl.props.prefixListId,
        PrefixListName: pl.props.prefixListName,
        AddressFamily: pl.props.addressFamily,
        OwnerId: pl.props.ownerId,
        State: "create-complete",
        Tags: tagList(pl.tags),
      })),
    })),
    // A list recorded without entries answers as AWS does when they cannot be read: access denied.
    GetManagedPrefixListEntries: list(GetManagedPrefixListEntries$, "Entries", ({ resources, params }) => {
      const pl = of(resources, "AWS::EC2::PrefixList").find(
        (p) => p.props.prefixListId === params.PrefixListId,
      );
      if (!pl?.props.entries)
        throw Object.assign(new Error("not readable"), { code: "UnauthorizedOperation", status: 403 });
      return {
        Entries: pl.props.entries.map((e) => ({ Cidr: e.cidr, Description: e.description ?? undefined })),
      };
    }),
    DescribeTransitGatewayAttachments: list(
      DescribeTransitGatewayAttachments$,
      "TransitGatewayAttachments",
      ({ resources }) => ({
        TransitGatewayAttachments: of(resources, "AWS::EC2::TransitGatewayAttachment").map((t) => ({
          TransitGatewayAttachmentId: t.props.transitGatewayAttachmentId,
          TransitGatewayId: t.props.transitGatewayId,
          ResourceType: t.props.resourceType,
          ResourceId: t.props.resourceId,
          State: t.props.state,
          Tags: tagList(t.tags),
        })),
      }),
    ),
  },
};

function routeTarget(kind: string, id: string): Record<string, string> {
  switch (kind) {
    case "local":
    case "internet-gateway":
    case "virtual-private-gateway":
    case "vpc-endpoint":
      return { GatewayId: id };
    case "nat-gateway":
      return { NatGatewayId: id };
    case "vpc-peering":
      return { VpcPeeringConnectionId: id };
    case "transit-gateway":
      return { TransitGatewayId: id };
    case "egress-only-internet-gateway":
      return { EgressOnlyInternetGatewayId: id };
    case "instance":
      return { InstanceId: id };
    case "network-interface":
      return { NetworkInterfaceId: id };
    case "carrier-gateway":
      return { CarrierGatewayId: id };
    case "local-gateway":
      return { LocalGatewayId: id };
    default:
      return { CoreNetworkArn: id };
  }
}

function permission(r: SecurityGroupRule): IpPermission {
  const Description = r.description ?? undefined;
  return {
    IpProtocol: r.protocol,
    FromPort: r.fromPort ?? undefined,
    ToPort: r.toPort ?? undefined,
    IpRanges: r.ipv4Ranges.map((CidrIp) => ({ CidrIp, Description })),
    Ipv6Ranges: r.ipv6Ranges.map((CidrIpv6) => ({ CidrIpv6, Description })),
    UserIdGroupPairs: r.groupRefs.map((g) => ({
      GroupId: g.groupId,
      UserId: g.account ?? undefined,
      Description,
    })),
    PrefixListIds: r.prefixListIds.map((PrefixListId) => ({ PrefixListId, Description })),
  };
}
