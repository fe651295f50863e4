import { isWorld } from "../analysis/cidr.ts";
import { contains } from "../analysis/ports.ts";
import { hopsFor, type Path, possiblePorts } from "../analysis/reachability.ts";
import type { SubnetFacts } from "../analysis/subnets.ts";
import type { Severity, Tier } from "../architecture/schema.ts";
import type { SecurityGroupRule } from "../model/props.ts";
import { asKnown, type KnownResource, type Resource, type ResourceOf } from "../model/snapshot.ts";
import { type RuleContext, type RuleResult, unverified } from "./types.ts";

/** `"web-1" (i-0abc…)` or the id: how findings name a resource. */
export function label(r: Resource): string {
  const native = r.id.split(/[/:]/).pop() ?? r.id;
  // EC2-style ids (i-0abc…, subnet-0abc…) help find the resource; ARN suffixes (an LB's hash) only add noise.
  const helpful = /^[a-z]+(-[a-z]+)?-[0-9a-f]{8,}$/.test(native);
  if (!r.name) return `"${native}"`;
  return helpful && r.name !== native ? `"${r.name}" (${native})` : `"${r.name}"`;
}

/** Whether an SG rule lets `protocol`/`port` through: all-traffic rules and port ranges count. */
export function ruleAllowsPort(rule: SecurityGroupRule, protocol: "tcp" | "udp", port: number): boolean {
  if (rule.protocol === "-1" || rule.protocol === "all") return true;
  const proto = rule.protocol === "6" ? "tcp" : rule.protocol === "17" ? "udp" : rule.protocol;
  if (proto !== protocol) return false;
  if (rule.fromPort === null || rule.toPort === null) return true;
  if (rule.fromPort === -1) return true;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** The sentence an unverified result gives for a value the source did not record. */
export function notRecorded(r: Resource, prop: string): string {
  return `${prop} of ${r.type.split("::").pop()} ${label(r)} is not recorded`;
}

/** Unverified results for the props of `r` that are undefined (the source did not record them), or []. */
export function missingProps(r: Resource, props: Record<string, unknown>): string[] {
  return Object.entries(props).flatMap(([name, v]) => (v === undefined ? [notRecorded(r, name)] : []));
}

/**
 * What a web ACL check on `r` (an ALB, a CloudFront distribution) cannot know: web ACLs not recorded where
 * they would be, or recorded without the resources they protect. Empty when the absence of a web ACL is
 * evidence.
 */
export function wafUnknowns(ctx: RuleContext, r: Resource): string[] {
  const cloudfront = r.type === "AWS::CloudFront::Distribution";
  const region = cloudfront ? "global" : r.region;
  const gap = ctx.graph.recorded.gap(r.account, region, "AWS::WAFv2::WebACL");
  if (gap) return [`web ACLs: ${gap}`];
  return ctx.graph
    .ofType("AWS::WAFv2::WebACL")
    .filter(
      (a) =>
        a.account === r.account &&
        a.region === region &&
        a.props.associatedResourceArns === undefined &&
        a.props.scope === (cloudfront ? "CLOUDFRONT" : "REGIONAL"),
    )
    .map(
      (a) =>
        `the resources web ACL ${label(a)} protects are not recorded (an AWS Config item without relationships)`,
    );
}

/** Ids of the resources some recorded web ACL protects (its associations, or a `protects` edge). */
export function wafProtected(ctx: RuleContext): (r: Resource) => boolean {
  const ids = new Set(
    ctx.graph.ofType("AWS::WAFv2::WebACL").flatMap((a) => a.props.associatedResourceArns ?? []),
  );
  return (r) => ids.has(r.id) || ctx.graph.in(r.id, "protects").length > 0;
}

/** The world-open sources of a rule (0.0.0.0/0, ::/0). */
export function worldSources(rule: SecurityGroupRule): string[] {
  return [...rule.ipv4Ranges, ...rule.ipv6Ranges].filter(isWorld);
}

export function describeRule(rule: SecurityGroupRule): string {
  const proto = rule.protocol === "-1" ? "all traffic" : rule.protocol;
  const ports =
    rule.protocol === "-1" || rule.fromPort === null
      ? ""
      : rule.fromPort === rule.toPort
        ? `/${rule.fromPort}`
        : `/${rule.fromPort}-${rule.toPort}`;
  const sources = [
    ...rule.ipv4Ranges,
    ...rule.ipv6Ranges,
    ...rule.groupRefs.map((g) => g.groupId),
    ...rule.prefixListIds,
  ].join(", ");
  return `ingress ${proto}${ports} from ${sources}${rule.description ? ` ("${rule.description}")` : ""}`;
}

/** Resources that use a security group (instances, ENIs, LBs, DBs…), by their `uses` edges. */
export function usersOf(ctx: RuleContext, sg: ResourceOf<"AWS::EC2::SecurityGroup">): Resource[] {
  const out: Resource[] = [];
  for (const e of ctx.graph.in(sg.id, "uses")) {
    const r = ctx.graph.get(e.from);
    if (r && r.type !== "AWS::EC2::NetworkInterface") out.push(r);
  }
  // ENIs count only when nothing else names the group (a task or endpoint known only by its ENI).
  if (out.length === 0)
    for (const e of ctx.graph.in(sg.id, "uses")) {
      const r = ctx.graph.get(e.from);
      if (r) out.push(r);
    }
  return out;
}

/** True when the spec documents this resource in a tier placed in public subnets on purpose. */
export function inPublicTier(ctx: RuleContext, r: Resource): boolean {
  const spec = ctx.spec;
  if (!spec) return false;
  return spec.tiersOf(r).some((t) => spec.spec.tiers[t]?.placement === "public");
}

/** Evidence for a subnet's class: its name, route table and deciding route. */
export function subnetEvidence(f: SubnetFacts): string {
  if (f.class === "unknown")
    return `subnet ${label(f.subnet)}: class unknown, ${f.unknownReason ?? "its route table is not recorded"}`;
  const rt = f.routeTable;
  const route = f.defaultRoute;
  const via = rt
    ? `${f.explicitAssociation ? "route table" : "main route table"} ${label(rt)}`
    : "no route table";
  const dest = route
    ? `${route.destinationCidr ?? route.destinationIpv6Cidr} → ${route.targetId}`
    : "no default route";
  return `subnet ${label(f.subnet)} is ${f.class}: ${via} has ${dest}`;
}

export function listUsers(users: Resource[], max = 5): string {
  if (users.length === 0) return "nothing uses this group";
  const names = users.slice(0, max).map((u) => `${u.type.split("::").pop()} ${label(u)}`);
  return `used by ${names.join(", ")}${users.length > max ? ` and ${users.length - max} more` : ""}`;
}

/**
 * Findings for security groups whose ingress lets the world reach one of `ports`. Shared by the
 * admin-port and database-port rules, which differ only in their port lists. Exposure-aware, but a
 * severity is lowered only on proof: the rule's severity when a resource using the group is (or may be)
 * reachable from the internet on that port; one step lower when the group is used and none of its users
 * is reachable (no public IP, no route to an internet gateway, a NACL in the way), all of that recorded;
 * low when nothing uses the group, and every kind of resource that could was recorded.
 */
export function portsOpenToWorld(
  ctx: RuleContext,
  ports: Record<number, string>,
  severity: Severity,
): RuleResult[] {
  const out: RuleResult[] = [];
  for (const sg of ctx.graph.ofType("AWS::EC2::SecurityGroup")) {
    const ingress = sg.props.ingress;
    if (!ingress) {
      out.push(unverified(sg, [notRecorded(sg, "ingress rules")], { severity }));
      continue;
    }
    const users = usersOf(ctx, sg);
    for (const [portText, service] of Object.entries(ports)) {
      const port = Number(portText);
      const rules = ingress.filter((r) => ruleAllowsPort(r, "tcp", port) && worldSources(r).length > 0);
      if (rules.length === 0) continue;
      const sources = [...new Set(rules.flatMap(worldSources))];
      const at = (p: Path) => contains(p.ports, port);
      const maybeAt = (p: Path) => contains(possiblePorts(p), port);
      const reachable = users.flatMap((u) => {
        const path = ctx.facts.reach.exposure(u).world;
        return at(path) ? [{ u, path }] : [];
      });
      const maybe = users.flatMap((u) => {
        const path = ctx.facts.reach.exposure(u).world;
        return !at(path) && maybeAt(path) ? [{ u, path }] : [];
      });
      const usersUnknown = ctx.gap(sg, "AWS::EC2::NetworkInterface");
      const first = reachable[0];
      const vague = maybe[0];
      // Lowered only when proven: no user reachable, and (for "unused") nothing unrecorded could use it.
      const sev: Severity =
        first || vague || usersUnknown ? severity : users.length === 0 ? "low" : lower(severity);
      out.push({
        resource: sg,
        key: `tcp/${port}`,
        severity: sev,
        message: `Security group ${label(sg)} allows ${service} (tcp/${port}) from ${sources.join(" and ")}${users.length > 0 && !first && !vague && !usersUnknown ? ", though nothing using it is reachable from the internet today" : ""}.`,
        evidence: [
          ...rules.map(describeRule),
          users.length === 0 && usersUnknown
            ? `no recorded resource uses this group, but network interfaces were not recorded here (${usersUnknown})`
            : listUsers(users),
          ...(first
            ? [
                `reachable from the internet: ${first.u.type.split("::").pop()} ${label(first.u)} via ${hopsFor(
                  first.path,
                  port,
                )
                  .map((h) => h.text)
                  .join("; ")}`,
              ]
            : vague?.path.unknown
              ? [
                  `may be reachable from the internet (not lowered: unknown whether it is): ${vague.u.type.split("::").pop()} ${label(vague.u)}; ${vague.path.unknown.reasons.join("; ")}`,
                ]
              : []),
        ],
      });
    }
  }
  return out;
}

export function lower(s: Severity): Severity {
  return s === "critical" ? "high" : s === "high" ? "medium" : "low";
}

/**
 * A finding about the spec itself (an empty tier, a broken flow, an expired waiver) has no AWS
 * resource: it is attached to a stand-in that names the spec element.
 */
export function specSubject(ctx: RuleContext, kind: "Tier" | "Flow" | "Waiver", name: string): Resource {
  return {
    id: `asbuilt:spec/${ctx.spec?.spec.name ?? "spec"}/${kind.toLowerCase()}/${name}`,
    type: `asbuilt::Spec::${kind}`,
    account: ctx.graph.snapshot.scope.accounts[0] ?? "000000000000",
    region: "global",
    name,
    tags: {},
    props: {},
  };
}

const membershipCache = new WeakMap<object, Map<string, Resource[]>>();

/** Resources in a tier, in snapshot order; tiers are matched once per run and cached. */
export function tierMembers(ctx: RuleContext, tier: string): Resource[] {
  const spec = ctx.spec;
  if (!spec) return [];
  let byTier = membershipCache.get(spec);
  if (!byTier || membershipCache.get(ctx.graph) !== byTier) {
    byTier = new Map(Object.keys(spec.spec.tiers).map((t) => [t, [] as Resource[]]));
    for (const r of ctx.graph.resources) for (const t of spec.tiersOf(r)) byTier.get(t)?.push(r);
    membershipCache.set(spec, byTier);
    membershipCache.set(ctx.graph, byTier);
  }
  return byTier.get(tier) ?? [];
}

/** Types a team documents in tiers: workloads, data stores, entry points. */
export const DOCUMENTABLE_TYPES = new Set([
  "AWS::EC2::Instance",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBCluster",
  "AWS::RDS::DBProxy",
  "AWS::ElastiCache::CacheCluster",
  "AWS::S3::Bucket",
  "AWS::CloudFront::Distribution",
  "AWS::ECS::Service",
  "AWS::Lambda::Function",
]);

/** The modelled members of every tier for which `wants(tier)` holds, each with its tier's name. */
export function membersOfTiers(
  ctx: RuleContext,
  wants: (tier: Tier) => boolean,
): { tier: string; r: KnownResource }[] {
  const spec = ctx.spec;
  if (!spec) return [];
  return Object.entries(spec.spec.tiers).flatMap(([name, tier]) =>
    wants(tier)
      ? tierMembers(ctx, name).flatMap((m) => {
          const r = asKnown(m);
          return r ? [{ tier: name, r }] : [];
        })
      : [],
  );
}
