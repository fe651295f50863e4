import type { Graph } from "../model/graph.ts";
import { cached, push } from "../model/maps.ts";
import { PASSIVE_TYPES } from "../model/passive-types.ts";
import type { NetworkAclEntry, Route, SecurityGroupRule } from "../model/props.ts";
import type { Resource, ResourceOf } from "../model/snapshot.ts";
import { internetIngressBlock } from "./block-public-access.ts";
import { cidrContains, cidrOverlaps, isWorld, parseCidr } from "./cidr.ts";
import { FRONT_DOORS } from "./front-doors.ts";
import {
  ALL_PORTS,
  EPHEMERAL,
  formatTraffic,
  icmpTypeUnknown,
  intersect,
  isEmpty,
  NO_PORTS,
  type PortSet,
  PROTOCOLS,
  protocolPorts,
  protocolRange,
  ruleTraffic,
  subtract,
  union,
} from "./ports.ts";
import type { SubnetFacts } from "./subnets.ts";

// Network reachability: can A open a TCP or UDP connection to B, or send it ICMP, on which ports, and why
// (ports are on the number line of ports.ts, which holds every protocol). Decided the way
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
//
// Unknown is never false. Every step is decided from recorded data or marked unknown: a subnet whose route
// table was not recorded, a security group or NACL referenced but not recorded (or recorded without its
// rules), a prefix list whose entries are not known, a target group whose targets were not read. An answer
// carries two port sets: `ports`, proven (every step recorded and letting them through), and
// `unknown.ports`, those that get through only if the unrecorded steps let them, with the reasons. "No
// path" is only ever said when it is proven.

type Eni = ResourceOf<"AWS::EC2::NetworkInterface">;
type Sg = ResourceOf<"AWS::EC2::SecurityGroup">;

/** One step of an evidence path. */
export interface Hop {
  kind: "internet" | "route" | "nacl" | "security-group" | "listener" | "target-group" | "unknown";
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

/** What may get through beyond the proven ports, if the data nobody recorded allows it. */
export interface Unknown {
  ports: PortSet;
  /** What was not recorded, one sentence each. */
  reasons: string[];
  /** The steps of one such path, the unrecorded ones among them (kind "unknown"). */
  hops: Hop[];
}

/** TCP ports that get through, and the steps that let them. */
export interface Path {
  /** Proven: every step was recorded and lets these through. */
  ports: PortSet;
  hops: Hop[];
  /** Ports not proven that may get through: present only when some step on the way was not recorded. */
  unknown?: Unknown;
}

/** The proven ports and those that may get through: everything a path does not rule out. */
export function possiblePorts(p: Path): PortSet {
  return p.unknown ? union(p.ports, p.unknown.ports) : p.ports;
}

/** ENIs in one subnet with the same security groups: the unit reachability is computed for. */
export interface EndpointGroup {
  key: string;
  vpcKey: string;
  subnet: SubnetFacts;
  sgs: Sg[];
  sgIds: string[];
  /** Security group ids the group's ENIs name that the snapshot does not hold. */
  missingSgIds: string[];
  /** ENIs in the group; empty for a group made from a resource's own subnet and group ids. */
  enis: Eni[];
  /** A public IPv4 address on any of its ENIs (or, without ENIs, on the resource itself). */
  publicIp: boolean;
}

export type Source = "internet" | Resource;

export interface Reachability {
  groupsOf(r: Resource): EndpointGroup[];
  /**
   * Why a resource's network placement is not fully known (a subnet it names that was not recorded), or
   * undefined. Such a resource may have groups the analysis cannot see, so its answers carry this unknown.
   */
  placementUnknown(r: Resource): string | undefined;
  /** TCP ports `from` can open to `to` (a union over their endpoint groups), with the evidence of the first pair that allows any. */
  between(from: Source, to: Resource): Path;
  /** The network alone, whoever opens the connection (a classic load balancer to its instances). */
  network(from: Source, to: Resource): Path;
  /** How the internet reaches `r`: directly, and through internet-facing load balancers that target it. */
  exposure(r: Resource): Exposure;
  readonly groups: readonly EndpointGroup[];
  /** TCP ports from one endpoint group to another (cached). */
  betweenGroups(a: EndpointGroup, b: EndpointGroup): Path;
  /**
   * The endpoint groups that could exchange traffic with `g` at all: those of its own VPC and of VPCs
   * joined to it by a peering connection or transit gateway. Every other pair has no route, so callers
   * iterate these instead of every group (which is quadratic in a large account).
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
  /** Reachable through these load balancers (listener port → target port); a path may be unknown only. */
  viaLoadBalancers: {
    lb: ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer">;
    listenerPort: number;
    path: Path;
  }[];
}

/** Whether anything about an exposure is unknown, and why (all reasons, deduplicated). */
export function exposureUnknowns(e: Exposure): string[] {
  const reasons = new Set<string>();
  for (const p of [e.world, e.restricted, ...e.viaLoadBalancers.map((v) => v.path)])
    for (const r of p.unknown?.reasons ?? []) reasons.add(r);
  return [...reasons];
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

/**
 * One step's answer: `proven` ports it lets through from recorded data, and `possible` ⊇ proven, those it
 * may let through given what was not recorded (`reasons`, empty when possible = proven).
 */
interface Stage {
  proven: PortSet;
  possible: PortSet;
  hops: Hop[];
  reasons: string[];
}

const known = (ports: PortSet, hops: Hop[] = []): Stage => ({
  proven: ports,
  possible: ports,
  hops,
  reasons: [],
});
/** A step nothing recorded: it may let everything in `within` through. */
const unrecorded = (within: PortSet, reason: string, resourceId?: string): Stage => ({
  proven: NO_PORTS,
  possible: within,
  hops: [{ kind: "unknown", ...(resourceId ? { resourceId } : {}), text: `unknown: ${reason}` }],
  reasons: [reason],
});

/** A path through steps in order: each one narrows what the previous ones let through. */
function chain(stages: Stage[], prefix: Hop[] = []): Path {
  let proven: PortSet = ALL_PORTS;
  let possible: PortSet = ALL_PORTS;
  const hops: Hop[] = [...prefix];
  const reasons: string[] = [];
  for (const st of stages) {
    proven = intersect(proven, st.proven);
    possible = intersect(possible, st.possible);
    hops.push(...st.hops);
    for (const r of st.reasons) if (!reasons.includes(r)) reasons.push(r);
    if (isEmpty(possible)) return NO_PATH;
  }
  const extra = subtract(possible, proven);
  if (isEmpty(extra)) return isEmpty(proven) ? NO_PATH : { ports: proven, hops };
  return {
    ports: proven,
    hops: isEmpty(proven) ? [] : hops,
    unknown: { ports: extra, reasons, hops },
  };
}

/** The union of several answers (a resource's endpoint groups, several pairs): proven and unknown apart. */
export function combinePaths(paths: readonly Path[]): Path {
  let ports: PortSet = NO_PORTS;
  let hops: Hop[] = [];
  let maybe: PortSet = NO_PORTS;
  let maybeHops: Hop[] = [];
  const reasons: string[] = [];
  for (const p of paths) {
    if (!isEmpty(p.ports)) {
      if (isEmpty(ports)) hops = p.hops;
      ports = union(ports, p.ports);
    }
    if (p.unknown) {
      if (isEmpty(maybe)) maybeHops = p.unknown.hops;
      maybe = union(maybe, p.unknown.ports);
      for (const r of p.unknown.reasons) if (!reasons.includes(r)) reasons.push(r);
    }
  }
  const extra = subtract(maybe, ports);
  if (isEmpty(extra)) return isEmpty(ports) ? NO_PATH : { ports, hops };
  return { ports, hops, unknown: { ports: extra, reasons, hops: maybeHops } };
}

/** An address block a rule is compared with: a subnet's CIDR, or the internet. */
type Peer = { kind: "block"; cidr: string | undefined } | { kind: "internet" };

export function computeReachability(graph: Graph, subnets: Map<string, SubnetFacts>): Reachability {
  const prefixLists = new Map<string, ResourceOf<"AWS::EC2::PrefixList">>();
  for (const pl of graph.ofType("AWS::EC2::PrefixList")) {
    prefixLists.set(`${pl.account}/${pl.region}/${pl.props.prefixListId}`, pl);
    if (pl.props.entries || !prefixLists.has(`*/${pl.region}/${pl.props.prefixListId}`))
      prefixLists.set(`*/${pl.region}/${pl.props.prefixListId}`, pl);
  }
  const sgById = new Map<string, Sg>();
  for (const sg of graph.ofType("AWS::EC2::SecurityGroup"))
    sgById.set(`${sg.account}/${sg.region}/${sg.props.groupId}`, sg);
  const aclBySubnet = new Map<string, ResourceOf<"AWS::EC2::NetworkAcl">>();
  /** Network ACL answers by ACL, direction, peer block and ports (see naclPorts). */
  const naclCache = new Map<string, Stage>();
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

  // ── VPCs joined by peering or transit gateway routes, or by a peering connection whose route tables are not all known ──
  const vpcsByLink = new Map<string, Set<string>>();
  for (const rt of graph.ofType("AWS::EC2::RouteTable")) {
    for (const r of rt.props.routes) {
      if (r.targetKind !== "vpc-peering" && r.targetKind !== "transit-gateway") continue;
      const set = vpcsByLink.get(r.targetId) ?? new Set<string>();
      set.add(`${rt.account}/${rt.region}/${rt.props.vpcId}`);
      vpcsByLink.set(r.targetId, set);
    }
  }
  // A VPC with a subnet of unknown class may route over any of its active peering connections.
  const vagueVpcs = new Set<string>();
  for (const f of subnets.values())
    if (f.class === "unknown")
      vagueVpcs.add(`${f.subnet.account}/${f.subnet.region}/${f.subnet.props.vpcId}`);
  for (const pcx of graph.ofType("AWS::EC2::VPCPeeringConnection")) {
    if (pcx.props.status !== "active") continue;
    const sides = [pcx.props.requester, pcx.props.accepter].map((x) => `${x.account}/${x.region}/${x.vpcId}`);
    if (!sides.some((v) => vagueVpcs.has(v))) continue;
    const set = vpcsByLink.get(pcx.props.vpcPeeringConnectionId) ?? new Set<string>();
    for (const v of sides) set.add(v);
    vpcsByLink.set(pcx.props.vpcPeeringConnectionId, set);
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
  /** Resources naming a subnet the snapshot does not hold: their placement is not fully known. */
  const vaguePlacement = new Map<string, string>();
  const groupFor = (
    account: string,
    region: string,
    subnetId: string,
    sgIds: string[],
    publicIp: boolean,
  ): EndpointGroup | undefined => {
    const subnet = subnetByNative.get(`${account}/${region}/${subnetId}`);
    if (!subnet) return undefined;
    const ids = [...new Set(sgIds)].sort();
    // A public address is part of the key: an ENI without one is not exposed because another ENI with the
    // same groups in the same subnet is.
    const key = `${account}/${region}/${subnetId}|${ids.join(",")}${publicIp ? "|public" : ""}`;
    let g = groups.get(key);
    if (!g) {
      const sgs: Sg[] = [];
      const missingSgIds: string[] = [];
      for (const id of ids) {
        const sg = sgById.get(`${account}/${region}/${id}`);
        if (sg) sgs.push(sg);
        else missingSgIds.push(id);
      }
      g = {
        key,
        vpcKey: `${account}/${region}/${subnet.subnet.props.vpcId}`,
        subnet,
        sgIds: ids,
        sgs,
        missingSgIds,
        enis: [],
        publicIp,
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
    const g = groupFor(
      eni.account,
      eni.region,
      eni.props.subnetId,
      eni.props.securityGroupIds,
      eni.props.publicIp !== null,
    );
    if (!g) {
      const why = `subnet ${eni.props.subnetId} of network interface ${eni.props.networkInterfaceId} is not recorded`;
      vaguePlacement.set(eni.id, why);
      if (eni.props.attachedTo) vaguePlacement.set(eni.props.attachedTo, why);
      continue;
    }
    g.enis.push(eni);
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
      publicIp?: unknown;
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
    const out: EndpointGroup[] = [];
    const missing: string[] = [];
    // No ENI listed it (a dump without describe-network-interfaces): the resource's own public address
    // counts, or what its type says (an internet-facing load balancer, a publicly accessible database).
    const publicIp = typeof p.publicIp === "string" || FRONT_DOORS[r.type]?.publicAddress?.(r) === true;
    for (const s of subnetIds) {
      const g = groupFor(r.account, r.region, s, sgIds, publicIp);
      if (g) out.push(g);
      else missing.push(s);
    }
    if (missing.length > 0 && !vaguePlacement.has(r.id))
      vaguePlacement.set(
        r.id,
        `subnet${missing.length === 1 ? "" : "s"} ${missing.join(", ")} where ${r.name ?? r.id} is placed ${missing.length === 1 ? "is" : "are"} not recorded`,
      );
    groupsByOwner.set(r.id, out);
    return out;
  }

  function placementUnknown(r: Resource): string | undefined {
    groupsOf(r);
    return vaguePlacement.get(r.id);
  }

  // ── security groups ──
  function sgPorts(
    g: Pick<EndpointGroup, "sgs" | "missingSgIds">,
    direction: "ingress" | "egress",
    peer: EndpointGroup | "internet",
    worldOnly = false,
  ): Stage {
    let ports: PortSet = NO_PORTS;
    let maybe: PortSet = NO_PORTS;
    const hops: Hop[] = [];
    const reasons: string[] = [];
    const vague = (ps: PortSet, reason: string, resourceId?: string) => {
      maybe = union(maybe, ps);
      if (!reasons.includes(reason)) {
        reasons.push(reason);
        hops.push({ kind: "unknown", ...(resourceId ? { resourceId } : {}), text: `unknown: ${reason}` });
      }
    };
    for (const id of g.missingSgIds) vague(ALL_PORTS, `security group ${id} is not recorded`);
    for (const sg of g.sgs) {
      const rules = sg.props[direction];
      if (!rules) {
        vague(ALL_PORTS, `the ${direction} rules of security group ${sgLabel(sg)} are not recorded`, sg.id);
        continue;
      }
      rules.forEach((rule) => {
        const rp = ruleTraffic(rule.protocol, rule.fromPort, rule.toPort);
        if (isEmpty(rp)) return;
        const m = ruleMatches(rule, peer, sg, worldOnly);
        if (m.unknown) vague(rp, m.unknown, sg.id);
        const why = m.why;
        if (!why) return;
        const added = subtract(rp, ports);
        if (isEmpty(added)) return;
        ports = union(ports, rp);
        hops.push({
          kind: "security-group",
          resourceId: sg.id,
          ports: rp,
          // Evidence text is built only when a finding reads it: most pairs are never reported.
          get text() {
            return `security group ${sgLabel(sg)} ${direction} ${formatTraffic(rp)} ${direction === "ingress" ? "from" : "to"} ${why}`;
          },
        });
      });
    }
    return { proven: ports, possible: union(ports, maybe), hops, reasons };
  }

  /** Whether a rule names the peer (`why`), and what about it is unknown (a prefix list, a CIDR not recorded). */
  function ruleMatches(
    rule: SecurityGroupRule,
    peer: EndpointGroup | "internet",
    sg: Sg,
    worldOnly: boolean,
  ): { why?: string; unknown?: string } {
    // Prefix lists stand for their entries' CIDRs; one whose entries were not recorded is unknown.
    const resolved: { cidr: string; list: string }[] = [];
    const unresolved: string[] = [];
    for (const id of rule.prefixListIds) {
      const entries = prefixListEntries(sg, id);
      if (entries) for (const cidr of entries) resolved.push({ cidr, list: id });
      else unresolved.push(id);
    }
    const lists =
      unresolved.length > 0
        ? `prefix list${unresolved.length === 1 ? "" : "s"} ${unresolved.join(", ")} in ${sgLabel(sg)}: ${unresolved.length === 1 ? "its" : "their"} entries are not recorded`
        : undefined;
    const named = (c: { cidr: string; list: string }) => `${c.cidr} (in prefix list ${c.list})`;
    if (peer === "internet") {
      const pick = (c: string) => (worldOnly ? isWorld(c) : isPublicCidr(c) && !isWorld(c));
      const cidrs = [
        ...[...rule.ipv4Ranges, ...rule.ipv6Ranges].filter(pick),
        ...resolved.filter((c) => pick(c.cidr)).map(named),
      ];
      return cidrs.length > 0 ? { why: cidrs.join(", ") } : lists && !worldOnly ? { unknown: lists } : {};
    }
    // A reference names the group's account when it is another one (a peered VPC of another account):
    // it matches a peer in that account, which resolves when both accounts are in the snapshot.
    const peerAccount = peer.subnet.subnet.account;
    for (const ref of rule.groupRefs) {
      if ((ref.account ?? sg.account) === peerAccount && peer.sgIds.includes(ref.groupId))
        return {
          why: `${ref.groupId}${peerAccount !== sg.account ? ` of account ${peerAccount}` : ""} (a group the peer is in)`,
        };
    }
    const block = peer.subnet.subnet.props.cidrBlock;
    if (block === undefined) {
      // The subnet lies in one of its VPC's blocks (primary or secondary): a range outside all of them
      // cannot name it, whatever the subnet's own block is.
      const within = vpcBlocks(peer.subnet.subnet);
      const candidates = [...rule.ipv4Ranges, ...resolved.map((c) => c.cidr)].filter(
        (c) => !within || within.some((v) => cidrOverlaps(c, v)),
      );
      return candidates.length > 0 || lists
        ? { unknown: `the address block of subnet ${peer.subnet.subnet.props.subnetId} is not recorded` }
        : {};
    }
    const cidr = rule.ipv4Ranges.find((c) => cidrOverlaps(c, block));
    if (cidr) return { why: cidr };
    const fromList = resolved.find((c) => cidrOverlaps(c.cidr, block));
    return fromList ? { why: named(fromList) } : lists ? { unknown: lists } : {};
  }

  /** The IPv4 blocks of a subnet's VPC (primary and secondary), when recorded. */
  function vpcBlocks(subnet: ResourceOf<"AWS::EC2::Subnet">): string[] | undefined {
    const vpc = graph.ec2(subnet, "vpc", subnet.props.vpcId, "AWS::EC2::VPC");
    if (!vpc) return undefined;
    return vpc.props.cidrBlocks ?? (vpc.props.cidrBlock ? [vpc.props.cidrBlock] : undefined);
  }

  /** A prefix list's CIDRs as seen from a group's account and region (a shared list: any account's), or undefined. */
  function prefixListEntries(sg: Sg, id: string): string[] | undefined {
    const pl = prefixLists.get(`${sg.account}/${sg.region}/${id}`) ?? prefixLists.get(`*/${sg.region}/${id}`);
    return pl?.props.entries?.map((e) => e.cidr);
  }

  // ── network ACLs ──
  function naclPorts(subnet: SubnetFacts, egress: boolean, peer: Peer, within: PortSet): Stage {
    const found = cached(subnetAcl, subnet, () => {
      const a = aclBySubnet.get(
        `${subnet.subnet.account}/${subnet.subnet.region}/${subnet.subnet.props.subnetId}`,
      );
      return a ? { acl: a, num: intern(a.id) } : null;
    });
    if (!found)
      return unrecorded(within, `no network ACL of subnet ${subnet.subnet.props.subnetId} is recorded`);
    const acl = found.acl;
    const entries = acl.props.entries;
    if (!entries)
      return unrecorded(
        within,
        `the rules of network ACL ${acl.props.networkAclId} are not recorded`,
        acl.id,
      );
    if (peer.kind === "block" && peer.cidr === undefined)
      return unrecorded(
        within,
        `the address block of a subnet network ACL ${acl.props.networkAclId} is asked about is not recorded`,
        acl.id,
      );
    // The same ACL is asked about the same peer block and ports for many group pairs: answer once.
    let key = `${found.num}|${egress ? 1 : 0}|${peer.kind === "internet" ? -1 : intern(peer.cidr ?? "")}|`;
    for (const w of within) key += `${w[0]}-${w[1]},`;
    return cached(naclCache, key, () => evaluateNacl(acl, entries, egress, peer, within));
  }

  function evaluateNacl(
    acl: ResourceOf<"AWS::EC2::NetworkAcl">,
    entries: readonly NetworkAclEntry[],
    egress: boolean,
    peer: Peer,
    within: PortSet,
  ): Stage {
    let undecided = within;
    let allowed: PortSet = NO_PORTS;
    const hops: Hop[] = [];
    for (const e of entries) {
      if (e.egress !== egress) continue;
      const traffic = ruleTraffic(e.protocol, e.fromPort, e.toPort);
      if (isEmpty(traffic)) continue;
      const match = entryMatch(e, peer);
      if (match === "none") continue;
      const take = intersect(undecided, traffic);
      if (isEmpty(take)) continue;
      if (e.ruleAction === "allow") {
        allowed = union(allowed, take);
        undecided = subtract(undecided, take);
        hops.push({
          kind: "nacl",
          resourceId: acl.id,
          ports: take,
          get text() {
            return `network ACL ${acl.props.networkAclId} rule ${e.ruleNumber} allows ${formatTraffic(take)} ${egress ? "out to" : "in from"} ${e.cidrBlock ?? e.ipv6CidrBlock}`;
          },
        });
      } else if (match === "full" && !icmpTypeUnknown(e.protocol, e.fromPort)) {
        // A deny of ICMP whose type was not recorded may cover only some types: it blocks nothing for sure.
        undecided = subtract(undecided, take);
      }
    }
    return known(allowed, hops);
  }

  function entryMatch(e: NetworkAclEntry, peer: Peer): "full" | "partial" | "none" {
    const cidr = e.cidrBlock ?? e.ipv6CidrBlock;
    if (!cidr) return "none";
    if (peer.kind === "internet") return isWorld(cidr) ? "full" : isPublicCidr(cidr) ? "partial" : "none";
    if (!parseCidr(cidr) || peer.cidr === undefined) return "none";
    if (cidrContains(cidr, peer.cidr)) return "full";
    return cidrOverlaps(cidr, peer.cidr) ? "partial" : "none";
  }

  // ── routes ──
  /**
   * The longest-prefix route for a block; a route to a prefix list counts for each of its CIDRs. `vague`
   * names a prefix list whose entries were not recorded (it might hold a longer prefix).
   */
  function routeLookup(from: SubnetFacts, toCidr: string): { best: Route | undefined; vague?: string } {
    const table = from.routeTable;
    const routes = table?.props.routes ?? [];
    let best: Route | undefined;
    let bestLen = -1;
    let vague: string | undefined;
    for (const r of routes) {
      if (r.state !== "active") continue;
      let dests: string[] = r.destinationCidr ? [r.destinationCidr] : [];
      if (r.destinationPrefixListId && table) {
        const pl =
          prefixLists.get(`${table.account}/${table.region}/${r.destinationPrefixListId}`) ??
          prefixLists.get(`*/${table.region}/${r.destinationPrefixListId}`);
        if (pl?.props.entries) dests = pl.props.entries.map((e) => e.cidr);
        else vague ??= r.destinationPrefixListId;
      }
      for (const d of dests) {
        const c = parseCidr(d);
        if (c && cidrContains(d, toCidr) && c.prefix > bestLen) {
          best = r;
          bestLen = c.prefix;
        }
      }
    }
    return { best, ...(vague ? { vague } : {}) };
  }

  function routeStage(a: EndpointGroup, b: EndpointGroup): Stage | undefined {
    if (a.vpcKey === b.vpcKey)
      return known(ALL_PORTS, [
        {
          kind: "route",
          get text() {
            return `same VPC ${b.subnet.subnet.props.vpcId}: local route`;
          },
        },
      ]);
    const vague = [a, b].find((g) => g.subnet.class === "unknown");
    if (vague)
      return unrecorded(
        ALL_PORTS,
        `routes of subnet ${vague.subnet.subnet.props.subnetId}: ${vague.subnet.unknownReason ?? "not recorded"}`,
      );
    const aBlock = a.subnet.subnet.props.cidrBlock;
    const bBlock = b.subnet.subnet.props.cidrBlock;
    if (aBlock === undefined || bBlock === undefined)
      return unrecorded(
        ALL_PORTS,
        `the address block of subnet ${(aBlock === undefined ? a : b).subnet.subnet.props.subnetId} is not recorded`,
      );
    const thereLookup = routeLookup(a.subnet, bBlock);
    const backLookup = routeLookup(b.subnet, aBlock);
    const vagueList = thereLookup.vague ?? backLookup.vague;
    if (vagueList)
      return unrecorded(
        ALL_PORTS,
        `the entries of prefix list ${vagueList}, which a route of ${(thereLookup.vague ? a : b).subnet.routeTable?.props.routeTableId} names, are not recorded`,
      );
    const there = thereLookup.best;
    const back = backLookup.best;
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
    return known(ALL_PORTS, [
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
    ]);
  }

  // What one group's security groups let through to or from a peer group depends only on the two
  // sets of security groups and the peer's subnet block: many group pairs share it (every instance
  // subnet of a tier), so it is computed once per such key.
  const sgCache = new Map<string, Stage>();
  const neighbourCache = new Map<string, { size: number; list: EndpointGroup[] }>();
  const sgSetKeys = new WeakMap<EndpointGroup, { sgs: number; withBlock: string }>();
  /** A group's security-group set, and that set with its subnet block, as interned numbers. */
  const sgSetKey = (g: EndpointGroup) =>
    cached(sgSetKeys, g, () => {
      const sgs = intern(`${g.vpcKey}|${g.sgIds.join(",")}`);
      return { sgs, withBlock: `${sgs}:${intern(g.subnet.subnet.props.cidrBlock ?? `?${g.key}`)}` };
    });
  function sgPortsBetween(g: EndpointGroup, direction: "ingress" | "egress", peer: EndpointGroup): Stage {
    const key = `${sgSetKey(g).sgs}|${direction === "ingress" ? 1 : 0}|${sgSetKey(peer).withBlock}`;
    return cached(sgCache, key, () => sgPorts(g, direction, peer));
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
    if (isEmpty(out.possible)) return NO_PATH;
    const inn = sgPortsBetween(b, "ingress", a);
    if (isEmpty(intersect(out.possible, inn.possible))) return NO_PATH;
    const route = routeStage(a, b);
    if (!route) return NO_PATH;
    const stages: Stage[] = [route, out];
    if (a.subnet !== b.subnet) {
      const aBlock: Peer = { kind: "block", cidr: a.subnet.subnet.props.cidrBlock };
      const bBlock: Peer = { kind: "block", cidr: b.subnet.subnet.props.cidrBlock };
      const within = intersect(out.possible, inn.possible);
      const naclOut = naclPorts(a.subnet, true, bBlock, within);
      const naclIn = naclPorts(b.subnet, false, aBlock, naclOut.possible);
      stages.push(
        naclOut,
        naclIn,
        returnGate(naclIn.possible, { subnet: a.subnet, peer: bBlock }, b.subnet, aBlock),
      );
    }
    stages.push(inn);
    return chain(stages);
  }

  /**
   * The return traffic as a step, per protocol: a reply must get back for a request to count (a TCP or UDP
   * reply to one of the client's ephemeral ports, an ICMP echo reply), through the server's subnet ACL
   * outbound and, when the client is in a subnet, the client's ACL inbound, on the same client port. Every
   * port of a protocol passes when its reply gets through, none when it cannot, unknown when unrecorded.
   */
  function returnGate(
    within: PortSet,
    client: { subnet: SubnetFacts; peer: Peer } | undefined,
    server: SubnetFacts,
    clientPeer: Peer,
  ): Stage {
    let proven: PortSet = NO_PORTS;
    let possible: PortSet = NO_PORTS;
    const hops: Hop[] = [];
    const reasons: string[] = [];
    for (const p of PROTOCOLS) {
      const range = protocolRange(p);
      if (isEmpty(intersect(within, range))) continue;
      const out = naclPorts(server, true, clientPeer, EPHEMERAL[p]);
      const back = client ? naclPorts(client.subnet, false, client.peer, out.possible) : out;
      const sure = client ? intersect(out.proven, back.proven) : out.proven;
      if (!isEmpty(sure)) proven = union(proven, range);
      if (!isEmpty(back.possible)) possible = union(possible, range);
      for (const st of client ? [out, back] : [out])
        for (const r of st.reasons)
          if (!reasons.includes(r)) {
            reasons.push(r);
            hops.push(...st.hops.filter((h) => h.kind === "unknown"));
          }
    }
    return { proven, possible, hops, reasons };
  }

  function fromInternet(b: EndpointGroup, worldOnly: boolean): Path {
    if (!b.publicIp) return NO_PATH;
    const cls = b.subnet.class;
    if (cls !== "public" && cls !== "unknown") return NO_PATH;
    // VPC Block Public Access drops internet ingress at the gateway, whatever else allows it. Not recorded:
    // not assumed (an exposure stays reported rather than hidden on a guess).
    if (internetIngressBlock(graph, b.subnet.subnet).blocked === true) return NO_PATH;
    const inn = sgPorts(b, "ingress", "internet", worldOnly);
    if (isEmpty(inn.possible)) return NO_PATH;
    const nacl = naclPorts(b.subnet, false, { kind: "internet" }, inn.possible);
    const ret = returnGate(nacl.possible, undefined, b.subnet, { kind: "internet" });
    const igw = b.subnet.defaultRoute;
    const route =
      cls === "public"
        ? known(ALL_PORTS, [
            {
              kind: "internet",
              text: `public IP on an ENI in public subnet ${b.subnet.subnet.name ?? b.subnet.subnet.props.subnetId} (${igw?.destinationCidr ?? igw?.destinationIpv6Cidr} → ${igw?.targetId})`,
            },
          ])
        : unrecorded(
            ALL_PORTS,
            `whether subnet ${b.subnet.subnet.name ?? b.subnet.subnet.props.subnetId} routes to an internet gateway: ${b.subnet.unknownReason ?? "its route table is not recorded"}`,
            b.subnet.subnet.id,
          );
    return chain([route, nacl, ret, inn]);
  }

  /** The unknown a resource's unrecorded placement adds to its answers (it may sit where anything reaches it). */
  function withPlacement(r: Resource, p: Path): Path {
    const why = vaguePlacement.get(r.id);
    if (!why) return p;
    return combinePaths([
      p,
      {
        ports: NO_PORTS,
        hops: [],
        unknown: { ports: ALL_PORTS, reasons: [why], hops: [{ kind: "unknown", text: `unknown: ${why}` }] },
      },
    ]);
  }

  function between(from: Source, to: Resource): Path {
    if (from !== "internet" && PASSIVE_TYPES.has(from.type)) return fromPassive(from, to);
    return networkBetween(from, to);
  }

  /**
   * A database, cache or bucket opens no connections; a load balancer opens them only to its targets: an
   * ALB or NLB on the target group's port (what the listener → target group → target hops decide), a
   * classic ELB to its registered instances on its listeners' instance ports.
   */
  function fromPassive(from: Resource, to: Resource): Path {
    const targeted =
      from.type === "AWS::ElasticLoadBalancingV2::LoadBalancer"
        ? targetPortsFrom(from.id, to)
        : from.type === "AWS::ElasticLoadBalancing::LoadBalancer"
          ? classicPortsTo(from as ResourceOf<"AWS::ElasticLoadBalancing::LoadBalancer">, to)
          : undefined;
    if (!targeted) return NO_PATH;
    const { ports, vague } = targeted;
    if (isEmpty(ports) && isEmpty(vague)) return NO_PATH;
    const p = networkBetween(from, to);
    const sure = intersect(p.ports, ports);
    const maybe = subtract(intersect(possiblePorts(p), union(ports, vague)), sure);
    if (isEmpty(maybe)) return isEmpty(sure) ? NO_PATH : { ports: sure, hops: p.hops };
    const reasons = [
      ...(p.unknown?.reasons ?? []),
      ...(isEmpty(vague)
        ? []
        : [`the targets of a target group of ${from.name ?? from.id} are not recorded`]),
    ];
    return {
      ports: sure,
      hops: isEmpty(sure) ? [] : p.hops,
      unknown: { ports: maybe, reasons: [...new Set(reasons)], hops: p.unknown?.hops ?? p.hops },
    };
  }

  /** The ports a load balancer sends to `to` on (its target groups that target it), and those it may (targets not recorded). */
  /** The instance ports a classic ELB forwards to `to`: none unless `to` is one of its registered instances. */
  function classicPortsTo(
    elb: ResourceOf<"AWS::ElasticLoadBalancing::LoadBalancer">,
    to: Resource,
  ): { ports: PortSet; vague: PortSet } {
    const instanceId =
      to.type === "AWS::EC2::Instance" ? (to.props as { instanceId?: unknown }).instanceId : undefined;
    if (typeof instanceId !== "string" || !elb.props.instanceIds.includes(instanceId))
      return { ports: NO_PORTS, vague: NO_PORTS };
    const ports = union(
      ...elb.props.listeners.map((l) => protocolPorts("tcp", l.instancePort, l.instancePort)),
    );
    return { ports, vague: NO_PORTS };
  }

  function targetPortsFrom(lbArn: string, to: Resource): { ports: PortSet; vague: PortSet } {
    let ports: PortSet = NO_PORTS;
    let vague: PortSet = NO_PORTS;
    for (const { tg, vague: unsure, port } of targetGroupsFor(to)) {
      if (!tg.props.loadBalancerArns.includes(lbArn)) continue;
      const tp = trafficOn(tg.props.protocol, port);
      if (unsure) vague = union(vague, tp);
      else ports = union(ports, tp);
    }
    return { ports, vague: subtract(vague, ports) };
  }

  function networkBetween(from: Source, to: Resource): Path {
    const targets = groupsOf(to);
    if (from === "internet")
      return withPlacement(
        to,
        combinePaths(
          targets.map((b) => fromInternet(b, false)).concat(targets.map((b) => fromInternet(b, true))),
        ),
      );
    const sources = groupsOf(from);
    const p = combinePaths(sources.flatMap((a) => targets.map((b) => groupToGroup(a, b))));
    return withPlacement(to, withPlacement(from, p));
  }

  // Several rules ask about the same resource, and every target of a load balancer asks about its front:
  // each answer is computed once per run.
  const exposureCache = new Map<string, Exposure>();
  function exposure(r: Resource): Exposure {
    return cached(exposureCache, r.id, () => computeExposure(r));
  }

  function computeExposure(r: Resource): Exposure {
    const gs = groupsOf(r);
    const world = withPlacement(r, combinePaths(gs.map((g) => fromInternet(g, true))));
    const restricted = withPlacement(r, combinePaths(gs.map((g) => fromInternet(g, false))));
    const worldPossible = possiblePorts(world);
    const rest: Path = {
      ports: subtract(restricted.ports, worldPossible),
      hops: restricted.hops,
      ...(restricted.unknown && !isEmpty(subtract(restricted.unknown.ports, worldPossible))
        ? { unknown: { ...restricted.unknown, ports: subtract(restricted.unknown.ports, worldPossible) } }
        : {}),
    };
    if (r.type === "AWS::ElasticLoadBalancingV2::LoadBalancer") {
      const lb = r as ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer">;
      return {
        world: onListeners(lb, world),
        restricted: onListeners(lb, rest),
        viaLoadBalancers: [],
      };
    }
    return { world, restricted: rest, viaLoadBalancers: viaLbs(r) };
  }

  /**
   * What reaches a load balancer is what its listeners accept: a port its security group opens without a
   * listener answers nothing. Listeners not recorded: the open ports may be listened on (unknown). An NLB
   * without security groups accepts whatever its listeners do.
   */
  function onListeners(lb: ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer">, p: Path): Path {
    const listeners = listenersOf(lb);
    const gap = graph.recorded.gap(lb.account, lb.region, "AWS::ElasticLoadBalancingV2::Listener");
    if (listeners.length === 0 && gap) {
      const maybe = possiblePorts(p);
      if (isEmpty(maybe)) return NO_PATH;
      const reason = `the listeners of ${lb.props.name}: ${gap}`;
      return {
        ports: NO_PORTS,
        hops: [],
        unknown: {
          ports: maybe,
          reasons: [...new Set([...(p.unknown?.reasons ?? []), reason])],
          hops: [
            ...(isEmpty(p.ports) ? (p.unknown?.hops ?? []) : p.hops),
            { kind: "unknown", resourceId: lb.id, text: `unknown: ${reason}` },
          ],
        },
      };
    }
    let on: PortSet = NO_PORTS;
    for (const l of listeners) on = union(on, trafficOn(l.props.protocol, l.props.port));
    const ports = intersect(p.ports, on);
    const maybe = p.unknown ? intersect(p.unknown.ports, on) : NO_PORTS;
    const hops = [
      ...p.hops,
      ...listeners
        .filter((l) => !isEmpty(intersect(ports, trafficOn(l.props.protocol, l.props.port))))
        .map(
          (l): Hop => ({
            kind: "listener",
            resourceId: l.id,
            ports: trafficOn(l.props.protocol, l.props.port),
            text: `listener ${l.props.protocol}:${l.props.port} on ${lb.props.name}`,
          }),
        ),
    ];
    if (isEmpty(maybe)) return isEmpty(ports) ? NO_PATH : { ports, hops };
    return { ports, hops: isEmpty(ports) ? [] : hops, unknown: { ...(p.unknown as Unknown), ports: maybe } };
  }

  // Target groups by what they target (instance id, ARN, IP, or a `targets` edge's resource), built on
  // first use: asking every target group about every resource is quadratic in a large account.
  type TargetGroup = ResourceOf<"AWS::ElasticLoadBalancingV2::TargetGroup">;
  let tgIndex: Map<string, { tg: TargetGroup; order: number }[]> | undefined;
  /** Target groups whose targets were not recorded, by VPC: any instance or address there may be one. */
  let vagueTgs: Map<string, TargetGroup[]> | undefined;
  function targetGroupsOf(keys: readonly string[]): TargetGroup[] {
    if (!tgIndex) {
      const index = new Map<string, { tg: TargetGroup; order: number }[]>();
      const vague = new Map<string, TargetGroup[]>();
      const add = (key: string, entry: { tg: TargetGroup; order: number }) => {
        const list = index.get(key);
        if (!list) index.set(key, [entry]);
        else if (!list.includes(entry)) list.push(entry);
      };
      graph.ofType("AWS::ElasticLoadBalancingV2::TargetGroup").forEach((tg, order) => {
        const entry = { tg, order };
        if (tg.props.targets === undefined) {
          if (tg.props.vpcId) push(vague, `${tg.account}/${tg.region}/${tg.props.vpcId}`, tg);
        } else for (const t of tg.props.targets) add(t.id, entry);
        for (const e of graph.out(tg.id, "targets")) add(e.to, entry);
      });
      tgIndex = index;
      vagueTgs = vague;
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

  const TARGET_KIND: Partial<Record<string, TargetGroup["props"]["targetType"]>> = {
    "AWS::EC2::Instance": "instance",
    "AWS::Lambda::Function": "lambda",
    "AWS::ECS::Service": "ip",
    "AWS::EC2::NetworkInterface": "ip",
  };

  /** The target groups that target `r` (or may: `vague`, its targets not recorded), with the port each sends to. */
  function targetGroupsFor(r: Resource): { tg: TargetGroup; vague: boolean; port: number }[] {
    const targetIds = new Set<string>([r.id]);
    const native = (r.props as { instanceId?: string }).instanceId;
    if (native) targetIds.add(native);
    const ips = new Set(
      groupsOf(r).flatMap((g) =>
        g.enis.filter((e) => e.props.attachedTo === r.id).flatMap((e) => e.props.privateIpAddresses),
      ),
    );
    const candidates = targetGroupsOf([...targetIds, ...ips]).map((tg) => ({ tg, vague: false }));
    // A target group of the resource's VPC and kind whose targets nobody read may include it.
    const kind = TARGET_KIND[r.type];
    if (kind)
      for (const vpc of new Set(groupsOf(r).map((g) => g.vpcKey)))
        for (const tg of vagueTgs?.get(vpc) ?? [])
          if (tg.props.targetType === kind) candidates.push({ tg, vague: true });
    const out: { tg: TargetGroup; vague: boolean; port: number }[] = [];
    for (const { tg, vague } of candidates) {
      const target = tg.props.targets?.find((t) => targetIds.has(t.id) || ips.has(t.id));
      const viaService = graph.out(tg.id, "targets").some((e) => e.to === r.id);
      if (!target && !viaService && !vague) continue;
      if (out.some((o) => o.tg === tg)) continue;
      out.push({ tg, vague: vague && !target && !viaService, port: target?.port ?? tg.props.port ?? 0 });
    }
    return out;
  }

  function viaLbs(r: Resource): Exposure["viaLoadBalancers"] {
    const out: Exposure["viaLoadBalancers"] = [];
    for (const { tg, vague, port: targetPort } of targetGroupsFor(r)) {
      for (const lbArn of tg.props.loadBalancerArns) {
        const lb = graph.getOfType(lbArn, "AWS::ElasticLoadBalancingV2::LoadBalancer");
        if (lb?.props.scheme !== "internet-facing") continue;
        const listenersGap = graph.recorded.gap(
          lb.account,
          lb.region,
          "AWS::ElasticLoadBalancingV2::Listener",
        );
        const listeners = listenersOf(lb).filter((l) =>
          l.props.defaultActions.some((a) => a.type === "forward" && a.targetGroupArns.includes(tg.id)),
        );
        const fronts: { port: number | undefined; listener?: Listener }[] = listeners.map((l) => ({
          port: l.props.port,
          listener: l,
        }));
        const tp = trafficOn(tg.props.protocol, targetPort);
        // Listeners not recorded: the load balancer may forward to this group on any port.
        if (listenersGap && fronts.length === 0) fronts.push({ port: undefined });
        for (const f of fronts) {
          const front =
            f.port === undefined || !f.listener ? between("internet", lb) : exposureOfLb(lb, f.listener);
          if (isEmpty(possiblePorts(front))) continue;
          const back = networkBetween(lb, r);
          const backOpen = intersect(back.ports, tp);
          const backMaybe = intersect(possiblePorts(back), tp);
          if (isEmpty(backMaybe)) continue;
          const reasons = [
            ...(vague ? [`the targets of target group ${tg.props.name} are not recorded`] : []),
            ...(f.port === undefined ? [`the listeners of ${lb.props.name}: ${listenersGap}`] : []),
            ...(front.unknown && isEmpty(front.ports) ? front.unknown.reasons : []),
            ...(isEmpty(backOpen) ? (back.unknown?.reasons ?? []) : []),
          ];
          const hops: Hop[] = [
            // The front's steps are about the listener port, the rest about the target port: the front's
            // are kept for the listener port and no longer port-specific, so a target-port filter keeps them.
            ...frontHops(isEmpty(front.ports) ? (front.unknown?.hops ?? []) : front.hops, f.listener),
            f.listener
              ? {
                  kind: "listener",
                  resourceId: f.listener.id,
                  text: `listener ${f.listener.props.protocol}:${f.listener.props.port} on ${lb.props.name} forwards to target group ${tg.props.name}`,
                }
              : {
                  kind: "unknown",
                  resourceId: lb.id,
                  text: `unknown: the listeners of ${lb.props.name} are not recorded`,
                },
            {
              kind: vague ? "unknown" : "target-group",
              resourceId: tg.id,
              text: vague
                ? `unknown: target group ${tg.props.name} (port ${targetPort}) may target it: its targets are not recorded`
                : `target group ${tg.props.name} sends to port ${targetPort}`,
            },
            ...(isEmpty(backOpen) ? (back.unknown?.hops ?? []) : back.hops),
          ];
          out.push({
            lb,
            listenerPort: f.port ?? targetPort,
            path:
              reasons.length === 0
                ? { ports: tp, hops }
                : { ports: NO_PORTS, hops: [], unknown: { ports: tp, reasons: [...new Set(reasons)], hops } },
          });
        }
      }
    }
    return out;
  }

  const lbFronts = new Map<string, Path>();
  function exposureOfLb(lb: ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer">, l: Listener): Path {
    return cached(lbFronts, l.id, () => computeLbFront(lb, l));
  }

  function computeLbFront(lb: ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer">, l: Listener): Path {
    const p = between("internet", lb);
    const only = trafficOn(l.props.protocol, l.props.port);
    const ports = intersect(p.ports, only);
    // NLBs without security groups pass whatever the listener accepts.
    if (isEmpty(ports) && lb.props.loadBalancerType === "network" && lb.props.securityGroupIds.length === 0) {
      return {
        ports: only,
        hops: [{ kind: "internet", text: `internet-facing NLB ${lb.props.name} without security groups` }],
      };
    }
    const maybe = p.unknown ? intersect(p.unknown.ports, only) : NO_PORTS;
    return {
      ports,
      hops: p.hops,
      ...(p.unknown && !isEmpty(maybe) ? { unknown: { ...p.unknown, ports: maybe } } : {}),
    };
  }

  return {
    groupsOf,
    placementUnknown,
    between,
    network: networkBetween,
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

/** The steps that matter for a listener's port, as plain steps (see viaLbs). */
function frontHops(
  hops: readonly Hop[],
  l: { props: { protocol: string; port: number } } | undefined,
): Hop[] {
  const on = l ? trafficOn(l.props.protocol, l.props.port) : undefined;
  return hops
    .filter((h) => !on || !h.ports || !isEmpty(intersect(h.ports, on)))
    .map((h) => ({
      kind: h.kind,
      ...(h.resourceId !== undefined ? { resourceId: h.resourceId } : {}),
      get text() {
        return h.text;
      },
    }));
}

function sgLabel(sg: Sg): string {
  return sg.name && sg.name !== sg.props.groupId ? `"${sg.name}" (${sg.props.groupId})` : sg.props.groupId;
}

/** A source list's groups by VPC with their positions, kept per list: rules ask about one tier's groups many times. */
const sourcesByVpc = new WeakMap<readonly EndpointGroup[], Map<string, [number, EndpointGroup][]>>();

/**
 * TCP ports any of `sources` can open to any of `targets`, and the path of the first pair (in the order
 * sources × targets) that allows any; with the ports that are only possible given what was not recorded,
 * apart. Only pairs in joined VPCs are tried (see `joinedVpcs`): the cost follows the groups per VPC, not
 * the square of the account's groups.
 */
export function portsBetweenGroups(
  reach: Reachability,
  sources: readonly EndpointGroup[],
  targets: readonly EndpointGroup[],
  /** skipSame: leave out a group's traffic to itself; until: stop once these ports are all proven. */
  opts: { skipSame?: boolean; until?: PortSet } = {},
): { ports: PortSet; sample: Path | undefined; unknown?: Unknown } {
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
  const vague: Path[] = [];
  for (const [, , a, b] of pairs) {
    const p = reach.betweenGroups(a, b);
    if (p.unknown) vague.push(p);
    if (isEmpty(p.ports)) continue;
    sample ??= p;
    ports = union(ports, p.ports);
    if (opts.until && isEmpty(subtract(opts.until, ports))) break;
  }
  if (vague.length === 0) return { ports, sample };
  const all = combinePaths([{ ports, hops: sample?.hops ?? [] }, ...vague]);
  return all.unknown ? { ports, sample, unknown: all.unknown } : { ports, sample };
}

/**
 * The traffic a listener or target group protocol carries on a port: UDP for "UDP", both for "TCP_UDP",
 * TCP for every other (HTTP, HTTPS, TCP, TLS; GENEVE is UDP 6081, on the port it names).
 */
export function trafficOn(protocol: string | null, port: number): PortSet {
  switch (protocol) {
    case "UDP":
    case "GENEVE":
      return protocolPorts("udp", port, port);
    case "TCP_UDP":
      return union(protocolPorts("tcp", port, port), protocolPorts("udp", port, port));
    default:
      return protocolPorts("tcp", port, port);
  }
}
