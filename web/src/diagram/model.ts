import { subnetIdsOf, vpcIdOf } from "../../../src/analysis/subnets.ts";
import { SEVERITIES_WORST_FIRST, SEVERITY_ORDER } from "../../../src/architecture/schema.ts";
import { push } from "../../../src/model/maps.ts";
import type {
  DiagramData,
  DiagramEdge,
  DiagramNode,
  EdgeStyle,
  Finding,
  GroupKind,
  GroupNode,
  LeafNode,
  Resource,
  Severity,
} from "./types.ts";

// Builds the nested-box tree (account > region > VPC > AZ > subnet > resources, global services outside the
// VPCs, the internet as a node) and the edges between drawn nodes. Pure: the browser and the HTML report
// (Node) build the same diagram from the same data.

/** Types drawn as nodes of their own. Everything else is hosted by a drawn node (see hostOf). */
export const DRAWN_TYPES = new Set([
  "AWS::EC2::Instance",
  "AWS::EC2::NatGateway",
  "AWS::EC2::InternetGateway",
  "AWS::EC2::VPCEndpoint",
  "AWS::EC2::VPCPeeringConnection",
  "AWS::EC2::TransitGatewayAttachment",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBCluster",
  "AWS::RDS::DBProxy",
  "AWS::ElastiCache::CacheCluster",
  "AWS::AutoScaling::AutoScalingGroup",
  "AWS::ECS::Cluster",
  "AWS::ECS::Service",
  "AWS::Lambda::Function",
  "AWS::S3::Bucket",
  "AWS::CloudFront::Distribution",
  "AWS::Route53::HostedZone",
  "AWS::WAFv2::WebACL",
  "AWS::CertificateManager::Certificate",
]);

/** Types that are containers (drawn as groups), not leaves. */
const GROUP_TYPES = new Set(["AWS::EC2::VPC", "AWS::EC2::Subnet"]);

/** Types never drawn and never hosted visibly on their own (configuration detail shown in the inspector). */
export const HIDDEN_TYPES = new Set([
  "AWS::EC2::SecurityGroup",
  "AWS::EC2::RouteTable",
  "AWS::EC2::NetworkAcl",
  "AWS::EC2::NetworkInterface",
  "AWS::EC2::Volume",
  "AWS::EC2::EIP",
  "AWS::EC2::FlowLog",
  "AWS::ElasticLoadBalancingV2::Listener",
  "AWS::ElasticLoadBalancingV2::TargetGroup",
  "AWS::ElastiCache::ReplicationGroup",
  "AWS::Route53::RecordSet",
]);

export const SEVERITIES = SEVERITIES_WORST_FIRST;

export function maxSeverity(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (!a) return b;
  if (!b) return a;
  return SEVERITY_ORDER[a] >= SEVERITY_ORDER[b] ? a : b;
}

export const INTERNET_ID = "internet";

/** Short names for types: the label under the icon and the aggregate's noun. */
export function shortType(type: string): string {
  const short: Record<string, string> = {
    "AWS::EC2::Instance": "instance",
    "AWS::EC2::NatGateway": "NAT gateway",
    "AWS::EC2::InternetGateway": "internet gateway",
    "AWS::EC2::VPCEndpoint": "VPC endpoint",
    "AWS::EC2::VPCPeeringConnection": "peering",
    "AWS::EC2::TransitGatewayAttachment": "TGW attachment",
    "AWS::ElasticLoadBalancingV2::LoadBalancer": "load balancer",
    "AWS::RDS::DBInstance": "RDS instance",
    "AWS::RDS::DBCluster": "RDS cluster",
    "AWS::RDS::DBProxy": "RDS proxy",
    "AWS::ElastiCache::CacheCluster": "cache node",
    "AWS::AutoScaling::AutoScalingGroup": "auto scaling group",
    "AWS::ECS::Cluster": "ECS cluster",
    "AWS::ECS::Service": "ECS service",
    "AWS::Lambda::Function": "Lambda function",
    "AWS::S3::Bucket": "S3 bucket",
    "AWS::CloudFront::Distribution": "CloudFront",
    "AWS::Route53::HostedZone": "hosted zone",
    "AWS::WAFv2::WebACL": "web ACL",
    "AWS::CertificateManager::Certificate": "certificate",
  };
  return short[type] ?? type.split("::").slice(1).join(" ");
}

export function plural(n: number, noun: string): string {
  if (n === 1) return `1 ${noun}`;
  return `${n} ${noun.endsWith("s") ? `${noun}es` : noun.endsWith("y") && !noun.endsWith("ay") ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;
}

export interface ViewOptions {
  /** Group ids drawn collapsed. */
  collapsed?: ReadonlySet<string>;
  /** Aggregate ids drawn as their members. */
  expanded?: ReadonlySet<string>;
  /** Only resources whose environment tag has this value (and the groups that hold them). */
  environment?: string;
  /** Only this VPC (by resource id) and the global services. */
  vpc?: string;
  /** Same-type leaves in one box are aggregated from this many on. */
  aggregateFrom?: number;
  /** Findings shown: waived ones are left out unless asked for. */
  includeWaived?: boolean;
}

/** Indexes over the data that do not depend on the view: built once, reused by every rebuild. */
export interface DataIndex {
  data: DiagramData;
  byId: Map<string, Resource>;
  findingsByResource: Map<string, Finding[]>;
  /** For a hidden resource: the resource id that hosts it (an LB for a listener, a VPC for a security group). */
  host: Map<string, string>;
  /** Host resource id → the hidden resources it stands for. */
  hosted: Map<string, string[]>;
  environments: string[];
  environmentTag: string;
  /** Subnet ids whose default route goes to an internet gateway (drawn blue). */
  publicSubnets: ReadonlySet<string>;
  vpcs: Resource[];
}

export function indexData(data: DiagramData): DataIndex {
  const byId = new Map(data.snapshot.resources.map((r) => [r.id, r]));
  const findingsByResource = new Map<string, Finding[]>();
  for (const f of data.report.findings) push(findingsByResource, f.resourceId, f);
  const neighbours = new Map<string, string[]>();
  for (const e of data.snapshot.edges) {
    for (const [a, b] of [
      [e.from, e.to],
      [e.to, e.from],
    ] as const)
      push(neighbours, a, b);
  }
  const host = new Map<string, string>();
  for (const r of data.snapshot.resources) {
    if (!HIDDEN_TYPES.has(r.type)) continue;
    const h = hostOf(r, byId, neighbours);
    if (h) host.set(r.id, h);
  }
  const hosted = new Map<string, string[]>();
  for (const [hidden, h] of host) push(hosted, h, hidden);
  const environmentTag = data.report.view?.environmentTag ?? "Environment";
  const environments = [
    ...new Set(
      data.snapshot.resources.flatMap((r) => (r.tags[environmentTag] ? [r.tags[environmentTag]] : [])),
    ),
  ].sort();
  const vpcs = data.snapshot.resources.filter((r) => r.type === "AWS::EC2::VPC");
  const publicSubnets = new Set(data.report.view?.publicSubnets ?? []);
  return { data, byId, findingsByResource, host, hosted, publicSubnets, environments, environmentTag, vpcs };
}

/** The drawn resource (or VPC/subnet group) that stands for a hidden one. */
function hostOf(
  r: Resource,
  byId: ReadonlyMap<string, Resource>,
  neighbours: ReadonlyMap<string, string[]>,
): string | undefined {
  const drawnOrGroup = (id: string | undefined) => {
    const t = id ? byId.get(id)?.type : undefined;
    return t !== undefined && (DRAWN_TYPES.has(t) || GROUP_TYPES.has(t));
  };
  // A drawn neighbour first (the instance an ENI or volume is attached to, the LB of a target group)…
  const near = (neighbours.get(r.id) ?? []).filter((n) => DRAWN_TYPES.has(byId.get(n)?.type ?? ""));
  const lb = near.find((n) => byId.get(n)?.type === "AWS::ElasticLoadBalancingV2::LoadBalancer");
  if (r.type === "AWS::ElasticLoadBalancingV2::TargetGroup" && lb) return lb;
  // …then the parent chain (a listener's LB, a security group's VPC, a record's zone)…
  let p = r.parent;
  for (let i = 0; p && i < 5; i++) {
    if (drawnOrGroup(p)) return p;
    if (HIDDEN_TYPES.has(byId.get(p)?.type ?? "")) {
      const up = byId.get(p);
      if (!up) break;
      const viaEdge = (neighbours.get(up.id) ?? []).find((n) => DRAWN_TYPES.has(byId.get(n)?.type ?? ""));
      if (viaEdge) return viaEdge;
    }
    p = byId.get(p)?.parent;
  }
  if (near[0]) return near[0];
  return undefined;
}

interface Placement {
  account: string;
  region: string;
  /** VPC resource id. */
  vpc?: string;
  /** Subnet resource id, when the resource sits in exactly one subnet. */
  subnet?: string;
}

export function buildDiagram(
  index: DataIndex,
  opts: ViewOptions = {},
): { root: GroupNode; edges: DiagramEdge[]; nodeOf: Map<string, string>; hiddenCount: number } {
  const { data, byId } = index;
  const collapsed = opts.collapsed ?? new Set<string>();
  const expanded = opts.expanded ?? new Set<string>();
  const aggregateFrom = opts.aggregateFrom ?? 6;
  const findingsOf = (id: string) =>
    (index.findingsByResource.get(id) ?? []).filter((f) => opts.includeWaived || !f.waived);
  const severityOf = (ids: readonly string[]) => {
    let s: Severity | undefined;
    let n = 0;
    for (const id of ids)
      for (const one of [id, ...(index.hosted.get(id) ?? [])])
        for (const f of findingsOf(one)) {
          s = maxSeverity(s, f.severity);
          n++;
        }
    return { severity: s, findings: n };
  };

  /** A leaf not yet laid out, with the findings of what it stands for. */
  const leaf = (
    id: string,
    type: string,
    label: string,
    resourceIds: string[],
    aggregate: boolean,
  ): LeafNode => ({
    kind: "leaf",
    id,
    type,
    label,
    resourceIds,
    aggregate,
    ...severityOf(resourceIds),
    x: 0,
    y: 0,
    w: 0,
    h: 0,
  });

  const subnetBySubnetId = new Map<string, Resource>();
  const vpcByVpcId = new Map<string, Resource>();
  for (const r of data.snapshot.resources) {
    const p = r.props as { subnetId?: unknown; vpcId?: unknown };
    if (r.type === "AWS::EC2::Subnet" && typeof p.subnetId === "string")
      subnetBySubnetId.set(`${r.account}/${p.subnetId}`, r);
    if (r.type === "AWS::EC2::VPC" && typeof p.vpcId === "string")
      vpcByVpcId.set(`${r.account}/${p.vpcId}`, r);
  }
  const placementOf = (r: Resource): Placement => {
    const base = { account: r.account, region: r.region };
    if (r.region === "global") return base;
    if (r.type === "AWS::EC2::VPC") return { ...base, vpc: r.id };
    if (r.type === "AWS::EC2::Subnet") return { ...base, vpc: r.parent, subnet: r.id };
    const subnets = subnetIdsOf(r)
      .map((s) => subnetBySubnetId.get(`${r.account}/${s}`))
      .filter((s): s is Resource => s !== undefined);
    const vpcId = vpcIdOf(r);
    const vpc =
      (vpcId ? vpcByVpcId.get(`${r.account}/${vpcId}`)?.id : undefined) ??
      subnets[0]?.parent ??
      (r.parent && byId.get(r.parent)?.type === "AWS::EC2::VPC" ? r.parent : undefined);
    if (subnets.length === 1 && subnets[0])
      return { ...base, vpc: subnets[0].parent ?? vpc, subnet: subnets[0].id };
    return vpc ? { ...base, vpc } : base;
  };

  const envOf = (r: Resource) => r.tags[index.environmentTag];
  const keep = (r: Resource) => {
    if (opts.environment && envOf(r) !== opts.environment) return false;
    if (opts.vpc && r.region !== "global") {
      const p = placementOf(r);
      if (p.vpc !== opts.vpc) return false;
    }
    return true;
  };

  // --- groups -----------------------------------------------------------------------------------------
  const groups = new Map<string, GroupNode>();
  const group = (
    id: string,
    groupKind: GroupKind,
    label: string,
    parent: GroupNode | undefined,
    extra: Partial<GroupNode> = {},
  ) => {
    let g = groups.get(id);
    if (!g) {
      g = {
        kind: "group",
        id,
        groupKind,
        label,
        children: [],
        collapsed: collapsed.has(id),
        count: 0,
        findings: 0,
        x: 0,
        y: 0,
        w: 0,
        h: 0,
        ...extra,
      };
      groups.set(id, g);
      parent?.children.push(g);
    }
    return g;
  };
  const root = group("root", "root", "", undefined);
  const accountGroup = (account: string) =>
    group(`account:${account}`, "account", `Account ${account}`, root);
  const regionGroup = (account: string, region: string) =>
    region === "global"
      ? group(`global:${account}`, "global", "Global services", accountGroup(account), {
          sublabel: "CloudFront · Route 53 · S3 · WAF",
        })
      : group(`region:${account}:${region}`, "region", region, accountGroup(account));
  const vpcGroup = (vpcId: string) => {
    const v = byId.get(vpcId);
    if (!v) return undefined;
    const cidr = (v.props as { cidrBlock?: string }).cidrBlock;
    return group(vpcId, "vpc", v.name ? `VPC ${v.name}` : "VPC", regionGroup(v.account, v.region), {
      resourceId: vpcId,
      sublabel: [(v.props as { vpcId?: string }).vpcId, cidr].filter(Boolean).join(" · "),
    });
  };
  const subnetGroup = (subnetId: string) => {
    const s = byId.get(subnetId);
    if (!s?.parent) return undefined;
    const vg = vpcGroup(s.parent);
    if (!vg) return undefined;
    const az = (s.props as { availabilityZone?: string }).availabilityZone ?? "?";
    const azg = group(`az:${s.parent}:${az}`, "az", az, vg);
    return group(subnetId, "subnet", s.name ?? (s.props as { subnetId?: string }).subnetId ?? "subnet", azg, {
      resourceId: subnetId,
      sublabel: (s.props as { cidrBlock?: string }).cidrBlock,
    });
  };
  const servicesGroup = (account: string, region: string) =>
    group(`services:${account}:${region}`, "services", "Regional services", regionGroup(account, region), {
      sublabel: "outside any VPC",
    });

  const internet = group("internet-group", "internet", "Internet", root);

  // Draw every VPC and subnet that passes the filters, even when empty: an empty subnet is information.
  let hiddenCount = 0;
  const leavesByGroup = new Map<GroupNode, Resource[]>();
  for (const r of data.snapshot.resources) {
    if (!keep(r)) continue;
    if (r.type === "AWS::EC2::VPC") {
      vpcGroup(r.id);
      continue;
    }
    if (r.type === "AWS::EC2::Subnet") {
      subnetGroup(r.id);
      continue;
    }
    if (HIDDEN_TYPES.has(r.type)) {
      hiddenCount++;
      continue;
    }
    const p = placementOf(r);
    const g =
      (p.subnet ? subnetGroup(p.subnet) : undefined) ??
      (p.vpc ? vpcGroup(p.vpc) : undefined) ??
      (p.region === "global" ? regionGroup(p.account, "global") : servicesGroup(p.account, p.region));
    push(leavesByGroup, g, r);
  }

  // --- leaves, aggregated -----------------------------------------------------------------------------
  const nodeOf = new Map<string, string>();
  for (const [g, rs] of leavesByGroup) {
    const byType = new Map<string, Resource[]>();
    for (const r of rs) push(byType, r.type, r);
    for (const [type, members] of [...byType].sort(
      ([a], [b]) => typeOrder(a) - typeOrder(b) || (a < b ? -1 : 1),
    )) {
      members.sort((a, b) => ((a.name ?? a.id) < (b.name ?? b.id) ? -1 : 1));
      const aggId = `agg:${g.id}:${type}`;
      if (members.length >= aggregateFrom && !expanded.has(aggId)) {
        const ids = members.map((m) => m.id);
        g.children.push(leaf(aggId, type, plural(members.length, shortType(type)), ids, true));
        for (const id of ids) nodeOf.set(id, aggId);
      } else {
        for (const m of members) {
          g.children.push(leaf(m.id, type, m.name ?? shortId(m.id), [m.id], false));
          nodeOf.set(m.id, m.id);
        }
      }
    }
  }
  internet.children.push(leaf(INTERNET_ID, "internet", "Internet", [], false));
  nodeOf.set(INTERNET_ID, INTERNET_ID);

  // Hidden resources: their findings show on the host (a security group's on its VPC).
  for (const [hidden, hostId] of index.host) {
    const target = nodeOf.get(hostId) ?? (groups.has(hostId) ? hostId : undefined);
    if (target && byId.get(hidden) && keep(byId.get(hidden) as Resource)) nodeOf.set(hidden, target);
  }
  for (const [id, g] of groups) if (g.resourceId) nodeOf.set(g.resourceId, id);

  // Sort and prune: empty region/account groups left by filters go; counts and severities roll up.
  const finish = (g: GroupNode): boolean => {
    g.children = g.children.filter((c) => (c.kind === "group" ? finish(c) : true));
    g.children.sort(
      (a, b) => nodeOrder(a) - nodeOrder(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
    );
    let count = 0;
    let sev: Severity | undefined;
    let findings = 0;
    for (const c of g.children) {
      count += c.kind === "group" ? c.count : c.resourceIds.length;
      sev = maxSeverity(sev, c.severity);
      findings += c.findings;
    }
    const o = g.resourceId ? severityOf([g.resourceId]) : { severity: undefined, findings: 0 };
    g.count = count;
    g.severity = maxSeverity(sev, o.severity);
    g.findings = findings + o.findings;
    const keepGroup =
      g.children.length > 0 ||
      g.groupKind === "vpc" ||
      g.groupKind === "subnet" ||
      g.groupKind === "az" ||
      g.groupKind === "root";
    return keepGroup;
  };
  finish(root);
  // Collapsed groups stand for everything inside them.
  const collapse = (g: GroupNode, into: string | undefined) => {
    const target = into ?? (g.collapsed ? g.id : undefined);
    if (target) {
      if (g.resourceId) nodeOf.set(g.resourceId, target);
      for (const c of g.children) {
        if (c.kind === "group") collapse(c, target);
        else for (const id of [...c.resourceIds, c.id]) nodeOf.set(id, target);
      }
    } else for (const c of g.children) if (c.kind === "group") collapse(c, undefined);
  };
  collapse(root, undefined);
  for (const [hidden, hostId] of index.host) {
    const n = nodeOf.get(hostId);
    if (n && nodeOf.has(hidden)) nodeOf.set(hidden, n);
  }

  return { root, edges: buildEdges(index, nodeOf), nodeOf, hiddenCount };
}

const SNAPSHOT_EDGE_STYLES: Partial<Record<string, EdgeStyle>> = {
  targets: "targets",
  aliases: "aliases",
  origin: "origin",
  protects: "protects",
};

function buildEdges(index: DataIndex, nodeOf: ReadonlyMap<string, string>): DiagramEdge[] {
  const out = new Map<string, DiagramEdge>();
  const add = (from: string | undefined, to: string | undefined, style: EdgeStyle, label?: string) => {
    if (!from || !to || from === to) return;
    const id = `${style}\0${from}\0${to}`;
    const prev = out.get(id);
    if (prev) {
      if (label && prev.label !== label) prev.label = mergePorts(prev.label, label);
      return;
    }
    out.set(id, { id, from, to, style, ...(label ? { label } : {}) });
  };
  for (const e of index.data.snapshot.edges) {
    const style = SNAPSHOT_EDGE_STYLES[e.kind];
    if (style) add(nodeOf.get(e.from), nodeOf.get(e.to), style);
  }
  for (const f of index.data.report.view?.flows ?? []) {
    add(nodeOf.get(f.from), nodeOf.get(f.to), `flow-${f.status}`, `tcp/${f.ports}`);
  }
  // An undocumented flow drawn over a documented one between the same nodes wins the eye: keep both.
  return [...out.values()];
}

function mergePorts(a: string | undefined, b: string): string {
  if (!a) return b;
  const ports = new Set([...a.replace(/^tcp\//, "").split(", "), ...b.replace(/^tcp\//, "").split(", ")]);
  return `tcp/${[...ports].join(", ")}`;
}

const TYPE_ORDER = [
  "AWS::EC2::InternetGateway",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::EC2::NatGateway",
  "AWS::AutoScaling::AutoScalingGroup",
  "AWS::EC2::Instance",
  "AWS::ECS::Service",
  "AWS::Lambda::Function",
  "AWS::RDS::DBCluster",
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBProxy",
  "AWS::ElastiCache::CacheCluster",
  "AWS::EC2::VPCEndpoint",
  "AWS::EC2::VPCPeeringConnection",
  "AWS::EC2::TransitGatewayAttachment",
  "AWS::Route53::HostedZone",
  "AWS::CloudFront::Distribution",
  "AWS::WAFv2::WebACL",
  "AWS::S3::Bucket",
];
function typeOrder(t: string): number {
  const i = TYPE_ORDER.indexOf(t);
  return i < 0 ? TYPE_ORDER.length : i;
}
const GROUP_ORDER: Record<GroupKind, number> = {
  internet: 0,
  global: 1,
  account: 2,
  region: 3,
  vpc: 4,
  az: 5,
  subnet: 6,
  services: 7,
  root: 8,
};
function nodeOrder(n: DiagramNode): number {
  // Leaves first (resources spanning AZs sit above the AZ columns), then groups in a fixed order.
  return n.kind === "leaf" ? 0 : 1 + GROUP_ORDER[n.groupKind];
}

/** The readable tail of an ARN or id: "i-0abc…" from "arn:aws:ec2:…:instance/i-0abc…". */
export function shortId(id: string): string {
  const tail = id.split(/[:/]/).filter(Boolean).pop() ?? id;
  return tail.length > 28 ? `${tail.slice(0, 27)}…` : tail;
}

/** Every group id in the tree (for "collapse all"). */
export function groupIds(root: GroupNode, kinds?: ReadonlySet<GroupKind>): string[] {
  const out: string[] = [];
  const walk = (g: GroupNode) => {
    if (!kinds || kinds.has(g.groupKind)) out.push(g.id);
    for (const c of g.children) if (c.kind === "group") walk(c);
  };
  walk(root);
  return out;
}
