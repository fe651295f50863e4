import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { Graph } from "../model/graph.ts";
import { formatPorts, formatTraffic, type PortSet, union } from "./ports.ts";
import { computeReachability, portsBetweenGroups } from "./reachability.ts";
import { classifySubnets } from "./subnets.ts";

function analyse(b: SnapshotBuilder) {
  const graph = new Graph(b.build());
  return computeReachability(graph, classifySubnets(graph));
}

/** A VPC with a public web subnet and a private app subnet, a web host and an app host. */
function shop() {
  const b = new SnapshotBuilder("test:reach");
  const a = b.in("111111111111", "us-east-2");
  const v = a.vpc("shop", { cidr: "10.0.0.0/16" });
  const igw = a.internetGateway(v, "igw");
  const pub = a.subnet(v, "web", { cidr: "10.0.1.0/24", az: "us-east-2a" });
  const priv = a.subnet(v, "app", { cidr: "10.0.2.0/24", az: "us-east-2a" });
  a.routeTable(v, "public", {
    subnets: [pub],
    routes: [
      { destination: "0.0.0.0/0", via: igw },
      { destination: "::/0", via: igw },
    ],
  });
  const webSg = a.securityGroup(v, "web", {
    ingress: [tcp(443, "0.0.0.0/0"), tcp(80, "::/0"), tcp(22, "203.0.113.0/24")],
  });
  const appSg = a.securityGroup(v, "app", { ingress: [tcp(8080, webSg), tcp([9000, 9100], "10.0.1.0/24")] });
  const web = a.instance(pub, "web-1", { securityGroups: [webSg], publicIp: true });
  const app = a.instance(priv, "app-1", { securityGroups: [appSg] });
  return { b, a, v, pub, priv, webSg, appSg, web, app };
}

describe("reachability", () => {
  it("follows security-group references and CIDRs, with the evidence path", () => {
    const { b, web, app } = shop();
    const r = analyse(b);
    const p = r.between(web, app);
    expect(formatPorts(p.ports)).toBe("8080, 9000-9100");
    expect(p.hops.map((h) => h.kind)).toEqual([
      "route",
      "security-group",
      "nacl",
      "nacl",
      "security-group",
      "security-group",
    ]);
    expect(p.hops.at(-2)?.text).toMatch(
      /security group "app" \(sg-[0-9a-f]+\) ingress tcp\/8080 from sg-[0-9a-f]+ \(a group the peer is in\)/,
    );
    // 0.0.0.0/0 in the web group's ingress covers private sources too.
    expect(formatPorts(r.between(app, web).ports)).toBe("443");
  });

  it("tells world-open from restricted exposure, IPv4 and IPv6, and needs a public IP and an IGW route", () => {
    const { b, web, app } = shop();
    const r = analyse(b);
    const e = r.exposure(web);
    expect(formatPorts(e.world.ports)).toBe("80, 443");
    expect(formatPorts(e.restricted.ports)).toBe("22");
    expect(e.world.hops[0]?.text).toMatch(/^public IP on an ENI in public subnet web \(0\.0\.0\.0\/0 → igw-/);
    expect(formatPorts(r.exposure(app).world.ports)).toBe("");
  });

  it("VPC Block Public Access in the VPC's region keeps the internet out of public subnets, unless excluded", () => {
    const exposed = (bpa: unknown) => {
      const s = shop();
      Object.assign(s.v.vpc.props, { blockPublicAccess: bpa });
      return formatPorts(analyse(s.b).exposure(s.web).world.ports);
    };
    expect(exposed({ mode: "off", exclusion: null, subnetExclusions: {} })).toBe("80, 443");
    expect(exposed({ mode: "block-ingress", exclusion: null, subnetExclusions: {} })).toBe("");
    expect(exposed({ mode: "block-bidirectional", exclusion: "allow-egress", subnetExclusions: {} })).toBe(
      "",
    );
    expect(
      exposed({ mode: "block-bidirectional", exclusion: "allow-bidirectional", subnetExclusions: {} }),
    ).toBe("80, 443");
    // Not recorded at all: the exposure stays (never hidden on a guess).
    const plain = shop();
    expect(formatPorts(analyse(plain.b).exposure(plain.web).world.ports)).toBe("80, 443");
  });

  it("applies NACL rules in number order: a lower deny beats a later allow, both directions", () => {
    const { b, a, v, pub, priv, web, app } = shop();
    const entry = (
      ruleNumber: number,
      egress: boolean,
      action: "allow" | "deny",
      cidr: string,
      from: number | null,
      to: number | null,
    ) => ({
      ruleNumber,
      egress,
      protocol: from === null ? "-1" : "6",
      ruleAction: action,
      cidrBlock: cidr,
      ipv6CidrBlock: null,
      fromPort: from,
      toPort: to,
    });
    a.networkAcl(v, "app-acl", {
      subnets: [priv],
      entries: [
        entry(90, false, "deny", "10.0.1.0/24", 8080, 8080),
        entry(100, false, "allow", "0.0.0.0/0", null, null),
        entry(100, true, "allow", "0.0.0.0/0", null, null),
      ],
    });
    expect(formatPorts(analyse(b).between(web, app).ports)).toBe("9000-9100");

    const strict = shop();
    strict.a.networkAcl(strict.v, "app-acl", {
      subnets: [strict.priv],
      // Requests are allowed in, but the return traffic to ephemeral ports is not allowed out: no connection.
      entries: [
        entry(100, false, "allow", "0.0.0.0/0", null, null),
        entry(100, true, "allow", "0.0.0.0/0", 443, 443),
      ],
    });
    expect(formatPorts(analyse(strict.b).between(strict.web, strict.app).ports)).toBe("");
    void pub;
  });

  it("crosses a VPC peering only with routes both ways", () => {
    const b = new SnapshotBuilder("test:peer");
    const a = b.in("111111111111", "us-east-2");
    const v1 = a.vpc("one", { cidr: "10.1.0.0/16" });
    const v2 = a.vpc("two", { cidr: "10.2.0.0/16" });
    const s1 = a.subnet(v1, "s1", { cidr: "10.1.0.0/24", az: "us-east-2a" });
    const s2 = a.subnet(v2, "s2", { cidr: "10.2.0.0/24", az: "us-east-2a" });
    const pcx = a.peering(v1, v2, "one-two");
    const rt1 = a.routeTable(v1, "rt1", {
      subnets: [s1],
      routes: [{ destination: "10.2.0.0/16", via: pcx }],
    });
    const rt2 = a.routeTable(v2, "rt2", { subnets: [s2] });
    const client = a.instance(s1, "client", { securityGroups: [a.securityGroup(v1, "client")] });
    const server = a.instance(s2, "server", {
      securityGroups: [a.securityGroup(v2, "server", { ingress: [tcp(5432, "10.1.0.0/16")] })],
    });
    expect(formatPorts(analyse(b).between(client, server).ports)).toBe("");
    a.addRoute(rt2, "10.1.0.0/16", pcx);
    const p = analyse(b).between(client, server);
    expect(formatPorts(p.ports)).toBe("5432");
    expect(p.hops[0]?.text).toMatch(/^route 10\.2\.0\.0\/16 → pcx-[0-9a-f]+ in rtb-/);
    void rt1;
  });

  it("exposes a private target through an internet-facing load balancer, listener → target group → target", () => {
    const { b, a, v, pub, priv, app, appSg } = shop();
    const pub2 = a.subnet(v, "web-b", { cidr: "10.0.3.0/24", az: "us-east-2b" });
    void pub2;
    const lbSg = a.securityGroup(v, "lb", { ingress: [tcp(443, "0.0.0.0/0")] });
    a.allowIngress(appSg, tcp(8080, lbSg));
    const tg = a.targetGroup(v, "app", { port: 8080, targets: [app] });
    const lb = a.loadBalancer(v, "front", {
      scheme: "internet-facing",
      subnets: [pub],
      securityGroups: [lbSg],
    });
    a.listener(lb, { protocol: "HTTPS", port: 443, forwardTo: tg });
    const e = analyse(b).exposure(app);
    expect(formatPorts(e.world.ports)).toBe("");
    expect(
      e.viaLoadBalancers.map((x) => `${x.lb.props.name}:${x.listenerPort}→${formatPorts(x.path.ports)}`),
    ).toEqual(["front:443→8080"]);
    expect(e.viaLoadBalancers[0]?.path.hops.map((h) => h.kind)).toContain("listener");
    void priv;
  });
});

describe("pairs only between joined VPCs", () => {
  /** Three VPCs: one and two peered (routes both ways), three on its own, a server and a client in each. */
  function threeVpcs() {
    const b = new SnapshotBuilder("test:joined");
    const a = b.in("111111111111", "us-east-2");
    const vpcs = [1, 2, 3].map((n) => a.vpc(`v${n}`, { cidr: `10.${n}.0.0/16` }));
    const subnets = vpcs.map((v, i) =>
      a.subnet(v, `s${i + 1}`, { cidr: `10.${i + 1}.0.0/24`, az: "us-east-2a" }),
    );
    const [v1, v2] = vpcs as [(typeof vpcs)[0], (typeof vpcs)[0]];
    const pcx = a.peering(v1, v2, "one-two");
    a.routeTable(v1, "rt1", {
      subnets: [subnets[0] as (typeof subnets)[0]],
      routes: [{ destination: "10.2.0.0/16", via: pcx }],
    });
    a.routeTable(v2, "rt2", {
      subnets: [subnets[1] as (typeof subnets)[0]],
      routes: [{ destination: "10.1.0.0/16", via: pcx }],
    });
    const instances = subnets.map((s, i) => {
      const v = vpcs[i] as (typeof vpcs)[0];
      const sg = a.securityGroup(v, `sg${i + 1}`, { ingress: [tcp(5432, "10.0.0.0/8")] });
      return [
        a.instance(s, `server${i + 1}`, { securityGroups: [sg] }),
        a.instance(s, `client${i + 1}`, { securityGroups: [a.securityGroup(v, `c${i + 1}`)] }),
      ];
    });
    return { b, instances };
  }

  it("neighbours are the groups of the VPC and of VPCs a peering joins, never the others", () => {
    const { b, instances } = threeVpcs();
    const reach = analyse(b);
    const [g1] = reach.groupsOf(instances[0]?.[0] as Parameters<typeof reach.groupsOf>[0]);
    const vpcsOf = (gs: readonly { vpcKey: string }[]) => [...new Set(gs.map((g) => g.vpcKey.split("/")[2]))];
    expect(g1).toBeDefined();
    expect(vpcsOf(reach.neighbours(g1 as NonNullable<typeof g1>))).toHaveLength(2);
    const [g3] = reach.groupsOf(instances[2]?.[0] as Parameters<typeof reach.groupsOf>[0]);
    expect(vpcsOf(reach.neighbours(g3 as NonNullable<typeof g3>))).toHaveLength(1);
  });

  it("answers exactly what trying every pair answers", () => {
    const { b, instances } = threeVpcs();
    const reach = analyse(b);
    const all = instances.flat().flatMap((r) => reach.groupsOf(r));
    let brute: PortSet = [];
    let first: PortSet | undefined;
    for (const x of all)
      for (const y of all) {
        if (x === y) continue;
        const p = reach.betweenGroups(x, y).ports;
        if (p.length > 0) first ??= p;
        brute = union(brute, p);
      }
    const fast = portsBetweenGroups(reach, all, all, { skipSame: true });
    expect(formatPorts(brute)).toBe("5432");
    expect(fast.ports).toEqual(brute);
    expect(fast.sample?.ports).toEqual(first);
    // VPC three is on its own: nothing crosses to it, whatever its security group allows.
    const server3 = reach.groupsOf(instances[2]?.[0] as Parameters<typeof reach.groupsOf>[0]);
    const client1 = reach.groupsOf(instances[0]?.[1] as Parameters<typeof reach.groupsOf>[0]);
    expect(portsBetweenGroups(reach, client1, server3).ports).toEqual([]);
    expect(
      formatPorts(
        portsBetweenGroups(
          reach,
          client1,
          reach.groupsOf(instances[1]?.[0] as Parameters<typeof reach.groupsOf>[0]),
        ).ports,
      ),
    ).toBe("5432");
  });

  it("decides UDP and ICMP as well as TCP: SG rules by protocol name, NACL rules by protocol number", () => {
    const { b, a, v, priv, web, appSg, app } = shop();
    a.allowIngress(appSg, { protocol: "udp", ports: 53, from: "10.0.1.0/24" });
    a.allowIngress(appSg, { protocol: "icmp", ports: [8, -1], from: "10.0.0.0/16" });
    const before = analyse(b).between(web, app);
    expect(formatTraffic(before.ports)).toBe("tcp/8080, tcp/9000-9100, udp/53, icmp/8");
    expect(before.hops.map((h) => h.text)).toContainEqual(
      expect.stringMatching(/ingress udp\/53 from 10\.0\.1\.0\/24$/),
    );
    // An ICMP entry records its type and code (-1: all) as fromPort/toPort, as the collector writes it.
    const entry = (ruleNumber: number, egress: boolean, action: "allow" | "deny", protocol: string) => ({
      ruleNumber,
      egress,
      protocol,
      ruleAction: action,
      cidrBlock: "0.0.0.0/0",
      ipv6CidrBlock: null,
      fromPort: protocol === "1" ? -1 : null,
      toPort: protocol === "1" ? -1 : null,
    });
    // UDP (17) denied inbound, ICMP (1) denied outbound (so the echo reply cannot leave), the rest allowed.
    a.networkAcl(v, "app-acl", {
      subnets: [priv],
      entries: [
        entry(10, false, "deny", "17"),
        entry(100, false, "allow", "-1"),
        entry(10, true, "deny", "1"),
        entry(100, true, "allow", "-1"),
      ],
    });
    const after = analyse(b).between(web, app);
    expect(formatTraffic(after.ports)).toBe("tcp/8080, tcp/9000-9100");
    expect(after.hops.filter((h) => h.kind === "nacl").map((h) => h.text)).toContainEqual(
      expect.stringMatching(
        /network ACL acl-[0-9a-f]+ rule 100 allows tcp\/8080, tcp\/9000-9100, icmp\/8 in from 0\.0\.0\.0\/0/,
      ),
    );
  });

  it("an ICMP NACL deny whose type was not recorded blocks nothing for sure", () => {
    const { b, a, v, priv, web, appSg, app } = shop();
    a.allowIngress(appSg, { protocol: "icmp", ports: "all", from: "10.0.0.0/16" });
    a.networkAcl(v, "app-acl", {
      subnets: [priv],
      entries: [
        {
          ruleNumber: 10,
          egress: false,
          protocol: "1",
          ruleAction: "deny",
          cidrBlock: "0.0.0.0/0",
          ipv6CidrBlock: null,
          fromPort: null,
          toPort: null,
        },
        {
          ruleNumber: 100,
          egress: false,
          protocol: "-1",
          ruleAction: "allow",
          cidrBlock: "0.0.0.0/0",
          ipv6CidrBlock: null,
          fromPort: null,
          toPort: null,
        },
        {
          ruleNumber: 100,
          egress: true,
          protocol: "-1",
          ruleAction: "allow",
          cidrBlock: "0.0.0.0/0",
          ipv6CidrBlock: null,
          fromPort: null,
          toPort: null,
        },
      ],
    });
    expect(formatTraffic(analyse(b).between(web, app).ports)).toContain("icmp/all");
  });
});

describe("precision", () => {
  it("a database opens no connections, and a load balancer only to its targets on the target port", () => {
    const { b, a, v, pub, priv, app, appSg, web } = shop();
    const dbSg = a.securityGroup(v, "db", { ingress: [tcp(5432, appSg)] });
    const db = a.dbInstance(v, "db", { engine: "postgres", subnets: [priv], securityGroups: [dbSg] });
    // The app group allows 8080 from the db's group: no connection is ever opened that way.
    a.allowIngress(appSg, tcp(8080, dbSg));
    const lbSg = a.securityGroup(v, "lb", { ingress: [tcp(443, "0.0.0.0/0")] });
    a.allowIngress(appSg, tcp([8000, 8100], lbSg));
    const tg = a.targetGroup(v, "app", { port: 8080, targets: [app] });
    const lb = a.loadBalancer(v, "front", {
      scheme: "internet-facing",
      subnets: [pub],
      securityGroups: [lbSg],
    });
    a.listener(lb, { protocol: "HTTPS", port: 443, forwardTo: tg });
    const r = analyse(b);
    expect(formatPorts(r.between(app, db).ports)).toBe("5432");
    expect(formatPorts(r.between(db, app).ports)).toBe("");
    expect(formatPorts(r.between(lb, app).ports)).toBe("8080");
    // Not a target of the load balancer: nothing, whatever the groups allow.
    expect(formatPorts(r.between(lb, web).ports)).toBe("");
  });

  it("a classic load balancer opens connections to its registered instances on their instance ports only", () => {
    const { b, a, v, pub, app, appSg, web } = shop();
    const elbSg = a.securityGroup(v, "legacy-elb", { ingress: [tcp(80, "0.0.0.0/0")] });
    a.allowIngress(appSg, tcp([8000, 8100], elbSg));
    const elb = a.classicLoadBalancer(v, "legacy", {
      scheme: "internet-facing",
      subnets: [pub],
      securityGroups: [elbSg],
      listeners: [{ protocol: "HTTP", port: 80, instancePort: 8080 }],
      instances: [app],
    });
    const r = analyse(b);
    // It was treated as a database: no connection at all, so a documented ELB → app flow read as broken.
    expect(formatPorts(r.between(elb, app).ports)).toBe("8080");
    // Not registered with it: nothing, whatever the groups allow.
    expect(formatPorts(r.between(elb, web).ports)).toBe("");
  });

  it("a load balancer is exposed on its listener ports only, and internet-facing without recorded ENIs", () => {
    const b = new SnapshotBuilder("test:lb");
    const a = b.in("111111111111", "us-east-2");
    const v = a.vpc("shop", { cidr: "10.0.0.0/16" });
    const igw = a.internetGateway(v, "igw");
    const pub = a.subnet(v, "web", { cidr: "10.0.1.0/24", az: "us-east-2a" });
    a.routeTable(v, "public", { subnets: [pub], routes: [{ destination: "0.0.0.0/0", via: igw }] });
    const lbSg = a.securityGroup(v, "lb", { ingress: [tcp([0, 65535], "0.0.0.0/0")] });
    const lb = a.loadBalancer(v, "front", {
      scheme: "internet-facing",
      subnets: [pub],
      securityGroups: [lbSg],
    });
    a.listener(lb, { protocol: "HTTPS", port: 443 });
    const withEnis = analyse(b).exposure(lb);
    expect(formatPorts(withEnis.world.ports)).toBe("443");
    expect(withEnis.world.hops.at(-1)?.text).toBe("listener HTTPS:443 on front");
    // The same account read from a dump without describe-network-interfaces.
    const snapshot = b.build();
    const enis = new Set(
      snapshot.resources.filter((r) => r.type === "AWS::EC2::NetworkInterface").map((r) => r.id),
    );
    snapshot.resources = snapshot.resources.filter((r) => !enis.has(r.id));
    snapshot.edges = snapshot.edges.filter((e) => !enis.has(e.from) && !enis.has(e.to));
    const graph = new Graph(snapshot);
    const bare = computeReachability(graph, classifySubnets(graph));
    const lbRes = graph.get(lb.id) as typeof lb;
    expect(formatPorts(bare.exposure(lbRes).world.ports)).toBe("443");
  });

  it("resolves a security-group reference to another account's group when both accounts are recorded", () => {
    const b = new SnapshotBuilder("test:xacct");
    const a1 = b.in("111111111111", "us-east-2");
    const a2 = b.in("222222222222", "us-east-2");
    const v1 = a1.vpc("one", { cidr: "10.1.0.0/16" });
    const v2 = a2.vpc("two", { cidr: "10.2.0.0/16" });
    const s1 = a1.subnet(v1, "s1", { cidr: "10.1.0.0/24", az: "us-east-2a" });
    const s2 = a2.subnet(v2, "s2", { cidr: "10.2.0.0/24", az: "us-east-2a" });
    const pcx = a1.peering(v1, v2, "one-two");
    a1.routeTable(v1, "rt1", { subnets: [s1], routes: [{ destination: "10.2.0.0/16", via: pcx }] });
    a2.routeTable(v2, "rt2", { subnets: [s2], routes: [{ destination: "10.1.0.0/16", via: pcx }] });
    const clientSg = a1.securityGroup(v1, "client");
    const serverSg = a2.securityGroup(v2, "server");
    serverSg.props.ingress.push({
      protocol: "tcp",
      fromPort: 5432,
      toPort: 5432,
      ipv4Ranges: [],
      ipv6Ranges: [],
      groupRefs: [{ groupId: clientSg.props.groupId, account: "111111111111" }],
      prefixListIds: [],
      description: null,
    });
    const client = a1.instance(s1, "client", { securityGroups: [clientSg] });
    const server = a2.instance(s2, "server", { securityGroups: [serverSg] });
    const p = analyse(b).between(client, server);
    expect(formatPorts(p.ports)).toBe("5432");
    expect(p.hops.map((h) => h.text)).toContainEqual(
      expect.stringMatching(/from sg-[0-9a-f]+ of account 111111111111 \(a group the peer is in\)/),
    );
  });

  it("an instance without a public address is not exposed because a load balancer with its groups in its subnet is", () => {
    // Found by the oracle (test/reachability): endpoint groups were keyed by subnet and groups only.
    const { b, a, v, pub, webSg } = shop();
    const quiet = a.instance(pub, "quiet", { securityGroups: [webSg], publicIp: false });
    a.loadBalancer(v, "front", { scheme: "internet-facing", subnets: [pub], securityGroups: [webSg] });
    const r = analyse(b);
    expect(formatPorts(r.exposure(quiet).world.ports)).toBe("");
  });

  it("resolves prefix lists in security-group rules and routes; a list whose entries were not read is unknown", () => {
    const b = new SnapshotBuilder("test:pl");
    const a = b.in("111111111111", "us-east-2");
    const v1 = a.vpc("one", { cidr: "10.1.0.0/16" });
    const v2 = a.vpc("two", { cidr: "10.2.0.0/16" });
    const s1 = a.subnet(v1, "s1", { cidr: "10.1.0.0/24", az: "us-east-2a" });
    const s2 = a.subnet(v2, "s2", { cidr: "10.2.0.0/24", az: "us-east-2a" });
    const pcx = a.peering(v1, v2, "one-two");
    const toTwo = a.prefixList("vpc-two", ["10.2.0.0/16"]);
    const fromOne = a.prefixList("vpc-one", ["10.1.0.0/16"]);
    a.routeTable(v1, "rt1", { subnets: [s1], routes: [{ destination: toTwo.props.prefixListId, via: pcx }] });
    a.routeTable(v2, "rt2", { subnets: [s2], routes: [{ destination: "10.1.0.0/16", via: pcx }] });
    const client = a.instance(s1, "client", { securityGroups: [a.securityGroup(v1, "client")] });
    const server = a.instance(s2, "server", {
      securityGroups: [a.securityGroup(v2, "server", { ingress: [tcp(5432, fromOne.props.prefixListId)] })],
    });
    const p = analyse(b).between(client, server);
    expect(formatPorts(p.ports)).toBe("5432");
    expect(p.hops.map((h) => h.text)).toContainEqual(
      expect.stringMatching(/ingress tcp\/5432 from 10\.1\.0\.0\/16 \(in prefix list pl-[0-9a-f]+\)/),
    );
    delete (toTwo.props as { entries?: unknown }).entries;
    const vague = analyse(b).between(client, server);
    expect(formatPorts(vague.ports)).toBe("");
    expect(formatPorts(vague.unknown?.ports ?? [])).toBe("5432");
    expect(vague.unknown?.reasons[0]).toMatch(
      /the entries of prefix list pl-[0-9a-f]+, which a route of rtb-[0-9a-f]+ names, are not recorded/,
    );
  });

  it("a subnet whose block was not recorded lies in its VPC's blocks, secondary ones included", () => {
    const b = new SnapshotBuilder("test:secondary");
    const a = b.in("111111111111", "us-east-2");
    const v = a.vpc("one", { cidr: "10.0.0.0/16" });
    v.vpc.props.cidrBlocks = ["10.0.0.0/16", "100.64.0.0/16"];
    const s1 = a.subnet(v, "s1", { cidr: "10.0.1.0/24", az: "us-east-2a" });
    const s2 = a.subnet(v, "s2", { cidr: "100.64.1.0/24", az: "us-east-2a" });
    const client = a.instance(s2, "client", { securityGroups: [a.securityGroup(v, "client")] });
    const server = a.instance(s1, "server", {
      securityGroups: [
        a.securityGroup(v, "server", { ingress: [tcp(5432, "100.64.0.0/20"), tcp(6379, "192.168.0.0/16")] }),
      ],
    });
    delete (s2.props as { cidrBlock?: string }).cidrBlock;
    const p = analyse(b).between(client, server);
    // 100.64.0.0/20 lies in the secondary block: it may name the client's subnet. 192.168.0.0/16 cannot.
    expect(formatPorts(p.unknown?.ports ?? [])).toContain("5432");
    expect(p.unknown?.ports.some(([lo, hi]) => lo <= 6379 && 6379 <= hi)).toBe(false);
  });
});
