import { subnetIdsOf, vpcIdOf } from "../../../src/analysis/subnets.ts";
import { SEVERITIES_WORST_FIRST, SEVERITY_ORDER } from "../../../src/architecture/schema.ts";
import { push } from "../../../src/model/maps.ts";
import { iconOf, KINDS, shortType } from "./kinds.ts";
import { NAME_CHAR_W, wrapName } from "./labels.ts";
import { LEAF_W, NAME_X } from "./layout.ts";
import type {
  Change,
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

export { shortType };

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
  "AWS::ElasticLoadBalancing::LoadBalancer",
  "AWS::EFS::MountTarget",
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
const GROUP_TYPES = new Set(["AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::AutoScaling::AutoScalingGroup"]);

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
  /** One page of the printed report: one VPC alone (without its account and region boxes), or everything outside VPCs. */
  part?: { vpc: string } | "outside-vpcs";
  /** Same-type leaves in one box are aggregated from this many on. */
  aggregateFrom?: number;
  /** Findings shown: waived ones are left out unless asked for. */
  includeWaived?: boolean;
  /** With a comparison: only what was added, removed or changed (and the boxes that hold it). */
  changesOnly?: boolean;
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
  /** Subnet id → class from its route table (public, private, isolated; anything else or missing: unknown). */
  subnetClass: (subnetId: string) => string;
  vpcs: Resource[];
  /** With a comparison (the findings JSON's view.diff): what changed about a resource since the old snapshot. */
  change: (resourceId: string) => Change | undefined;
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
  const classes = data.report.view?.subnetClasses ?? {};
  // One place decides what is drawn as unknown: a class the diagram does not know, or none recorded.
  const subnetClass = (id: string) => {
    const c = classes[id];
    return c === "public" || c === "private" || c === "isolated" ? c : "unknown";
  };
  const diff = data.report.view?.diff;
  const changes = new Map<string, Change>();
  for (const id of diff?.added ?? []) changes.set(id, "added");
  for (const id of diff?.removed ?? []) changes.set(id, "removed");
  for (const id of Object.keys(diff?.changed ?? {})) changes.set(id, "changed");
  const change = (id: string) => changes.get(id);
  return {
    data,
    byId,
    findingsByResource,
    host,
    hosted,
    subnetClass,
    environments,
    environmentTag,
    vpcs,
    change,
  };
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
  if (r.type === "AWS::ElasticLoadBalancingV2::TargetGroup") {
    // A target group belongs to its load balancer (not its VPC, nor the first instance it targets).
    const arns = (r.props as { loadBalancerArns?: unknown }).loadBalancerArns;
    const lb = Array.isArray(arns)
      ? arns.find((a): a is string => typeof a === "string" && byId.has(a))
      : undefined;
    if (lb) return lb;
  }
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
  /** Subnet resource ids the resource is drawn over (one, several for what spans subnets, or none). */
  subnets: string[];
}

export interface BuiltDiagram {
  root: GroupNode;
  edges: DiagramEdge[];
  /** Resource id → the id of the node that draws it (itself, an aggregate, a collapsed group or a host). */
  nodeOf: Map<string, string>;
  /** Resources matching the filters but not drawn as their own node (security groups, listeners…). */
  hiddenCount: number;
}

/** Characters per line of a card's name (cards are LEAF_W wide, the name starts after the icon). */
const NAME_CHARS = Math.floor((LEAF_W - NAME_X - 10) / NAME_CHAR_W);

export function buildDiagram(index: DataIndex, opts: ViewOptions = {}): BuiltDiagram {
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

  /** What changed about what a node stands for: a resource, or what it hosts (a VPC's security groups). */
  const changeOf = (ids: readonly string[]): Change | undefined => {
    const seen = new Set<Change | undefined>();
    for (const id of ids) {
      const own = index.change(id);
      seen.add(own ?? ((index.hosted.get(id) ?? []).some((h) => index.change(h)) ? "changed" : undefined));
    }
    if (seen.size === 1) return [...seen][0];
    return [...seen].some(Boolean) ? "changed" : undefined;
  };

  /** A leaf not yet laid out, with the findings of what it stands for. */
  const leaf = (
    id: string,
    type: string,
    label: string,
    resourceIds: string[],
    aggregate: boolean,
    extra: { subnets: string[]; sub?: string; role?: LeafNode["role"]; props?: unknown },
  ): LeafNode => ({
    kind: "leaf",
    id,
    type,
    label,
    lines: wrapName(label, NAME_CHARS),
    sub: extra.sub ?? (aggregate ? `${shortType(type)} · click to list` : shortType(type)),
    icon: iconOf(type, extra.props),
    subnets: extra.subnets,
    ...(extra.role ? { role: extra.role } : {}),
    resourceIds,
    aggregate,
    ...((c) => (c ? { change: c } : {}))(changeOf(resourceIds)),
    ...(extra.role === "standby" ? { findings: 0 } : severityOf(resourceIds)),
    x: 0,
    y: 0,
    w: 0,
    h: 0,
  });

  const subnetBySubnetId = new Map<string, Resource>();
  const vpcByVpcId = new Map<string, Resource>();
  const instanceByInstanceId = new Map<string, Resource>();
  for (const r of data.snapshot.resources) {
    const p = r.props as { subnetId?: unknown; vpcId?: unknown; instanceId?: unknown };
    if (r.type === "AWS::EC2::Subnet" && typeof p.subnetId === "string")
      subnetBySubnetId.set(`${r.account}/${p.subnetId}`, r);
    if (r.type === "AWS::EC2::VPC" && typeof p.vpcId === "string")
      vpcByVpcId.set(`${r.account}/${p.vpcId}`, r);
    if (r.type === "AWS::EC2::Instance" && typeof p.instanceId === "string")
      instanceByInstanceId.set(`${r.account}/${p.instanceId}`, r);
  }
  const azOfSubnet = (s: Resource) => (s.props as { availabilityZone?: string }).availabilityZone;
  /** Instance resource id → the Auto Scaling group that runs it. */
  const asgOf = new Map<string, Resource>();
  for (const r of data.snapshot.resources) {
    if (r.type !== "AWS::AutoScaling::AutoScalingGroup") continue;
    const ids = (r.props as { instanceIds?: unknown }).instanceIds;
    for (const i of Array.isArray(ids) ? ids : []) {
      const inst = typeof i === "string" ? instanceByInstanceId.get(`${r.account}/${i}`) : undefined;
      if (inst) asgOf.set(inst.id, r);
    }
  }

  const placementOf = (r: Resource): Placement => {
    const base = { account: r.account, region: r.region, subnets: [] as string[] };
    if (r.region === "global") return base;
    if (r.type === "AWS::EC2::VPC") return { ...base, vpc: r.id };
    if (r.type === "AWS::EC2::Subnet")
      return { ...base, ...(r.parent ? { vpc: r.parent } : {}), subnets: [r.id] };
    let subnets = subnetIdsOf(r)
      .map((s) => subnetBySubnetId.get(`${r.account}/${s}`))
      .filter((s): s is Resource => s !== undefined);
    if (KINDS[r.type]?.placement === "subnet-by-az" && subnets.length > 1) {
      // A database or cache node lives in one AZ of its subnet group: drawn in that AZ's subnet.
      const p = r.props as { availabilityZone?: unknown; preferredAvailabilityZone?: unknown };
      const az = typeof p.availabilityZone === "string" ? p.availabilityZone : p.preferredAvailabilityZone;
      const inAz = subnets.filter((s) => azOfSubnet(s) === az);
      if (inAz.length === 1) subnets = inAz;
    }
    const vpcId = vpcIdOf(r);
    const igwVpc = (r.props as { vpcIds?: unknown }).vpcIds;
    const vpc =
      (vpcId ? vpcByVpcId.get(`${r.account}/${vpcId}`)?.id : undefined) ??
      subnets[0]?.parent ??
      (Array.isArray(igwVpc) && typeof igwVpc[0] === "string"
        ? vpcByVpcId.get(`${r.account}/${igwVpc[0]}`)?.id
        : undefined) ??
      (r.parent && byId.get(r.parent)?.type === "AWS::EC2::VPC" ? r.parent : undefined);
    return vpc ? { ...base, vpc, subnets: subnets.map((s) => s.id) } : base;
  };

  const envOf = (r: Resource) => r.tags[index.environmentTag];
  const keep = (r: Resource) => {
    if (opts.changesOnly && !changeOf([r.id])) return false;
    if (opts.environment && envOf(r) !== opts.environment) return false;
    if (opts.part) {
      const v = placementOf(r).vpc;
      if (opts.part === "outside-vpcs" ? v !== undefined : v !== opts.part.vpc) return false;
    }
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
    group(`account:${account}`, "account", `AWS account ${account}`, root);
  const regionGroup = (account: string, region: string) =>
    region === "global"
      ? group(`global:${account}`, "global", "Global services", accountGroup(account), {
          sublabel: "CloudFront · Route 53 · S3 · WAF",
        })
      : group(`region:${account}:${region}`, "region", region, accountGroup(account));
  // A report page of one VPC says its account and region in its heading: the VPC is drawn without them.
  const alone = typeof opts.part === "object";
  const vpcGroup = (vpcId: string) => {
    const v = byId.get(vpcId);
    if (!v) return undefined;
    const cidr = (v.props as { cidrBlock?: string }).cidrBlock;
    return group(
      vpcId,
      "vpc",
      v.name ? `VPC ${v.name}` : "VPC",
      alone ? root : regionGroup(v.account, v.region),
      {
        resourceId: vpcId,
        sublabel: [(v.props as { vpcId?: string }).vpcId, cidr].filter(Boolean).join(" · "),
      },
    );
  };
  const subnetGroup = (subnetId: string) => {
    const s = byId.get(subnetId);
    if (!s?.parent) return undefined;
    const vg = vpcGroup(s.parent);
    if (!vg) return undefined;
    const az = azOfSubnet(s) ?? "AZ not recorded";
    const azg = group(`az:${s.parent}:${az}`, "az", az, vg);
    const cls = index.subnetClass(subnetId);
    const name = s.name ?? (s.props as { subnetId?: string }).subnetId ?? "subnet";
    const short = withoutVpcWords(name, byId.get(s.parent)?.name);
    return group(subnetId, "subnet", name, azg, {
      resourceId: subnetId,
      subnetClass: cls,
      ...(short !== name ? { shortLabel: short } : {}),
      sublabel: [
        (s.props as { cidrBlock?: string }).cidrBlock,
        cls === "unknown" ? "route table not recorded" : cls,
      ]
        .filter(Boolean)
        .join(" · "),
    });
  };
  const asgGroup = (asg: Resource, vpc: GroupNode, subnets: string[]) =>
    group(asg.id, "asg", asg.name ?? shortId(asg.id), vpc, {
      resourceId: asg.id,
      subnets,
      sublabel: asgSummary(asg),
    });
  const servicesGroup = (account: string, region: string) =>
    group(`services:${account}:${region}`, "services", "Regional services", regionGroup(account, region), {
      sublabel: "outside any VPC",
    });

  // Draw every VPC and subnet that passes the filters, even when empty: an empty subnet is information.
  let hiddenCount = 0;
  const leavesByGroup = new Map<GroupNode, Resource[]>();
  const placed = new Map<string, Placement>();
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
    placed.set(r.id, p);
    const vg = p.vpc ? vpcGroup(p.vpc) : undefined;
    if (r.type === "AWS::AutoScaling::AutoScalingGroup" && vg) {
      for (const s of p.subnets) subnetGroup(s);
      asgGroup(r, vg, p.subnets);
      continue;
    }
    const asg = asgOf.get(r.id);
    const asgPlacement = asg && keep(asg) ? placementOf(asg) : undefined;
    const g =
      (asg && asgPlacement?.vpc && asgPlacement.vpc === p.vpc && vg
        ? asgGroup(asg, vg, asgPlacement.subnets)
        : undefined) ??
      (p.subnets.length === 1 && p.subnets[0] && KINDS[r.type]?.placement !== "border"
        ? subnetGroup(p.subnets[0])
        : undefined) ??
      vg ??
      (p.region === "global" ? regionGroup(p.account, "global") : servicesGroup(p.account, p.region));
    for (const s of p.subnets) subnetGroup(s);
    push(leavesByGroup, g, r);
  }

  // --- leaves, aggregated -----------------------------------------------------------------------------
  const nodeOf = new Map<string, string>();
  const azOf = (r: Resource) => {
    const s = placed.get(r.id)?.subnets;
    const sub = s?.length === 1 && s[0] ? byId.get(s[0]) : undefined;
    return sub ? azOfSubnet(sub) : undefined;
  };
  for (const [g, rs] of leavesByGroup) {
    // In an Auto Scaling group, similar instances are aggregated per subnet (its AZ column); elsewhere per box.
    const byType = new Map<string, Resource[]>();
    for (const r of rs)
      push(byType, g.groupKind === "asg" ? `${r.type}\0${placed.get(r.id)?.subnets[0] ?? ""}` : r.type, r);
    for (const [key, members] of [...byType].sort(
      ([a], [b]) => typeOrder(a.split("\0")[0] ?? a) - typeOrder(b.split("\0")[0] ?? b) || (a < b ? -1 : 1),
    )) {
      const type = key.split("\0")[0] ?? key;
      members.sort((a, b) => ((a.name ?? a.id) < (b.name ?? b.id) ? -1 : 1));
      const aggId = `agg:${g.id}:${key.replace("\0", ":")}`;
      const border = KINDS[type]?.placement === "border" && g.groupKind === "vpc";
      if (members.length >= aggregateFrom && !expanded.has(aggId) && !border) {
        const ids = members.map((m) => m.id);
        const subnets = [...new Set(members.flatMap((m) => placed.get(m.id)?.subnets ?? []))];
        g.children.push(leaf(aggId, type, plural(members.length, shortType(type)), ids, true, { subnets }));
        for (const id of ids) nodeOf.set(id, aggId);
      } else {
        for (const m of members) {
          const subnets = placed.get(m.id)?.subnets ?? [];
          g.children.push(
            leaf(m.id, type, m.name ?? shortId(m.id), [m.id], false, {
              subnets,
              props: m.props,
              ...(border ? { role: "border" as const } : {}),
              ...(m.type === "AWS::RDS::DBInstance" ? { sub: dbSub(m) } : {}),
            }),
          );
          nodeOf.set(m.id, m.id);
          const standby = standbyOf(m, subnets, byId, subnetBySubnetId);
          if (standby) {
            const sg = subnetGroup(standby);
            sg?.children.push(
              leaf(`standby:${m.id}`, type, m.name ?? shortId(m.id), [m.id], false, {
                subnets: [standby],
                role: "standby",
                props: m.props,
                sub: `RDS standby · ${azOfSubnet(byId.get(standby) as Resource) ?? ""}`,
              }),
            );
          }
        }
      }
    }
  }
  distinguish(groups, byId, azOf);
  const internet = leaf(INTERNET_ID, "internet", "Internet", [], false, {
    subnets: [],
    sub: "users, any address",
  });
  root.children.push(internet);
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
      count += c.kind === "group" ? c.count : c.role === "standby" ? 0 : c.resourceIds.length;
      sev = maxSeverity(sev, c.severity);
      findings += c.findings;
    }
    const o = g.resourceId ? severityOf([g.resourceId]) : { severity: undefined, findings: 0 };
    const changed = g.resourceId ? changeOf([g.resourceId]) : undefined;
    if (changed) g.change = changed;
    if (g.groupKind === "asg") count++;
    g.count = count;
    g.severity = maxSeverity(sev, o.severity);
    g.findings = findings + o.findings;
    const keepGroup =
      g.children.length > 0 ||
      g.groupKind === "vpc" ||
      g.groupKind === "subnet" ||
      g.groupKind === "az" ||
      g.groupKind === "asg" ||
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
        else for (const id of [...c.resourceIds, c.id]) if (c.role !== "standby") nodeOf.set(id, target);
      }
    } else for (const c of g.children) if (c.kind === "group") collapse(c, undefined);
  };
  collapse(root, undefined);
  for (const [hidden, hostId] of index.host) {
    const n = nodeOf.get(hostId);
    if (n && nodeOf.has(hidden)) nodeOf.set(hidden, n);
  }

  // Edges end at the Auto Scaling group of an instance ("ALB → app ASG :8000" once, not per instance),
  // unless the instance is drawn elsewhere (collapsed into a box).
  const endOf = (id: string) => {
    const asg = asgOf.get(id);
    const n = nodeOf.get(id);
    if (asg && n === id) return nodeOf.get(asg.id);
    if (asg && n?.startsWith("agg:")) return nodeOf.get(asg.id);
    return n;
  };
  const igwOf = new Map<string, string>();
  for (const r of data.snapshot.resources)
    if (r.type === "AWS::EC2::InternetGateway") {
      const v = placed.get(r.id)?.vpc;
      if (v) igwOf.set(v, r.id);
    }
  const edges = buildEdges(
    index,
    endOf,
    (id) => {
      const v = placed.get(id)?.vpc;
      return v ? igwOf.get(v) : undefined;
    },
    opts.includeWaived === true,
  );
  markEdgeChanges(index, edges);
  return { root, edges, nodeOf, hiddenCount };
}

/**
 * With a comparison: an edge all of whose pairs are new (a new snapshot edge, or an end that was added) is
 * added; one all of whose pairs are gone is removed (drawn ghosted, as removed resources are).
 */
function markEdgeChanges(index: DataIndex, edges: DiagramEdge[]): void {
  const diff = index.data.report.view?.diff;
  if (!diff) return;
  const key = (from: string, to: string) => `${from}\0${to}`;
  const added = new Set(diff.edgesAdded.map((e) => key(e.from, e.to)));
  const removed = new Set(diff.edgesRemoved.map((e) => key(e.from, e.to)));
  const is = (pair: [string, string], set: Set<string>, change: Change) =>
    set.has(key(pair[0], pair[1])) || index.change(pair[0]) === change || index.change(pair[1]) === change;
  for (const e of edges) {
    if (e.pairs.length === 0) continue;
    if (e.pairs.every((p) => is(p, added, "added"))) e.change = "added";
    else if (e.pairs.every((p) => is(p, removed, "removed"))) e.change = "removed";
  }
}

/** "production-public-a" in VPC "coursedog-production" → "public-a": the words its VPC's name already says go. */
export function withoutVpcWords(name: string, vpcName: string | undefined): string {
  if (!vpcName) return name;
  const vpcWords = new Set(
    vpcName
      .toLowerCase()
      .split(/[-_.\s]+/)
      .filter(Boolean),
  );
  const words = name.split(/([-_.\s]+)/);
  let i = 0;
  while (i < words.length - 2 && vpcWords.has((words[i] ?? "").toLowerCase())) i += 2;
  const rest = words.slice(i).join("");
  return rest.length >= 2 ? rest : name;
}

function asgSummary(asg: Resource): string {
  const p = asg.props as { minSize?: unknown; maxSize?: unknown; desiredCapacity?: unknown };
  const n = (v: unknown) => (typeof v === "number" ? String(v) : "?");
  return `Auto Scaling group · ${n(p.minSize)}–${n(p.maxSize)}, desired ${n(p.desiredCapacity)}`;
}

function dbSub(db: Resource): string {
  const p = db.props as { engine?: unknown; multiAz?: unknown };
  const engine = typeof p.engine === "string" ? p.engine : "RDS";
  return p.multiAz === true ? `RDS ${engine} · primary` : `RDS ${engine}`;
}

/**
 * Where a Multi-AZ database's standby is drawn: the subnet of the other AZ of its subnet group, when there is
 * exactly one other. With more, AWS does not say which (the snapshot does not record it): none is drawn and
 * the inspector says Multi-AZ.
 */
function standbyOf(
  db: Resource,
  primarySubnets: readonly string[],
  byId: ReadonlyMap<string, Resource>,
  subnetBySubnetId: ReadonlyMap<string, Resource>,
): string | undefined {
  if (db.type !== "AWS::RDS::DBInstance" || (db.props as { multiAz?: unknown }).multiAz !== true)
    return undefined;
  const primary = primarySubnets.length === 1 && primarySubnets[0] ? byId.get(primarySubnets[0]) : undefined;
  if (!primary) return undefined;
  const primaryAz = (primary.props as { availabilityZone?: string }).availabilityZone;
  const others = subnetIdsOf(db)
    .map((s) => subnetBySubnetId.get(`${db.account}/${s}`))
    .filter((s): s is Resource => s !== undefined)
    .filter((s) => (s.props as { availabilityZone?: string }).availabilityZone !== primaryAz);
  const azs = new Set(others.map((s) => (s.props as { availabilityZone?: string }).availabilityZone));
  return azs.size === 1 ? others[0]?.id : undefined;
}

/**
 * Cards that would read the same (Auto Scaling instances share a name; two accounts run a "backend" service)
 * get what tells them apart: their AZ, else the part of their ARN before the name (an ECS cluster), else their
 * account, else the tail of their id: the first that makes the namesakes distinct.
 */
function distinguish(
  groups: ReadonlyMap<string, GroupNode>,
  byId: ReadonlyMap<string, Resource>,
  azOf: (r: Resource) => string | undefined,
): void {
  const leaves: LeafNode[] = [];
  for (const g of groups.values())
    for (const c of g.children) if (c.kind === "leaf" && !c.aggregate) leaves.push(c);
  const textOf = (l: LeafNode) => `${l.lines.join("\n")}\n${l.sub}`;
  const parts = (r: Resource) => r.id.split(/[:/]/).filter(Boolean);
  const suffixes: ((r: Resource) => string | undefined)[] = [
    (r) => azOf(r),
    (r) => parts(r).slice(-2, -1)[0],
    (r) => `account ${r.account}`,
    (r) => `…${(parts(r).pop() ?? r.id).slice(-6)}`,
  ];
  const same = new Map<string, LeafNode[]>();
  for (const l of leaves) push(same, textOf(l), l);
  for (const group of same.values()) {
    if (group.length < 2) continue;
    const rs = group.map((l) => (l.resourceIds[0] ? byId.get(l.resourceIds[0]) : undefined));
    for (const suffix of suffixes) {
      const got = rs.map((r) => (r ? suffix(r) : undefined));
      if (got.some((x) => x === undefined) || new Set(got).size < group.length) continue;
      group.forEach((l, i) => {
        l.sub = `${l.sub} · ${got[i]}`;
      });
      break;
    }
  }
}

const SNAPSHOT_EDGE_STYLES: Partial<Record<string, EdgeStyle>> = {
  aliases: "aliases",
  origin: "origin",
  protects: "protects",
};

const FLOW_RANK: Record<EdgeStyle, number> = {
  "flow-undocumented": 3,
  "flow-documented": 2,
  "flow-possible": 1,
  targets: 0,
  aliases: 0,
  origin: 0,
  protects: 0,
};

function buildEdges(
  index: DataIndex,
  endOf: (id: string) => string | undefined,
  igwFor: (resourceId: string) => string | undefined,
  includeWaived: boolean,
): DiagramEdge[] {
  const out = new Map<string, DiagramEdge & { portSet: Set<string> }>();
  const add = (
    from: string | undefined,
    to: string | undefined,
    style: EdgeStyle,
    pair: [string, string],
    more: { ports?: string; finding?: string; evidence?: readonly string[]; key?: string } = {},
  ) => {
    if (!from || !to || from === to) return;
    // Edge ids end up in SVG attributes (and exported XML): no control characters in them.
    const key = more.key ?? `${style}|${from}|${to}`;
    let e = out.get(key);
    if (!e) {
      e = { id: key, from, to, style, findings: [], evidence: [], pairs: [], portSet: new Set() };
      out.set(key, e);
    } else if (FLOW_RANK[style] > FLOW_RANK[e.style]) e.style = style;
    if (more.ports) for (const p of more.ports.split(", ")) e.portSet.add(p);
    if (more.finding && !e.findings.includes(more.finding)) e.findings.push(more.finding);
    if (e.evidence.length === 0 && more.evidence) e.evidence = [...more.evidence];
    if (e.pairs.length < 50) e.pairs.push(pair);
  };
  const { byId } = index;
  const snapshot = index.data.snapshot;

  // Load balancer → targets, through the (hidden) listeners and target groups: LB → instance or its ASG.
  const lbsOfTg = new Map<string, Set<string>>();
  const listenerLb = new Map<string, string>();
  for (const e of snapshot.edges) {
    if (e.kind !== "targets") continue;
    const from = byId.get(e.from)?.type;
    const to = byId.get(e.to)?.type;
    if (
      from === "AWS::ElasticLoadBalancingV2::LoadBalancer" &&
      to === "AWS::ElasticLoadBalancingV2::Listener"
    )
      listenerLb.set(e.to, e.from);
  }
  for (const e of snapshot.edges) {
    if (e.kind !== "targets") continue;
    const from = byId.get(e.from)?.type;
    const to = byId.get(e.to)?.type;
    const lb =
      from === "AWS::ElasticLoadBalancingV2::Listener"
        ? listenerLb.get(e.from)
        : from === "AWS::ElasticLoadBalancingV2::LoadBalancer"
          ? e.from
          : undefined;
    if (lb && to === "AWS::ElasticLoadBalancingV2::TargetGroup") cachedSet(lbsOfTg, e.to).add(lb);
  }
  for (const tg of snapshot.resources) {
    if (tg.type !== "AWS::ElasticLoadBalancingV2::TargetGroup") continue;
    const arns = (tg.props as { loadBalancerArns?: unknown }).loadBalancerArns;
    for (const a of Array.isArray(arns) ? arns : [])
      if (typeof a === "string" && byId.has(a)) cachedSet(lbsOfTg, tg.id).add(a);
  }
  for (const e of snapshot.edges) {
    if (e.kind !== "targets" || byId.get(e.from)?.type !== "AWS::ElasticLoadBalancingV2::TargetGroup")
      continue;
    const tg = byId.get(e.from);
    const p = tg?.props as { protocol?: unknown; port?: unknown } | undefined;
    const ports =
      typeof p?.port === "number"
        ? `${typeof p.protocol === "string" ? p.protocol : ""}:${p.port}`
        : undefined;
    for (const lb of lbsOfTg.get(e.from) ?? []) {
      add(endOf(lb), endOf(e.to), "targets", [lb, e.to], {
        ...(ports ? { ports } : {}),
        evidence: [`target group ${tg?.name ?? shortId(e.from)}${ports ? ` (${ports})` : ""}`],
      });
    }
  }
  for (const e of snapshot.edges) {
    const style = SNAPSHOT_EDGE_STYLES[e.kind];
    if (style) add(endOf(e.from), endOf(e.to), style, [e.from, e.to]);
  }

  // A flow finding may be reported inside another one about the same problem (its `related`): still red.
  const open = new Set(
    index.data.report.findings
      .filter((f) => includeWaived || !f.waived)
      .flatMap((f) => [f.fingerprint, ...(f.related ?? []).map((r) => r.fingerprint)]),
  );
  for (const f of index.data.report.view?.flows ?? []) {
    const style: EdgeStyle =
      f.finding && open.has(f.finding)
        ? "flow-undocumented"
        : f.status === "documented"
          ? "flow-documented"
          : "flow-possible";
    const ports = f.ports
      .split(", ")
      .map((p) => `:${p}`)
      .join(", ");
    const more = {
      ports,
      ...(style === "flow-undocumented" && f.finding ? { finding: f.finding } : {}),
      ...(f.evidence ? { evidence: f.evidence } : {}),
    };
    const igw = f.from === INTERNET_ID ? igwFor(f.to) : undefined;
    const igwNode = igw ? endOf(igw) : undefined;
    if (f.from === INTERNET_ID && igwNode && igwNode !== endOf(f.to)) {
      // The internet comes in through the VPC's internet gateway: one edge to it, then one per target.
      add(INTERNET_ID, igwNode, style, [f.from, f.to], { ...more, key: `internet|${igwNode}` });
      add(igwNode, endOf(f.to), style, [f.from, f.to], more);
    } else add(endOf(f.from), endOf(f.to), style, [f.from, f.to], more);
  }
  return [...out.values()].map(({ portSet, ...e }) =>
    portSet.size > 0 ? { ...e, ports: mergePorts([...portSet]) } : e,
  );
}

function cachedSet(m: Map<string, Set<string>>, k: string): Set<string> {
  let s = m.get(k);
  if (!s) {
    s = new Set();
    m.set(k, s);
  }
  return s;
}

/** ":80", ":443" → ":80, 443"; protocol-qualified ones ("HTTP:8000") stay as they are. */
function mergePorts(ports: string[]): string {
  const bare = ports.filter((p) => p.startsWith(":")).map((p) => p.slice(1));
  const named = ports.filter((p) => !p.startsWith(":"));
  const num = (p: string) => Number.parseInt(p, 10);
  bare.sort((a, b) => num(a) - num(b) || (a < b ? -1 : 1));
  return [...named.sort(), ...(bare.length > 0 ? [`:${bare.join(", ")}`] : [])].join(" ");
}

const TYPE_ORDER = [
  "AWS::EC2::InternetGateway",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::ElasticLoadBalancing::LoadBalancer",
  "AWS::EC2::NatGateway",
  "AWS::AutoScaling::AutoScalingGroup",
  "AWS::EC2::Instance",
  "AWS::ECS::Service",
  "AWS::Lambda::Function",
  "AWS::RDS::DBCluster",
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBProxy",
  "AWS::ElastiCache::CacheCluster",
  "AWS::EFS::MountTarget",
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
  asg: 7,
  services: 8,
  root: 9,
};
function nodeOrder(n: DiagramNode): number {
  // In paint order: AZ columns (with their subnets) under what spans them (ASGs, load balancers), the
  // internet last; elsewhere leaves before boxes.
  if (n.kind === "leaf") return n.id === INTERNET_ID ? 20 : 10;
  if (n.groupKind === "az") return 0;
  if (n.groupKind === "asg") return 11;
  return 11 + GROUP_ORDER[n.groupKind];
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
