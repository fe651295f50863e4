// A reference evaluator for network reachability, written apart from src/analysis and kept obviously
// correct rather than fast: one concrete source address, one destination address, one protocol and port at
// a time, decided the way the AWS documentation describes each step.
//
//   route        same VPC: the local route. Otherwise the longest prefix that holds the destination in the
//                source subnet's route table (its explicit one, else the VPC's main one) must be a VPC
//                peering that is active, and the destination subnet's table must send the source address
//                back over the same peering.
//   network ACL  stateless, checked only between different subnets: the rules of one direction in rule
//                number order, the first whose protocol, port and CIDR match decides; none matching: deny.
//                The request goes out of the source subnet and into the destination subnet; the reply goes
//                out of the destination subnet and into the source subnet on one client port (TCP/UDP: an
//                ephemeral port 1024–65535, ICMP: an echo reply, type 0).
//   security     stateful: some egress rule of a source group and some ingress rule of a destination group
//   group        must match (protocol, port, and the peer's address by CIDR, group membership or prefix list).
//   internet     the destination has a public address, its subnet's route for the client address goes to an
//                internet gateway, its ACL lets the request in and the reply out, a group lets the client in.
//   load         the internet reaches a listener port of an internet-facing load balancer (as above, on any
//   balancer     of its interfaces), the listener forwards to a target group holding the target, and one of
//                the balancer's interfaces reaches the target on the group's port.
//
// Only IPv4, and only what the property test generates: no transit gateways, no IPv6.

import type { Snapshot } from "../../src/model/snapshot.ts";

export type Proto = "tcp" | "udp" | "icmp";

type R = Snapshot["resources"][number];
type Props = Record<string, unknown>;
interface Eni {
  ip: string;
  publicIp: boolean;
  subnetId: string;
  vpcId: string;
  account: string;
  sgIds: string[];
}
interface Rule {
  protocol: string;
  fromPort: number | null;
  toPort: number | null;
  ipv4Ranges: string[];
  groupRefs: { groupId: string; account: string | null }[];
  prefixListIds: string[];
}
interface AclEntry {
  ruleNumber: number;
  egress: boolean;
  protocol: string;
  ruleAction: "allow" | "deny";
  cidrBlock: string | null;
  fromPort: number | null;
  toPort: number | null;
}
interface RouteRow {
  destinationCidr: string | null;
  targetKind: string;
  targetId: string;
  state: string;
}

function ip(text: string): number {
  const [a = 0, b = 0, c = 0, d = 0] = text.split(".").map(Number);
  return ((a * 256 + b) * 256 + c) * 256 + d;
}

/** Whether a CIDR (a.b.c.d/n) holds an address. */
export function holds(cidr: string, address: string): boolean {
  const [base = "", bits = "32"] = cidr.split("/");
  const n = Number(bits);
  const size = 2 ** (32 - n);
  const start = Math.floor(ip(base) / size) * size;
  const a = ip(address);
  return a >= start && a < start + size;
}

function protoNumber(p: string): string {
  const names: Record<string, string> = { tcp: "6", udp: "17", icmp: "1", all: "-1" };
  return names[p.toLowerCase()] ?? p;
}

/** Whether a rule's protocol and port cover (proto, port). ICMP: fromPort is the type, -1 every type. */
function coversPort(
  rule: { protocol: string; fromPort: number | null; toPort: number | null },
  proto: Proto,
  port: number,
): boolean {
  const p = protoNumber(rule.protocol);
  if (p === "-1") return true;
  if (p !== protoNumber(proto)) return false;
  if (proto === "icmp") return rule.fromPort === null || rule.fromPort === -1 || rule.fromPort === port;
  if (rule.fromPort === null || rule.toPort === null || rule.fromPort < 0) return true;
  return rule.fromPort <= port && port <= rule.toPort;
}

export class Oracle {
  private readonly byId = new Map<string, R>();
  private readonly sgs = new Map<string, { account: string; ingress: Rule[]; egress: Rule[] }>();
  private readonly acls: { subnetIds: string[]; entries: AclEntry[] }[] = [];
  private readonly tables: { vpcId: string; main: boolean; subnetIds: string[]; routes: RouteRow[] }[] = [];
  private readonly subnets = new Map<string, { vpcId: string }>();
  private readonly prefixLists = new Map<string, string[]>();
  private readonly peerings = new Map<string, { active: boolean; vpcs: string[] }>();

  constructor(private readonly snap: Snapshot) {
    for (const r of snap.resources) {
      this.byId.set(r.id, r);
      const p = r.props as Props;
      if (r.type === "AWS::EC2::SecurityGroup")
        this.sgs.set(`${r.account}/${p.groupId}`, {
          account: r.account,
          ingress: (p.ingress as Rule[]) ?? [],
          egress: (p.egress as Rule[]) ?? [],
        });
      if (r.type === "AWS::EC2::NetworkAcl")
        this.acls.push({ subnetIds: p.subnetIds as string[], entries: (p.entries as AclEntry[]) ?? [] });
      if (r.type === "AWS::EC2::RouteTable")
        this.tables.push({
          vpcId: p.vpcId as string,
          main: p.main === true,
          subnetIds: p.subnetIds as string[],
          routes: p.routes as RouteRow[],
        });
      if (r.type === "AWS::EC2::Subnet") this.subnets.set(p.subnetId as string, { vpcId: p.vpcId as string });
      if (r.type === "AWS::EC2::PrefixList")
        this.prefixLists.set(
          p.prefixListId as string,
          (p.entries as { cidr: string }[]).map((e) => e.cidr),
        );
      if (r.type === "AWS::EC2::VPCPeeringConnection") {
        const side = (x: unknown) => (x as { vpcId: string }).vpcId;
        this.peerings.set(p.vpcPeeringConnectionId as string, {
          active: p.status === "active",
          vpcs: [side(p.requester), side(p.accepter)],
        });
      }
    }
  }

  /** The network interfaces of a resource (an instance, a load balancer). */
  enis(resourceId: string): Eni[] {
    return this.snap.resources
      .filter((r) => r.type === "AWS::EC2::NetworkInterface" && (r.props as Props).attachedTo === resourceId)
      .map((r) => {
        const p = r.props as Props;
        return {
          ip: (p.privateIpAddresses as string[])[0] ?? "",
          publicIp: typeof p.publicIp === "string",
          subnetId: p.subnetId as string,
          vpcId: p.vpcId as string,
          account: r.account,
          sgIds: p.securityGroupIds as string[],
        };
      });
  }

  private table(subnetId: string) {
    const vpc = this.subnets.get(subnetId)?.vpcId;
    return (
      this.tables.find((t) => t.subnetIds.includes(subnetId)) ??
      this.tables.find((t) => t.vpcId === vpc && t.main)
    );
  }

  private route(subnetId: string, to: string): RouteRow | undefined {
    let best: RouteRow | undefined;
    let bestBits = -1;
    for (const r of this.table(subnetId)?.routes ?? []) {
      if (r.state !== "active" || !r.destinationCidr || !holds(r.destinationCidr, to)) continue;
      const bits = Number(r.destinationCidr.split("/")[1]);
      if (bits > bestBits) {
        best = r;
        bestBits = bits;
      }
    }
    return best;
  }

  private routed(a: Eni, b: Eni): boolean {
    if (a.vpcId === b.vpcId) return true;
    const there = this.route(a.subnetId, b.ip);
    const back = this.route(b.subnetId, a.ip);
    if (!there || !back || there.targetKind !== "vpc-peering" || back.targetId !== there.targetId)
      return false;
    const pcx = this.peerings.get(there.targetId);
    return !!pcx && pcx.active && pcx.vpcs.includes(a.vpcId) && pcx.vpcs.includes(b.vpcId);
  }

  /** The network ACL decision for one packet crossing a subnet's border. */
  private acl(subnetId: string, egress: boolean, peer: string, proto: Proto, port: number): boolean {
    const acl = this.acls.find((x) => x.subnetIds.includes(subnetId));
    if (!acl) return false;
    const rules = acl.entries.filter((e) => e.egress === egress).sort((x, y) => x.ruleNumber - y.ruleNumber);
    for (const e of rules)
      if (e.cidrBlock && holds(e.cidrBlock, peer) && coversPort(e, proto, port))
        return e.ruleAction === "allow";
    return false;
  }

  /** Client ports worth trying for a reply: every point where some rule's port range starts or ends. */
  private clientPorts(proto: Proto): number[] {
    if (proto === "icmp") return [0];
    const out = new Set<number>([1024, 65535]);
    for (const acl of this.acls)
      for (const e of acl.entries)
        for (const p of [e.fromPort, e.toPort, (e.fromPort ?? 0) - 1, (e.toPort ?? 0) + 1])
          if (p !== null && p >= 1024 && p <= 65535) out.add(p);
    return [...out];
  }

  private sgMatches(
    rule: Rule,
    other: { ip: string; sgIds?: string[]; account?: string },
    own: string,
    proto: Proto,
    port: number,
  ): boolean {
    if (!coversPort(rule, proto, port)) return false;
    if (rule.ipv4Ranges.some((c) => holds(c, other.ip))) return true;
    if (
      other.sgIds &&
      rule.groupRefs.some((g) => (g.account ?? own) === other.account && other.sgIds?.includes(g.groupId))
    )
      return true;
    return rule.prefixListIds.some((pl) => (this.prefixLists.get(pl) ?? []).some((c) => holds(c, other.ip)));
  }

  private sgAllows(
    e: Eni,
    dir: "ingress" | "egress",
    other: { ip: string; sgIds?: string[]; account?: string },
    proto: Proto,
    port: number,
  ): boolean {
    return e.sgIds.some((id) => {
      const sg = this.sgs.get(`${e.account}/${id}`);
      return !!sg && sg[dir].some((r) => this.sgMatches(r, other, sg.account, proto, port));
    });
  }

  /** One packet flow from interface a to interface b, with its reply. */
  eniToEni(a: Eni, b: Eni, proto: Proto, port: number): boolean {
    if (!this.routed(a, b)) return false;
    if (!this.sgAllows(a, "egress", b, proto, port) || !this.sgAllows(b, "ingress", a, proto, port))
      return false;
    if (a.subnetId === b.subnetId) return true;
    if (!this.acl(a.subnetId, true, b.ip, proto, port) || !this.acl(b.subnetId, false, a.ip, proto, port))
      return false;
    return this.clientPorts(proto).some(
      (c) => this.acl(b.subnetId, true, a.ip, proto, c) && this.acl(a.subnetId, false, b.ip, proto, c),
    );
  }

  /** From one internet address to an interface. */
  internetToEni(client: string, b: Eni, proto: Proto, port: number): boolean {
    if (!b.publicIp || this.route(b.subnetId, client)?.targetKind !== "internet-gateway") return false;
    if (!this.sgAllows(b, "ingress", { ip: client }, proto, port)) return false;
    if (!this.acl(b.subnetId, false, client, proto, port)) return false;
    return this.clientPorts(proto).some((c) => this.acl(b.subnetId, true, client, proto, c));
  }

  between(fromId: string, toId: string, proto: Proto, port: number): boolean {
    return this.enis(fromId).some((a) => this.enis(toId).some((b) => this.eniToEni(a, b, proto, port)));
  }

  fromInternet(client: string, toId: string, proto: Proto, port: number): boolean {
    return this.enis(toId).some((b) => this.internetToEni(client, b, proto, port));
  }

  /** Target ports on which the internet (from `client`) reaches `targetId` through a load balancer. */
  viaLoadBalancers(client: string, targetId: string): { lb: string; port: number }[] {
    const target = this.byId.get(targetId);
    const instanceId = (target?.props as Props | undefined)?.instanceId;
    const out: { lb: string; port: number }[] = [];
    for (const tg of this.snap.resources.filter(
      (r) => r.type === "AWS::ElasticLoadBalancingV2::TargetGroup",
    )) {
      const p = tg.props as Props;
      const t = (p.targets as { id: string; port: number | null }[] | undefined)?.find(
        (x) => x.id === instanceId,
      );
      if (!t) continue;
      const port = t.port ?? (p.port as number);
      for (const lbArn of p.loadBalancerArns as string[]) {
        const lb = this.byId.get(lbArn);
        if ((lb?.props as Props | undefined)?.scheme !== "internet-facing") continue;
        const listeners = this.snap.resources.filter(
          (l) =>
            l.type === "AWS::ElasticLoadBalancingV2::Listener" &&
            (l.props as Props).loadBalancerArn === lbArn &&
            ((l.props as Props).defaultActions as { type: string; targetGroupArns: string[] }[]).some(
              (a) => a.type === "forward" && a.targetGroupArns.includes(tg.id),
            ),
        );
        for (const l of listeners) {
          const front = this.fromInternet(client, lbArn, "tcp", (l.props as Props).port as number);
          if (front && this.between(lbArn, targetId, "tcp", port)) out.push({ lb: lbArn, port });
        }
      }
    }
    return out;
  }
}
