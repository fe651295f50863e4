import type { Facts } from "../analysis/facts.ts";
import { formatPorts, isEmpty } from "../analysis/ports.ts";
import type { Path } from "../analysis/reachability.ts";
import type { SubnetFacts } from "../analysis/subnets.ts";
import type { LoadedSpec } from "../architecture/load.ts";
import { arnResourceId } from "../model/arn.ts";
import type { Graph } from "../model/graph.ts";
import type { Route } from "../model/props.ts";
import type { Resource } from "../model/snapshot.ts";
import type { Finding, UnverifiedCheck } from "../rules/finding.ts";
import { terminalSafe as t } from "./escape.ts";

// `asbuilt explain`: everything asbuilt knows about one resource, to answer "why is this a finding?"
// and "who can reach this?": its place in the network, its exposure, its inbound paths with their
// evidence, its tier, and its findings.

export interface Explanation {
  resource: {
    id: string;
    type: string;
    name?: string;
    account: string;
    region: string;
    tags: Record<string, string>;
  };
  containers: { id: string; type: string; name?: string }[];
  subnets: SubnetExplanation[];
  exposure: {
    world: PathExplanation;
    restricted: PathExplanation;
    viaLoadBalancers: ({
      loadBalancer: string;
      listenerPort: number;
      targetPorts: string;
    } & PathExplanation)[];
  };
  inbound: ({ from: string; fromType: string } & PathExplanation)[];
  /** Sources that can (or may) reach it, before `inbound` was cut to the first few. */
  inboundTotal: number;
  tiers: string[];
  environment?: string;
  findings: Pick<Finding, "ruleId" | "severity" | "message" | "evidence" | "waived">[];
  /** Checks on this resource that the data could not decide. */
  unverified: Pick<UnverifiedCheck, "ruleId" | "severity" | "missing">[];
}

/** Ports that get through ("" for none) and the steps; ports possible only if unrecorded data allows, apart. */
export interface PathExplanation {
  ports: string;
  path: string[];
  unknown?: { ports: string; reasons: string[] };
}

/** A subnet as it decides a resource's place: its class, the route table that applies and why, its NACL. */
export interface SubnetExplanation {
  id: string;
  name?: string;
  /** public, private, isolated, or unknown (what decides it was not recorded). */
  class: string;
  /** One line: which table, which route, so which class (or what was not recorded). */
  evidence: string;
  routeTable?: { id: string; name?: string; association: "explicit" | "main"; routes: string[] };
  /** The route that decides the class (the default route), when there is one. */
  decidingRoute?: string;
  /** The network ACL associated with the subnet, or why it is not known. */
  nacl:
    | { id: string; name?: string; isDefault?: boolean; inbound: string[]; outbound: string[] }
    | { notRecorded: string };
}

/** Finds a resource by ARN, native id (i-…, sg-…), name or Name tag; several matches are the user's to choose. */
export function findResource(graph: Graph, query: string): Resource[] {
  const exact = graph.get(query);
  if (exact) return [exact];
  const byNative = graph.resources.filter((r) => arnResourceId(r.id) === query);
  if (byNative.length > 0) return byNative;
  return graph.resources.filter((r) => r.name === query || r.tags.Name === query);
}

const MAX_INBOUND = 25;
/** What can open connections: workloads, load balancers, proxies (not subnets or groups). */
const SOURCES = new Set([
  "AWS::EC2::Instance",
  "AWS::ECS::Service",
  "AWS::Lambda::Function",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::RDS::DBProxy",
  "AWS::RDS::DBInstance",
  "AWS::ElastiCache::CacheCluster",
]);

export function explain(
  graph: Graph,
  facts: Facts,
  r: Resource,
  findings: readonly Finding[],
  spec?: LoadedSpec,
  unverified: readonly UnverifiedCheck[] = [],
): Explanation {
  const containers: Explanation["containers"] = [];
  for (let p = graph.parentOf(r); p; p = graph.parentOf(p))
    containers.unshift({ id: p.id, type: p.type, ...(p.name !== undefined ? { name: p.name } : {}) });
  const e = facts.reach.exposure(r);
  const inbound: Explanation["inbound"] = [];
  const candidates = graph.resources.filter(
    (s) => s.id !== r.id && SOURCES.has(s.type) && facts.reach.groupsOf(s).length > 0,
  );
  for (const s of candidates) {
    const p = facts.reach.between(s, r);
    if (isEmpty(p.ports) && !p.unknown) continue;
    inbound.push({ from: s.name ?? s.id, fromType: s.type, ...pathOf(p) });
  }
  inbound.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return {
    resource: {
      id: r.id,
      type: r.type,
      ...(r.name !== undefined ? { name: r.name } : {}),
      account: r.account,
      region: r.region,
      tags: r.tags,
    },
    containers,
    subnets: placement(facts, r).map((f) => subnetOf(graph, f)),
    exposure: {
      world: pathOf(e.world),
      restricted: pathOf(e.restricted),
      viaLoadBalancers: e.viaLoadBalancers.map((v) => ({
        loadBalancer: v.lb.props.name,
        listenerPort: v.listenerPort,
        targetPorts: formatPorts(v.path.ports),
        ...pathOf(v.path),
      })),
    },
    inbound: inbound.slice(0, MAX_INBOUND),
    inboundTotal: inbound.length,
    tiers: spec?.tiersOf(r) ?? [],
    ...(spec?.environmentOf(r) !== undefined ? { environment: spec.environmentOf(r) } : {}),
    findings: findings
      .filter((f) => f.resourceId === r.id)
      .map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        evidence: f.evidence,
        ...(f.waived ? { waived: f.waived } : {}),
      })),
    unverified: unverified
      .filter((u) => u.resourceId === r.id)
      .map((u) => ({ ruleId: u.ruleId, severity: u.severity, missing: u.missing })),
  };
}

/** The subnets that place a resource; a subnet places itself. */
function placement(facts: Facts, r: Resource): SubnetFacts[] {
  const own = r.type === "AWS::EC2::Subnet" ? facts.subnets.get(r.id) : undefined;
  return own ? [own] : facts.placementOf(r);
}

function pathOf(p: Path): PathExplanation {
  return {
    ports: formatPorts(p.ports),
    path: (isEmpty(p.ports) ? [] : p.hops).map((h) => h.text),
    ...(p.unknown ? { unknown: { ports: formatPorts(p.unknown.ports), reasons: p.unknown.reasons } } : {}),
  };
}

const route = (r: Route) =>
  `${r.destinationCidr ?? r.destinationIpv6Cidr ?? r.destinationPrefixListId} → ${r.targetId}${r.state === "blackhole" ? " (blackhole)" : ""}`;

function subnetOf(graph: Graph, f: SubnetFacts): SubnetExplanation {
  const rt = f.routeTable;
  const association = f.explicitAssociation ? "explicit" : "main";
  const evidence =
    f.class === "unknown"
      ? `unknown: ${f.unknownReason ?? "its route table is not recorded"}`
      : f.defaultRoute
        ? `${f.explicitAssociation ? "route table" : "main route table"} ${rt?.props.routeTableId}: ${route(f.defaultRoute)}, so ${f.class}`
        : `${f.explicitAssociation ? "route table" : "main route table"} ${rt?.props.routeTableId}: no default route, so isolated`;
  const acl = graph
    .ofType("AWS::EC2::NetworkAcl")
    .find(
      (a) =>
        a.account === f.subnet.account &&
        a.region === f.subnet.region &&
        a.props.subnetIds.includes(f.subnet.props.subnetId),
    );
  const entries = (egress: boolean) =>
    (acl?.props.entries ?? [])
      .filter((x) => x.egress === egress)
      .map(
        (x) =>
          `${x.ruleNumber} ${x.ruleAction} ${x.protocol === "-1" ? "all" : x.protocol}${x.fromPort !== null && x.protocol !== "-1" ? `/${x.fromPort === x.toPort ? x.fromPort : `${x.fromPort}-${x.toPort}`}` : ""} ${egress ? "to" : "from"} ${x.cidrBlock ?? x.ipv6CidrBlock}`,
      );
  return {
    id: f.subnet.id,
    ...(f.subnet.name !== undefined ? { name: f.subnet.name } : {}),
    class: f.class,
    evidence,
    ...(rt
      ? {
          routeTable: {
            id: rt.props.routeTableId,
            ...(rt.name !== undefined ? { name: rt.name } : {}),
            association,
            routes: rt.props.routes.map(route),
          },
        }
      : {}),
    ...(f.defaultRoute ? { decidingRoute: route(f.defaultRoute) } : {}),
    nacl: !acl
      ? {
          notRecorded:
            graph.recorded.gap(f.subnet.account, f.subnet.region, "AWS::EC2::NetworkAcl") ??
            `no network ACL recorded lists subnet ${f.subnet.props.subnetId}`,
        }
      : acl.props.entries === undefined
        ? { notRecorded: `the rules of network ACL ${acl.props.networkAclId} are not recorded` }
        : {
            id: acl.props.networkAclId,
            ...(acl.name !== undefined ? { name: acl.name } : {}),
            ...(acl.props.isDefault !== undefined ? { isDefault: acl.props.isDefault } : {}),
            inbound: entries(false),
            outbound: entries(true),
          },
  };
}

export function formatExplanation(x: Explanation): string {
  const totalInbound = x.inboundTotal;
  const out: string[] = [];
  const r = x.resource;
  out.push(`${t(r.name ?? r.id)}  (${r.type})`, `  ${t(r.id)}`, `  account ${r.account}, region ${r.region}`);
  if (x.containers.length > 0)
    out.push(
      `  in ${x.containers.map((c) => `${c.type.split("::").pop()} ${t(c.name ?? arnResourceId(c.id))}`).join(" > ")}`,
    );
  const tags = Object.entries(r.tags);
  if (tags.length > 0) out.push(`  tags: ${tags.map(([k, v]) => `${t(k)}=${t(v)}`).join(", ")}`);
  const isSubnet = r.type === "AWS::EC2::Subnet";
  out.push("", isSubnet ? "Network" : "Placement");
  if (x.subnets.length === 0) out.push("  not in a VPC subnet");
  for (const s of x.subnets) {
    out.push(`  ${s.class} subnet ${t(s.name ?? s.id)}: ${t(s.evidence)}`);
    if (!isSubnet) continue;
    if (s.routeTable)
      out.push(
        `  route table ${t(s.routeTable.name ?? s.routeTable.id)} (${s.routeTable.id}, ${s.routeTable.association === "explicit" ? "associated with this subnet" : "the VPC's main table: this subnet has no association of its own"})`,
        ...s.routeTable.routes.map(
          (rt) => `    - ${t(rt)}${s.decidingRoute === rt ? "   ← decides the class" : ""}`,
        ),
      );
    if ("notRecorded" in s.nacl) out.push(`  network ACL: unknown, ${t(s.nacl.notRecorded)}`);
    else
      out.push(
        `  network ACL ${t(s.nacl.name ?? s.nacl.id)} (${s.nacl.id}${s.nacl.isDefault ? ", the VPC's default" : ""})`,
        ...s.nacl.inbound.map((e) => `    - in  ${t(e)}`),
        ...s.nacl.outbound.map((e) => `    - out ${t(e)}`),
        "    - (then the implicit deny of everything else)",
      );
  }
  if (isSubnet) return `${out.join("\n")}\n${tail(x).join("\n")}\n`;
  out.push("", "Exposure to the internet");
  const { world, restricted, viaLoadBalancers } = x.exposure;
  const anyUnknown = [world, restricted, ...viaLoadBalancers].some((p) => p.unknown);
  if (!world.ports && !restricted.ports && !viaLoadBalancers.some((v) => v.ports) && !anyUnknown)
    out.push("  none: no path from the internet");
  out.push(...pathLines("any address", world), ...pathLines("some addresses", restricted));
  for (const v of viaLoadBalancers)
    out.push(...pathLines(`through load balancer ${t(v.loadBalancer)}:${v.listenerPort} →`, v));
  out.push(
    "",
    `Who can reach it${totalInbound > x.inbound.length ? ` (first ${x.inbound.length} of ${totalInbound})` : ""}`,
  );
  if (x.inbound.length === 0) out.push("  nothing else in the snapshot");
  for (const i of x.inbound) out.push(...pathLines(`${t(i.from)} (${i.fromType.split("::").pop()}) on`, i));
  return `${[...out, ...tail(x)].join("\n")}\n`;
}

/** Its tiers, findings and unverified checks: the end of every explanation. */
function tail(x: Explanation): string[] {
  const out: string[] = [];
  out.push("", "Documented as");
  out.push(
    x.tiers.length > 0
      ? `  tier${x.tiers.length > 1 ? "s" : ""} ${x.tiers.join(", ")}${x.environment ? `, environment ${t(x.environment)}` : ""}`
      : "  no tier (pass --spec to see the documented architecture)",
  );
  out.push("", `Findings (${x.findings.length})`);
  if (x.findings.length === 0) out.push("  none");
  for (const f of x.findings)
    out.push(
      `  ${f.severity.toUpperCase()} ${f.ruleId}${f.waived ? " (waived)" : ""}: ${t(f.message)}`,
      ...f.evidence.map((e) => `    - ${t(e)}`),
    );
  if (x.unverified.length > 0) {
    out.push("", `Unverified (${x.unverified.length}): not checked, the data was not recorded`);
    for (const u of x.unverified)
      out.push(`  ${u.severity.toUpperCase()} ${u.ruleId}`, ...u.missing.map((m) => `    - ${t(m)}`));
  }
  return out;
}

/** A path's lines: proven ports with their steps, then what only unrecorded data could let through. */
function pathLines(head: string, p: PathExplanation): string[] {
  const out: string[] = [];
  if (p.ports) out.push(`  ${head} tcp/${p.ports}`, ...p.path.map((h) => `    - ${t(h)}`));
  if (p.unknown)
    out.push(
      `  ${head} tcp/${p.unknown.ports}: unknown, possible if what was not recorded allows it`,
      ...p.unknown.reasons.map((h) => `    - not recorded: ${t(h)}`),
    );
  return out;
}
