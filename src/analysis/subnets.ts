import type { Graph } from "../model/graph.ts";
import type { Route } from "../model/props.ts";
import { asKnown, type Resource, type ResourceOf } from "../model/snapshot.ts";

export type SubnetClass = "public" | "private" | "isolated" | "unknown";

export interface SubnetFacts {
  subnet: ResourceOf<"AWS::EC2::Subnet">;
  /** The explicitly associated route table, else the VPC's main route table; undefined when not known. */
  routeTable: ResourceOf<"AWS::EC2::RouteTable"> | undefined;
  explicitAssociation: boolean;
  /**
   * public: a default route (0.0.0.0/0 or ::/0) to an internet gateway; private: a default route elsewhere
   * (NAT, TGW…); isolated: none; unknown: which route table applies was not recorded (`unknownReason`).
   */
  class: SubnetClass;
  /** The route that decided the class, for evidence. */
  defaultRoute: Route | undefined;
  /** Why the class is unknown: what was not recorded. */
  unknownReason?: string;
}

const DEFAULT_V4 = "0.0.0.0/0";
const DEFAULT_V6 = "::/0";

function isDefault(r: Route): boolean {
  return r.state === "active" && (r.destinationCidr === DEFAULT_V4 || r.destinationIpv6Cidr === DEFAULT_V6);
}

/**
 * Classifies every subnet from its route table, never from its name. O(subnets + route tables).
 * Keyed by the subnet resource id (ARN). A subnet without an explicit association uses its VPC's main
 * table; when no main table is recorded, or some table of the VPC was recorded without its associations
 * (so it may be this subnet's), the subnet's class is unknown, never "isolated".
 */
export function classifySubnets(graph: Graph): Map<string, SubnetFacts> {
  const explicit = new Map<string, ResourceOf<"AWS::EC2::RouteTable">>();
  const mainByVpc = new Map<string, ResourceOf<"AWS::EC2::RouteTable">>();
  const unassociated = new Map<string, ResourceOf<"AWS::EC2::RouteTable">>();
  for (const rt of graph.ofType("AWS::EC2::RouteTable")) {
    const vpc = `${rt.account}/${rt.region}/${rt.props.vpcId}`;
    for (const s of rt.props.subnetIds) explicit.set(`${rt.account}/${rt.region}/${s}`, rt);
    if (rt.props.main === true) mainByVpc.set(vpc, rt);
    else if (rt.props.main === undefined && !unassociated.has(vpc)) unassociated.set(vpc, rt);
  }
  const out = new Map<string, SubnetFacts>();
  for (const subnet of graph.ofType("AWS::EC2::Subnet")) {
    const vpc = `${subnet.account}/${subnet.region}/${subnet.props.vpcId}`;
    const own = explicit.get(`${subnet.account}/${subnet.region}/${subnet.props.subnetId}`);
    const vague = own ? undefined : unassociated.get(vpc);
    // An association record names a table that is not recorded: the main table does not apply.
    const unrecorded = own ? undefined : subnet.props.routeTableId;
    const routeTable = own ?? (vague || unrecorded ? undefined : mainByVpc.get(vpc));
    if (!routeTable) {
      out.set(subnet.id, {
        subnet,
        routeTable: undefined,
        explicitAssociation: false,
        class: "unknown",
        defaultRoute: undefined,
        unknownReason: unrecorded
          ? `the subnet is associated with route table ${unrecorded}, which is not recorded`
          : vague
            ? `route table ${vague.props.routeTableId} of VPC ${subnet.props.vpcId} was recorded without its subnet associations, so which table this subnet uses is not known`
            : `no route table of VPC ${subnet.props.vpcId} is recorded (neither one associated with this subnet nor the VPC's main table)${recordedNote(graph, subnet)}`,
      });
      continue;
    }
    const defaults = routeTable.props.routes.filter(isDefault);
    const viaIgw = defaults.find((r) => r.targetKind === "internet-gateway");
    const other = defaults.find((r) => r.targetKind !== "internet-gateway");
    out.set(subnet.id, {
      subnet,
      routeTable,
      explicitAssociation: own !== undefined,
      class: viaIgw ? "public" : other ? "private" : "isolated",
      defaultRoute: viaIgw ?? other,
    });
  }
  return out;
}

/** What the coverage says about route tables where the subnet is, for the unknown reason. */
function recordedNote(graph: Graph, subnet: Resource): string {
  const gap = graph.recorded.gap(subnet.account, subnet.region, "AWS::EC2::RouteTable");
  return gap ? `: ${gap}` : "";
}

/** Native subnet ids a resource is placed in (instance, ENI, LB, DB, cache, ASG, ECS service, Lambda, NAT). */
export function subnetIdsOf(resource: Resource): string[] {
  const r = asKnown(resource);
  if (!r) return [];
  switch (r.type) {
    case "AWS::EC2::Instance":
      return r.props.subnetId ? [r.props.subnetId] : [];
    case "AWS::EC2::NetworkInterface":
    case "AWS::EC2::NatGateway":
    case "AWS::EFS::MountTarget":
      return [r.props.subnetId];
    case "AWS::ElasticLoadBalancingV2::LoadBalancer":
    case "AWS::RDS::DBInstance":
    case "AWS::RDS::DBCluster":
    case "AWS::RDS::DBProxy":
    case "AWS::ElastiCache::CacheCluster":
    case "AWS::AutoScaling::AutoScalingGroup":
    case "AWS::EC2::VPCEndpoint":
    case "AWS::ElasticLoadBalancing::LoadBalancer":
    case "AWS::Redshift::Cluster":
    case "AWS::EKS::Cluster":
    case "AWS::OpenSearch::Domain":
      return r.props.subnetIds;
    case "AWS::ECS::Service":
      return r.props.networkConfiguration?.subnetIds ?? [];
    case "AWS::Lambda::Function":
      return r.props.vpcConfig?.subnetIds ?? [];
    default:
      return [];
  }
}

/** The VPC id a resource lives in, if any. */
export function vpcIdOf(resource: Resource): string | undefined {
  const r = asKnown(resource);
  if (!r) return undefined;
  if (r.type === "AWS::Lambda::Function") return r.props.vpcConfig?.vpcId;
  const p = r.props as { vpcId?: unknown };
  return typeof p.vpcId === "string" ? p.vpcId : undefined;
}
