import type { Facts } from "../analysis/facts.ts";
import { formatPorts, isEmpty } from "../analysis/ports.ts";
import type { Hop } from "../analysis/reachability.ts";
import type { LoadedSpec } from "../architecture/load.ts";
import { arnResourceId } from "../model/arn.ts";
import type { Graph } from "../model/graph.ts";
import type { Resource } from "../model/snapshot.ts";
import type { Finding } from "../rules/finding.ts";
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
  subnets: { id: string; name?: string; class: string; evidence: string }[];
  exposure: {
    world: { ports: string; path: string[] };
    restricted: { ports: string; path: string[] };
    viaLoadBalancers: { loadBalancer: string; listenerPort: number; targetPorts: string; path: string[] }[];
  };
  inbound: { from: string; fromType: string; ports: string; path: string[] }[];
  /** Sources that can reach it, before `inbound` was cut to the first few. */
  inboundTotal: number;
  tiers: string[];
  environment?: string;
  findings: Pick<Finding, "ruleId" | "severity" | "message" | "evidence" | "waived">[];
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
): Explanation {
  const containers: Explanation["containers"] = [];
  for (let p = graph.parentOf(r); p; p = graph.parentOf(p))
    containers.unshift({ id: p.id, type: p.type, ...(p.name !== undefined ? { name: p.name } : {}) });
  const text = (hops: Hop[]) => hops.map((h) => h.text);
  const e = facts.reach.exposure(r);
  const inbound: Explanation["inbound"] = [];
  const candidates = graph.resources.filter(
    (s) => s.id !== r.id && SOURCES.has(s.type) && facts.reach.groupsOf(s).length > 0,
  );
  for (const s of candidates) {
    const p = facts.reach.between(s, r);
    if (isEmpty(p.ports)) continue;
    inbound.push({ from: s.name ?? s.id, fromType: s.type, ports: formatPorts(p.ports), path: text(p.hops) });
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
    subnets: facts.placementOf(r).map((f) => ({
      id: f.subnet.id,
      ...(f.subnet.name !== undefined ? { name: f.subnet.name } : {}),
      class: f.class,
      evidence: f.defaultRoute
        ? `${f.explicitAssociation ? "route table" : "main route table"} ${f.routeTable?.props.routeTableId}: ${f.defaultRoute.destinationCidr ?? f.defaultRoute.destinationIpv6Cidr} → ${f.defaultRoute.targetId}`
        : `${f.routeTable?.props.routeTableId ?? "no route table"}: no default route`,
    })),
    exposure: {
      world: { ports: formatPorts(e.world.ports), path: text(e.world.hops) },
      restricted: { ports: formatPorts(e.restricted.ports), path: text(e.restricted.hops) },
      viaLoadBalancers: e.viaLoadBalancers.map((v) => ({
        loadBalancer: v.lb.props.name,
        listenerPort: v.listenerPort,
        targetPorts: formatPorts(v.path.ports),
        path: text(v.path.hops),
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
  out.push("", "Placement");
  if (x.subnets.length === 0) out.push("  not in a VPC subnet");
  for (const s of x.subnets) out.push(`  ${s.class} subnet ${t(s.name ?? s.id)}: ${s.evidence}`);
  out.push("", "Exposure to the internet");
  const { world, restricted, viaLoadBalancers } = x.exposure;
  if (!world.ports && !restricted.ports && viaLoadBalancers.length === 0)
    out.push("  none: no path from the internet");
  if (world.ports) out.push(`  any address, tcp/${world.ports}`, ...world.path.map((h) => `    - ${t(h)}`));
  if (restricted.ports)
    out.push(`  some addresses, tcp/${restricted.ports}`, ...restricted.path.map((h) => `    - ${t(h)}`));
  for (const v of viaLoadBalancers)
    out.push(
      `  through load balancer ${t(v.loadBalancer)}:${v.listenerPort} → tcp/${v.targetPorts}`,
      ...v.path.map((h) => `    - ${t(h)}`),
    );
  out.push(
    "",
    `Who can reach it${totalInbound > x.inbound.length ? ` (first ${x.inbound.length} of ${totalInbound})` : ""}`,
  );
  if (x.inbound.length === 0) out.push("  nothing else in the snapshot");
  for (const i of x.inbound)
    out.push(
      `  ${t(i.from)} (${i.fromType.split("::").pop()}) on tcp/${i.ports}`,
      ...i.path.map((h) => `    - ${t(h)}`),
    );
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
  return `${out.join("\n")}\n`;
}
