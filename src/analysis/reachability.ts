import type { Graph } from "../model/graph.ts";
import { cached, push } from "../model/maps.ts";
import type { NetworkAclEntry, Route, SecurityGroupRule } from "../model/props.ts";
import type { Resource, ResourceOf } from "../model/snapshot.ts";
import { cidrContains, cidrOverlaps, isWorld, parseCidr } from "./cidr.ts";
import {
  ALL_PORTS,
  EPHEMERAL,
  formatPorts,
  intersect,
  isEmpty,
  NO_PORTS,
  type PortSet,
  portSet,
  subtract,
  union,
} from "./ports.ts";
import type { SubnetFacts } from "./subnets.ts";

// Network reachability: can A open a TCP connection to B, on which ports, and why. Decided the way
// AWS does, from security groups (stateful: the egress of A and the ingress of B), network ACLs
// (stateless: both directions, the request and its return on ephemeral ports, first matching rule by
// number wins), and route tables (local, peering, transit gateway, internet gateway). Load balancers
// add a hop: listener → target group → targets.
//
// It scales by never comparing ENIs pairwise: ENIs are grouped by (subnet, set of security groups),
// and every answer is computed once per pair of groups and cached.
//
// Where a rule covers only part of an address block (a NACL entry for a /28 inside a /24 subnet), asbuilt
// errs toward reporting possible traffic: a partial allow counts, a partial deny does not block.

type Eni = ResourceOf<"AWS::EC2::NetworkInterface">;
type Sg = ResourceOf<"AWS::EC2::SecurityGroup">;

/** One step of an evidence path. */
export interface Hop {
  kind: "internet" | "route" | "nacl" | "security-group" | "listener" | "target-group";
  /** The resource that decided it (route table, ACL, group, listener), when there is one. */
  resourceId?: string;
  text: string;
  /** The ports this step lets through, when it is port-specific (security group rules, NACL entries). */
  ports?: PortSet;
}

/** The steps of a path that matter for one port: port-specific steps that do not pass it are left out. */
export function hopsFor(path: Path, port: number): Hop[] {
  return path.hops.filter((h) => !h.ports || h.ports.some(([a, b]) => a <= port && port <= b));
}

/** TCP ports that get through, and the steps that let them. */
export interface Path {
  ports: PortSet;
  hops: Hop[];
}

/** ENIs in one subnet with the same security groups: the unit reachability is computed for. */
export interface EndpointGroup {
  key: string;
  vpcKey: string;
  subnet: SubnetFacts;
  sgs: Sg[];
  sgIds: string[];
  /** ENIs in the group; empty for a group made from a resource's own subnet and group ids. */
  enis: Eni[];
  /** A public IPv4 address on any of its ENIs. */
  publicIp: boolean;
}

export type Source = "internet" | Resource;

export interface Reachability {
  groupsOf(r: Resource): EndpointGroup[];
  /** TCP ports `from` can open to `to` (a union over their endpoint groups), with the evidence of the first pair that allows any. */
  between(from: Source, to: Resource): Path;
  /** How the internet reaches `r`: directly, and through internet-facing load balancers that target it. */
  exposure(r: Resource): Exposure;
  readonly groups: readonly EndpointGroup[];
  /** TCP ports from one endpoint group to another (cached). */
  betweenGroups(a: EndpointGroup, b: EndpointGroup): Path;
  /**
   * The endpoint groups that could exchange traffic with `g` at all: those of its own VPC and of VPCs
   * joined to it by a peering connection or transit gateway that route tables use. Every other pair has
   * no route, so callers iterate these instead of every group (which is quadratic in a large account).
   */
  neighbours(g: EndpointGroup): readonly EndpointGroup[];
  /** A VPC's key and the keys of the VPCs joined to it (see `neighbours`). */
  joinedVpcs(vpcKey: string): readonly string[];
}

export interface Exposure {
  /** Ports open to any internet address (0.0.0.0/0 or ::/0). */
  world: Path;
  /** Ports open to some internet addresses only (a listed public CIDR). */
  restricted: Path;
  /** Reachable through these load balancers (listener port → target port). */
  viaLoadBalancers: {
    lb: ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer">;
    listenerPort: number;
    path: Path;
  }[];
}

const PRIVATE = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "fc00::/7",
  "fe80::/10",
];
function isPublicCidr(c: string): boolean {
  return !PRIVATE.some((p) => cidrContains(p, c));
}

/** The answer "nothing gets through", shared (callers never mutate paths). */
const NO_PATH: Path = Object.freeze({ ports: NO_PORTS, hops: Object.freeze([]) as unknown as Hop[] });

const isTcp = (protocol: string) =>
  protocol === "-1" || protocol === "tcp" || protocol === "6" || protocol === "all";

/** An address block a rule is compared with: a subnet's CIDR, or the internet. */
type Peer = { kind: "block"; cidr: string } | { kind: "internet" };

export function computeReachability(graph: Graph, subnets: Map<string, SubnetFacts>): Reachability {
  const sgById = new Map<string, Sg>();
  for (const sg of graph.ofType("AWS::EC2::SecurityGroup"))
    sgById.set(`${sg.account}/${sg.region}/${sg.props.groupId}`, sg);
  const aclBySubnet = new Map<string, ResourceOf<"AWS::EC2::NetworkAcl">>();
  /** Network ACL answers by ACL, direction, peer block and ports (see naclPorts). */
  const naclCache = new Map<string, Path>();
  // Cache keys are built for every group pair: long ARNs and CIDRs are interned to small numbers once,
  // so that a key is a few characters, not a few hundred (measured: building them cost as much as the
  // answers at 100k resources).
  const interned = new Map<string, number>();
  const intern = (s: string): number => cached(interned, s, () => interned.size);
  const subnetAcl = new Map<SubnetFacts, { acl: ResourceOf<"AWS::EC2::NetworkAcl">; num: number } | null>();
  for (const acl of graph.ofType("AWS::EC2::NetworkAcl"))
    for (const s of acl.props.subnetIds) aclBySubnet.set(`${acl.account}/${acl.region}/${s}`, acl);
  const subnetByNative = new Map<string, SubnetFacts>();
  for (const f of subnets.values())
    subnetByNative.set(`${f.subnet.account}/${f.subnet.region}/${f.subnet.props.subnetId}`, f);

  // ── VPCs joined by peering or transit gateway routes ──
  const vpcsByLink = new Map<string, Set<string>>();
  for (const rt of graph.ofType("AWS::EC2::RouteTable")) {
    for (const r of rt.props.routes) {
      if (r.targetKind !== "vpc-peering" && r.targetKind !== "transit-gateway") continue;
      const set = vpcsByLink.get(r.targetId) ?? new Set<string>();
      set.add(`${rt.account}/${rt.region}/${rt.props.vpcId}`);
      vpcsByLink.set(r.targetId, set);
    }
  }
  const linkedVpcs = new Map<string, Set<string>>();
  for (const vpcs of vpcsByLink.values())
    for (const v of vpcs) {
      const set = linkedVpcs.get(v) ?? new Set<string>();
      for (const w of vpcs) if (w !== v) set.add(w);
      linkedVpcs.set(v, set);
    }
  const joined = (a: string, b: string) => a === b || (linkedVpcs.get(a)?.has(b) ?? false);

  // ── endpoint groups ──
  const groups = new Map<string, EndpointGroup>();
  const groupsByVpc = new Map<string, EndpointGroup[]>();
  const groupsByOwner = new Map<string, EndpointGroup[]>();
  const groupFor = (
    account: string,
    region: string,
    subnetId: string,
    sgIds: string[],
  ): EndpointGroup | undefined => {
    const subnet = subnetByNative.get(`${account}/${region}/${subnetId}`);
    if (!subnet) return undefined;
    const ids = [...new Set(sgIds)].sort();
    const key = `${account}/${region}/${subnetId}|${ids.join(",")}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        vpcKey: `${account}/${region}/${subnet.subnet.props.vpcId}`,
        subnet,
        sgIds: ids,
        sgs: ids.flatMap((id) => {
          const sg = sgById.get(`${account}/${region}/${id}`);
          return sg ? [sg] : [];
        }),
        enis: [],
        publicIp: false,
      };
      groups.set(key, g);
      push(groupsByVpc, g.vpcKey, g);
    }
    return g;
  };
  const addOwner = (ownerId: string, g: EndpointGroup) => {
    const list = groupsByOwner.get(ownerId) ?? [];
    if (!list.includes(g)) list.push(g);
    groupsByOwner.set(ownerId, list);
  };
  for (const eni of graph.ofType("AWS::EC2::NetworkInterface")) {
    const g = groupFor(eni.account, eni.region, eni.props.subnetId, eni.props.securityGroupIds);
    if (!g) continue;
    g.enis.push(eni);
    if (eni.props.publicIp) g.publicIp = true;
    addOwner(eni.id, g);
    if (eni.props.attachedTo) addOwner(eni.props.attachedTo, g);
  }

  /** Groups of a resource: its ENIs', else groups made from its own subnets and security groups (snapshots without ENIs). */
  function groupsOf(r: Resource): EndpointGroup[] {
    const own = groupsByOwner.get(r.id);
    if (own) return own;
    const p = r.props as {
      subnetIds?: unknown;
      securityGroupIds?: unknown;
      subnetId?: unknown;
      networkConfiguration?: { subnetIds: string[]; securityGroupIds: string[] } | null;
      vpcConfig?: { subnetIds: string[]; securityGroupIds: string[] } | null;
    };
    const cfg = p.networkConfiguration ?? p.vpcConfig;
    const subnetIds =
      cfg?.subnetIds ??
      (Array.isArray(p.subnetIds)
        ? (p.subnetIds as string[])
        : typeof p.subnetId === "string"
          ? [p.subnetId]
          : []);
    const sgIds =
      cfg?.securityGroupIds ?? (Array.isArray(p.securityGroupIds) ? (p.securityGroupIds as string[]) : []);
    const out = subnetIds.flatMap((s) => {
      const g = groupFor(r.account, r.region, s, sgIds);
      return g ? [g] : [];
    });
    groupsByOwner.set(r.id, out);
    return out;
  }

  // ── security groups ──
  function sgPorts(
    sgs: Sg[],
    direction: "ingress" | "egress",
    peer: EndpointGroup | "internet",
    worldOnly = false,
  ): Path {
    let ports: PortSet = NO_PORTS;
    const hops: Hop[] = [];
    for (const sg of sgs) {
      for (const rule of sg.props[direction]) {
        if (!isTcp(rule.protocol)) continue;
        const why = ruleMatches(rule, peer, sg, worldOnly);
        if (!why) continue;
        const rp = rule.protocol === "-1" ? ALL_PORTS : portSet(rule.fromPort, rule.toPort);
        const added = subtract(rp, ports);
        if (isEmpty(added)) continue;
        ports = union(ports, rp);
        hops.push({
          kind: "security-group",
          resourceId: sg.id,
          ports: rp,
          // Evidence text is built only when a finding reads it: most pairs are never reported.
          get text() {
            return `security group ${sgLabel(sg)} ${direction} tcp/${formatPorts(rp)} ${direction === "ingress" ? "from" : "to"} ${why}`;
          },
        });
      }
    }
    return { ports, hops };
  }

  function ruleMatches(
    rule: SecurityGroupRule,
    peer: EndpointGroup | "internet",
    sg: Sg,
    worldOnly: boolean,
  ): string | undefined {
    if (peer === "internet") {
      const cidrs = [...rule.ipv4Ranges, ...rule.ipv6Ranges].filter((c) =>
        worldOnly ? isWorld(c) : isPublicCidr(c) && !isWorld(c),
      );
      return cidrs.length > 0 ? cidrs.join(", ") : undefined;
    }
    for (const ref of rule.groupRefs) {
      if ((ref.account === null || ref.account === sg.account) && peer.sgIds.includes(ref.groupId))
        return `${ref.groupId} (a group the peer is in)`;
    }
    const cidr = rule.ipv4Ranges.find((c) => cidrOverlaps(c, peer.subnet.subnet.props.cidrBlock));
    return cidr;
  }

  // ── network ACLs ──
  function naclPorts(subnet: SubnetFacts, egress: boolean, peer: Peer, within: PortSet): Path {
    const found = cached(subnetAcl, subnet, () => {
      const a = aclBySubnet.get(
        `${subnet.subnet.account}/${subnet.subnet.region}/${subnet.subnet.props.subnetId}`,
      );
      return a ? { acl: a, num: intern(a.id) } : null;
    });
    if (!found) return { ports: within, hops: [] };
    const acl = found.acl;
    // The same ACL is asked about the same peer block and ports for many group pairs: answer once.
    let key = `${found.num}|${egress ? 1 : 0}|${peer.kind === "internet" ? -1 : intern(peer.cidr)}|`;
    for (const w of within) key += `${w[0]}-${w[1]},`;
    return cached(naclCache, key, () => evaluateNacl(acl, egress, peer, within));
  }

  function evaluateNacl(
    acl: ResourceOf<"AWS::EC2::NetworkAcl">,
    egress: boolean,
    peer: Peer,
    within: PortSet,
  ): Path {
    let undecided = within;
    let allowed: PortSet = NO_PORTS;
    const hops: Hop[] = [];
    for (const e of acl.props.entries) {
      if (e.egress !== egress || !isTcp(e.protocol)) continue;
      const match = entryMatch(e, peer);
      if (match === "none") continue;
      const take = intersect(undecided, e.protocol === "-1" ? ALL_PORTS : portSet(e.fromPort, e.toPort));
      if (isEmpty(take)) continue;
      if (e.ruleAction === "allow") {
        allowed = union(allowed, take);
        undecided = subtract(undecided, take);
        hops.push({
          kind: "nacl",
          resourceId: acl.id,
          ports: take,
          get text() {
            return `network ACL ${acl.props.networkAclId} rule ${e.ruleNumber} allows tcp/${formatPorts(take)} ${egress ? "out to" : "in from"} ${e.cidrBlock ?? e.ipv6CidrBlock}`;
          },
        });
      } else if (match === "full") {
        undecided = subtract(undecided, take);
      }
    }
    return { ports: allowed, hops };
  }

  function entryMatch(e: NetworkAclEntry, peer: Peer): "full" | "partial" | "none" {
    const cidr = e.cidrBlock ?? e.ipv6CidrBlock;
    if (!cidr) return "none";
    if (peer.kind === "internet") return isWorld(cidr) ? "full" : isPublicCidr(cidr) ? "partial" : "none";
    if (!parseCidr(cidr)) return "none";
    if (cidrContains(cidr, peer.cidr)) return "full";
    return cidrOverlaps(cidr, peer.cidr) ? "partial" : "none";
  }

  // ── routes ──
  function routeTo(from: SubnetFacts, toCidr: string): Route | undefined {
    const routes = from.routeTable?.props.routes ?? [];
    let best: Route | undefined;
    let bestLen = -1;
    for (const r of routes) {
      if (r.state !== "active" || !r.destinationCidr) continue;
      const c = parseCidr(r.destinationCidr);
      if (c && cidrContains(r.destinationCidr, toCidr) && c.prefix > bestLen) {
        best = r;
        bestLen = c.prefix;
      }
    }
    return best;
  }

  function routeHops(a: EndpointGroup, b: EndpointGroup): Hop[] | undefined {
    if (a.vpcKey === b.vpcKey)
      return [
        {
          kind: "route",
          get text() {
            return `same VPC ${b.subnet.subnet.props.vpcId}: local route`;
          },
        },
      ];
    const there = routeTo(a.subnet, b.subnet.subnet.props.cidrBlock);
    const back = routeTo(b.subnet, a.subnet.subnet.props.cidrBlock);
    if (!there || !back || there.targetKind === "local" || back.targetKind !== there.targetKind)
      return undefined;
    if (there.targetKind === "vpc-peering") {
      if (there.targetId !== back.targetId) return undefined;
      const pcx = graph
        .ofType("AWS::EC2::VPCPeeringConnection")
        .find((p) => p.props.vpcPeeringConnectionId === there.targetId);
      if (pcx && pcx.props.status !== "active") return undefined;
    } else if (there.targetKind !== "transit-gateway" || there.targetId !== back.targetId) {
      return undefined;
    }
    return [
      {
        kind: "route",
        resourceId: a.subnet.routeTable?.id,
        text: `route ${there.destinationCidr} → ${there.targetId} in ${a.subnet.routeTable?.props.routeTableId}`,
      },
      {
        kind: "route",
        resourceId: b.subnet.routeTable?.id,
        text: `return route ${back.destinationCidr} → ${back.targetId} in ${b.subnet.routeTable?.props.routeTableId}`,
      },
    ];
  }

  // What one group's security groups let through to or from a peer group depends only on the two
  // sets of security groups and the peer's subnet block: many group pairs share it (every instance
  // subnet of a tier), so it is computed once per such key.
  const sgCache = new Map<string, Path>();
  const neighbourCache = new Map<string, { size: number; list: EndpointGroup[] }>();
  const sgSetKeys = new WeakMap<EndpointGroup, { sgs: number; withBlock: string }>();
  /** A group's security-group set, and that set with its subnet block, as interned numbers. */
  const sgSetKey = (g: EndpointGroup) =>
    cached(sgSetKeys, g, () => {
      const sgs = intern(`${g.vpcKey}|${g.sgIds.join(",")}`);
      return { sgs, withBlock: `${sgs}:${intern(g.subnet.subnet.props.cidrBlock)}` };
    });
  function sgPortsBetween(g: EndpointGroup, direction: "ingress" | "egress", peer: EndpointGroup): Path {
    const key = `${sgSetKey(g).sgs}|${direction === "ingress" ? 1 : 0}|${sgSetKey(peer).withBlock}`;
    return cached(sgCache, key, () => sgPorts(g.sgs, direction, peer));
  }

  // ── pairs ──
  const pairCache = new Map<EndpointGroup, Map<EndpointGroup, Path>>();
  function groupToGroup(a: EndpointGroup, b: EndpointGroup): Path {
    if (!joined(a.vpcKey, b.vpcKey)) return NO_PATH;
    const fromA = cached(pairCache, a, () => new Map<EndpointGroup, Path>());
    return cached(fromA, b, () => computePair(a, b));
  }

  function computePair(a: EndpointGroup, b: EndpointGroup): Path {
    // Security groups first: most pairs in a VPC allow nothing, and then routes and NACLs need no look.
    const out = sgPortsBetween(a, "egress", b);
    if (isEmpty(out.ports)) return NO_PATH;
    const inn = sgPortsBetween(b, "ingress", a);
    let ports = intersect(out.ports, inn.ports);
    if (isEmpty(ports)) return NO_PATH;
    const route = routeHops(a, b);
    if (!route) return NO_PATH;
    const hops: Hop[] = [...route, ...out.hops];
    if (a.subnet !== b.subnet) {
      const aBlock: Peer = { kind: "block", cidr: a.subnet.subnet.props.cidrBlock };
      const bBlock: Peer = { kind: "block", cidr: b.subnet.subnet.props.cidrBlock };
      const naclOut = naclPorts(a.subnet, true, bBlock, ports);
      const naclIn = naclPorts(b.subnet, false, aBlock, naclOut.ports);
      ports = naclIn.ports;
      const returnIn = naclPorts(a.subnet, false, bBlock, EPHEMERAL);
      const returnOut = naclPorts(b.subnet, true, aBlock, EPHEMERAL);
      if (isEmpty(returnIn.ports) || isEmpty(returnOut.ports)) return NO_PATH;
      hops.push(...naclOut.hops, ...naclIn.hops);
    }
    hops.push(...inn.hops);
    return isEmpty(ports) ? NO_PATH : { ports, hops };
  }

  function fromInternet(b: EndpointGroup, worldOnly: boolean): Path {
    if (b.subnet.class !== "public" || !b.publicIp) return { ports: NO_PORTS, hops: [] };
    const inn = sgPorts(b.sgs, "ingress", "internet", worldOnly);
    if (isEmpty(inn.ports)) return { ports: NO_PORTS, hops: [] };
    const nacl = naclPorts(b.subnet, false, { kind: "internet" }, inn.ports);
    const ret = naclPorts(b.subnet, true, { kind: "internet" }, EPHEMERAL);
    if (isEmpty(nacl.ports) || isEmpty(ret.ports)) return { ports: NO_PORTS, hops: [] };
    const igw = b.subnet.defaultRoute;
    return {
      ports: nacl.ports,
      hops: [
        {
          kind: "internet",
          text: `public IP on an ENI in public subnet ${b.subnet.subnet.name ?? b.subnet.subnet.props.subnetId} (${igw?.destinationCidr ?? igw?.destinationIpv6Cidr} → ${igw?.targetId})`,
        },
        ...nacl.hops,
        ...inn.hops,
      ],
    };
  }

  function combine(paths: Path[]): Path {
    let ports: PortSet = NO_PORTS;
    let hops: Hop[] = [];
    for (const p of paths) {
      if (isEmpty(p.ports)) continue;
      if (isEmpty(ports)) hops = p.hops;
      ports = union(ports, p.ports);
    }
    return { ports, hops };
  }

  function between(from: Source, to: Resource): Path {
    const targets = groupsOf(to);
    if (from === "internet")
      return combine(
        targets.map((b) => fromInternet(b, false)).concat(targets.map((b) => fromInternet(b, true))),
      );
    const sources = groupsOf(from);
    return combine(sources.flatMap((a) => targets.map((b) => groupToGroup(a, b))));
  }

  // Several rules ask about the same resource, and every target of a load balancer asks about its front:
  // each answer is computed once per run.
  const exposureCache = new Map<string, Exposure>();
  function exposure(r: Resource): Exposure {
    return cached(exposureCache, r.id, () => computeExposure(r));
  }

  function computeExposure(r: Resource): Exposure {
    const gs = groupsOf(r);
    const world = combine(gs.map((g) => fromInternet(g, true)));
    const restricted = combine(gs.map((g) => fromInternet(g, false)));
    return {
      world,
      restricted: { ports: subtract(restricted.ports, world.ports), hops: restricted.hops },
      viaLoadBalancers: viaLbs(r),
    };
  }

  // Target groups by what they target (instance id, ARN, IP, or a `targets` edge's resource), built on
  // first use: asking every target group about every resource is quadratic in a large account.
  type TargetGroup = ResourceOf<"AWS::ElasticLoadBalancingV2::TargetGroup">;
  let tgIndex: Map<string, { tg: TargetGroup; order: number }[]> | undefined;
  function targetGroupsOf(keys: readonly string[]): TargetGroup[] {
    if (!tgIndex) {
      const index = new Map<string, { tg: TargetGroup; order: number }[]>();
      const add = (key: string, entry: { tg: TargetGroup; order: number }) => {
        const list = index.get(key);
        if (!list) index.set(key, [entry]);
        else if (!list.includes(entry)) list.push(entry);
      };
      graph.ofType("AWS::ElasticLoadBalancingV2::TargetGroup").forEach((tg, order) => {
        const entry = { tg, order };
        for (const t of tg.props.targets) add(t.id, entry);
        for (const e of graph.out(tg.id, "targets")) add(e.to, entry);
      });
      tgIndex = index;
    }
    const found = new Set<{ tg: TargetGroup; order: number }>();
    for (const k of keys) for (const e of tgIndex.get(k) ?? []) found.add(e);
    return [...found].sort((a, b) => a.order - b.order).map((e) => e.tg);
  }

  type Listener = ResourceOf<"AWS::ElasticLoadBalancingV2::Listener">;
  const listenerCache = new Map<string, Listener[]>();
  function listenersOf(lb: Resource): Listener[] {
    return cached(listenerCache, lb.id, () =>
      graph.children(lb.id).filter((c): c is Listener => c.type === "AWS::ElasticLoadBalancingV2::Listener"),
    );
  }

  function viaLbs(r: Resource): Exposure["viaLoadBalancers"] {
    const out: Exposure["viaLoadBalancers"] = [];
    const targetIds = new Set<string>([r.id]);
    const native = (r.props as { instanceId?: string }).instanceId;
    if (native) targetIds.add(native);
    const ips = new Set(
      groupsOf(r).flatMap((g) =>
        g.enis.filter((e) => e.props.attachedTo === r.id).flatMap((e) => e.props.privateIpAddresses),
      ),
    );
    for (const tg of targetGroupsOf([...targetIds, ...ips])) {
      const target = tg.props.targets.find((t) => targetIds.has(t.id) || ips.has(t.id));
      const viaService = graph.out(tg.id, "targets").some((e) => e.to === r.id);
      if (!target && !viaService) continue;
      const targetPort = target?.port ?? tg.props.port ?? 0;
      for (const lbArn of tg.props.loadBalancerArns) {
        const lb = graph.getOfType(lbArn, "AWS::ElasticLoadBalancingV2::LoadBalancer");
        if (lb?.props.scheme !== "internet-facing") continue;
        for (const l of listenersOf(lb)) {
          if (!l.props.defaultActions.some((a) => a.type === "forward" && a.targetGroupArns.includes(tg.id)))
            continue;
          const front = exposureOfLb(lb, l.props.port);
          if (isEmpty(front.ports)) continue;
          const back = between(lb, r);
          if (!back.ports.some(([a, b]) => a <= targetPort && targetPort <= b)) continue;
          out.push({
            lb,
            listenerPort: l.props.port,
            path: {
              ports: [[targetPort, targetPort]],
              hops: [
                ...front.hops,
                {
                  kind: "listener",
                  resourceId: l.id,
                  text: `listener ${l.props.protocol}:${l.props.port} on ${lb.props.name} forwards to target group ${tg.props.name}`,
                },
                {
                  kind: "target-group",
                  resourceId: tg.id,
                  text: `target group ${tg.props.name} sends to port ${targetPort}`,
                },
                ...back.hops,
              ],
            },
          });
        }
      }
    }
    return out;
  }

  const lbFronts = new Map<string, Path>();
  function exposureOfLb(lb: ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer">, port: number): Path {
    return cached(lbFronts, `${lb.id}|${port}`, () => computeLbFront(lb, port));
  }

  function computeLbFront(lb: ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer">, port: number): Path {
    const p = between("internet", lb);
    const ports = intersect(p.ports, [[port, port]]);
    // NLBs without security groups pass whatever the listener accepts.
    if (isEmpty(ports) && lb.props.loadBalancerType === "network" && lb.props.securityGroupIds.length === 0) {
      return {
        ports: [[port, port]],
        hops: [{ kind: "internet", text: `internet-facing NLB ${lb.props.name} without security groups` }],
      };
    }
    return { ports, hops: p.hops };
  }

  return {
    groupsOf,
    between,
    exposure,
    betweenGroups: groupToGroup,
    joinedVpcs(vpcKey) {
      return [vpcKey, ...(linkedVpcs.get(vpcKey) ?? [])];
    },
    neighbours(g) {
      // One list per VPC, rebuilt only when groups were added since (groups are made on first use).
      const hit = neighbourCache.get(g.vpcKey);
      if (hit && hit.size === groups.size) return hit.list;
      const list = [...(groupsByVpc.get(g.vpcKey) ?? [])];
      for (const v of linkedVpcs.get(g.vpcKey) ?? []) list.push(...(groupsByVpc.get(v) ?? []));
      neighbourCache.set(g.vpcKey, { size: groups.size, list });
      return list;
    },
    get groups() {
      return [...groups.values()];
    },
  };
}

function sgLabel(sg: Sg): string {
  return sg.name && sg.name !== sg.props.groupId ? `"${sg.name}" (${sg.props.groupId})` : sg.props.groupId;
}

/** A source list's groups by VPC with their positions, kept per list: rules ask about one tier's groups many times. */
const sourcesByVpc = new WeakMap<readonly EndpointGroup[], Map<string, [number, EndpointGroup][]>>();

/**
 * TCP ports any of `sources` can open to any of `targets`, and the path of the first pair (in the order
 * sources × targets) that allows any. Only pairs in joined VPCs are tried (see `joinedVpcs`): the cost
 * follows the groups per VPC, not the square of the account's groups.
 */
export function portsBetweenGroups(
  reach: Reachability,
  sources: readonly EndpointGroup[],
  targets: readonly EndpointGroup[],
  /** skipSame: leave out a group's traffic to itself; until: stop once these ports are all found. */
  opts: { skipSame?: boolean; until?: PortSet } = {},
): { ports: PortSet; sample: Path | undefined } {
  // From the (usually few) targets outwards: the sources in each target's VPC and the VPCs joined to it,
  // then the pairs in sources × targets order, so that the sample path is the same whatever the layout.
  const byVpc = cached(sourcesByVpc, sources, () => {
    const m = new Map<string, [number, EndpointGroup][]>();
    sources.forEach((g, i) => {
      push(m, g.vpcKey, [i, g]);
    });
    return m;
  });
  const pairs: [number, number, EndpointGroup, EndpointGroup][] = [];
  targets.forEach((b, j) => {
    for (const v of reach.joinedVpcs(b.vpcKey))
      for (const [i, a] of byVpc.get(v) ?? []) {
        if (opts.skipSame && a.key === b.key) continue;
        pairs.push([i, j, a, b]);
      }
  });
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let ports: PortSet = NO_PORTS;
  let sample: Path | undefined;
  for (const [, , a, b] of pairs) {
    const p = reach.betweenGroups(a, b);
    if (isEmpty(p.ports)) continue;
    sample ??= p;
    ports = union(ports, p.ports);
    if (opts.until && isEmpty(subtract(opts.until, ports))) break;
  }
  return { ports, sample };
}
