import { Document, isCollection } from "yaml";
import type { Facts } from "../analysis/facts.ts";
import { formatPorts, isEmpty, NO_PORTS, type PortSet, subtract, union } from "../analysis/ports.ts";
import { type EndpointGroup, portsBetweenGroups } from "../analysis/reachability.ts";
import type { Graph } from "../model/graph.ts";
import { asKnown, type Resource } from "../model/snapshot.ts";
import type { Placement } from "./schema.ts";

// `asbuilt init`: a first architecture.yaml drafted from what is running, for a brownfield account.
// Environments come from an environment-like tag, tiers from resource kinds and role-like tags, each
// tier's placement from its members' subnets, and flows from today's reachability. It documents the
// account as it is: a team reviews it, deletes what should not be, and from then on the gate holds.

const ENV_KEYS = ["Environment", "environment", "Env", "env", "Stage", "stage"];
const ROLE_KEYS = ["Role", "role", "Tier", "tier", "Component", "component", "Service", "service"];

const KIND: Record<string, string> = {
  "AWS::ElasticLoadBalancingV2::LoadBalancer": "load-balancers",
  "AWS::EC2::Instance": "instances",
  "AWS::ECS::Service": "services",
  "AWS::Lambda::Function": "functions",
  "AWS::RDS::DBInstance": "databases",
  "AWS::RDS::DBCluster": "databases",
  "AWS::RDS::DBProxy": "databases",
  "AWS::ElastiCache::CacheCluster": "caches",
  "AWS::S3::Bucket": "buckets",
  "AWS::CloudFront::Distribution": "cdn",
};

interface DraftTier {
  name: string;
  select: { type?: string | string[]; tags?: Record<string, string>; name?: string[] };
  members: Resource[];
  placement: Placement;
  waf?: "required";
  tls?: "required";
}

/**
 * `schema`: where editors find schema/architecture.schema.json from the draft's folder (a path to the
 * installed copy, so it matches this asbuilt's version and works offline).
 */
export function draftSpec(
  graph: Graph,
  facts: Facts,
  name: string,
  schema = "schema/architecture.schema.json",
): string {
  const resources = graph.resources.filter((r) => KIND[r.type] !== undefined);
  const envKey = ENV_KEYS.find(
    (k) => resources.filter((r) => r.tags[k] !== undefined).length >= Math.max(1, resources.length * 0.5),
  );
  const roleKey = ROLE_KEYS.find((k) =>
    resources.some(
      (r) => r.tags[k] !== undefined && (r.type === "AWS::EC2::Instance" || r.type === "AWS::ECS::Service"),
    ),
  );

  // Tiers: compute by role tag where there is one; everything else by kind.
  const tiers = new Map<string, DraftTier>();
  for (const r of resources) {
    const role = roleKey ? r.tags[roleKey] : undefined;
    const compute = r.type === "AWS::EC2::Instance" || r.type === "AWS::ECS::Service";
    const kind = KIND[r.type] ?? "other";
    const key = compute && role ? tierName(role) : kind;
    let t = tiers.get(key);
    if (!t) {
      t = {
        name: key,
        select: compute && role && roleKey ? { tags: { [roleKey]: role } } : { type: r.type },
        members: [],
        placement: "any",
      };
      tiers.set(key, t);
    }
    t.members.push(r);
    if (!(compute && role) && t.select.type !== undefined) {
      const types = new Set([t.select.type].flat());
      types.add(r.type);
      t.select.type = types.size === 1 ? r.type : [...types].sort();
    }
  }
  // Untagged compute beside role-tagged compute of the same type: select it by name, so tiers do not overlap.
  for (const t of tiers.values()) {
    const type = t.select.type;
    if (typeof type !== "string" || !(type === "AWS::EC2::Instance" || type === "AWS::ECS::Service"))
      continue;
    if (roleKey && resources.some((r) => r.type === type && r.tags[roleKey] !== undefined)) {
      t.select = { type, name: t.members.map((m) => m.name ?? m.id).sort() } as DraftTier["select"];
    }
  }
  const protectedIds = new Set(
    graph.ofType("AWS::WAFv2::WebACL").flatMap((a) => a.props.associatedResourceArns),
  );
  for (const t of tiers.values()) {
    const classes = new Set(t.members.flatMap((m) => facts.placementOf(m).map((f) => f.class)));
    t.placement =
      classes.size === 0
        ? "any"
        : classes.has("public")
          ? "public"
          : classes.has("private")
            ? "private"
            : "isolated";
    const albs = t.members.flatMap((m) => {
      const k = asKnown(m);
      return k?.type === "AWS::ElasticLoadBalancingV2::LoadBalancer" &&
        k.props.scheme === "internet-facing" &&
        k.props.loadBalancerType === "application"
        ? [k]
        : [];
    });
    if (albs.length > 0 && albs.every((lb) => protectedIds.has(lb.id))) t.waf = "required";
  }

  // Flows: what reachability allows today between tiers, and from the internet.
  const groupsOf = (t: DraftTier): EndpointGroup[] => {
    const seen = new Map<string, EndpointGroup>();
    for (const m of t.members) for (const g of facts.reach.groupsOf(m)) seen.set(g.key, g);
    return [...seen.values()];
  };
  const flows: { from: string; to: string; ports: PortSet }[] = [];
  const list = [...tiers.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const to of list) {
    let fromInternet: PortSet = NO_PORTS;
    for (const m of to.members) {
      const e = facts.reach.exposure(m);
      fromInternet = union(fromInternet, e.world.ports, e.restricted.ports);
    }
    if (!isEmpty(fromInternet)) flows.push({ from: "internet", to: to.name, ports: fromInternet });
    const targets = groupsOf(to);
    for (const from of list) {
      if (from === to) continue;
      let ports = portsBetweenGroups(facts.reach, groupsOf(from), targets, { skipSame: true }).ports;
      // What the internet reaches, every tier reaches: no flow of its own.
      ports = subtract(ports, fromInternet);
      if (!isEmpty(ports)) flows.push({ from: from.name, to: to.name, ports });
    }
  }

  const primary = graph.resources.filter((r) => KIND[r.type] !== undefined);
  const common =
    primary.length === 0
      ? []
      : Object.keys(primary[0]?.tags ?? {}).filter(
          (k) =>
            k !== "Name" && primary.filter((r) => r.tags[k] !== undefined).length >= primary.length * 0.9,
        );

  const doc = new Document({
    name,
    ...(envKey
      ? {
          environments: {
            tag: envKey,
            values: [
              ...new Set(resources.flatMap((r) => (r.tags[envKey] !== undefined ? [r.tags[envKey]] : []))),
            ].sort(),
            isolation: "vpc",
          },
        }
      : {}),
    ...(common.length > 0 ? { tags: { required: common.sort() } } : {}),
    tiers: Object.fromEntries(
      list.map((t) => [
        t.name,
        { select: t.select, placement: t.placement, ...(t.waf ? { waf: t.waf } : {}) },
      ]),
    ),
    flows: flows.map((f) => ({ from: f.from, to: f.to, ports: portsForYaml(f.ports) })),
  });
  doc.commentBefore =
    ` Drafted by asbuilt init from ${graph.snapshot.source ?? "a snapshot"} scanned ${graph.snapshot.scannedAt}.\n` +
    " It documents the account as it is today: review every tier and flow, delete what should not be,\n" +
    " tighten placements, then check with: asbuilt check snapshot.json --spec architecture.yaml\n" +
    ` yaml-language-server: $schema=${schema}`;
  const flowsNode = doc.get("flows", true) as { commentBefore?: string } | undefined;
  if (flowsNode)
    flowsNode.commentBefore =
      " Every flow reachability allows today. Ports marked 0-65535 mean all ports: narrow them.";
  for (const pair of (
    doc.get("tiers", true) as { items?: { key: { commentBefore?: string; value?: unknown } }[] } | undefined
  )?.items ?? []) {
    const t = tiers.get(String(pair.key.value));
    if (t)
      pair.key.commentBefore = ` ${t.members.length} resource(s), e.g. ${t.members
        .slice(0, 3)
        .map((m) => m.name ?? m.id)
        .join(", ")}`;
  }
  // Selectors and flows read best on one line each.
  const compact = (node: unknown) => {
    if (isCollection(node)) node.flow = true;
  };
  for (const pair of (
    doc.get("tiers", true) as { items?: { value: { get(k: string, keep: true): unknown } }[] } | undefined
  )?.items ?? [])
    compact(pair.value.get("select", true));
  for (const item of (doc.get("flows", true) as { items?: unknown[] } | undefined)?.items ?? [])
    compact(item);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

function tierName(role: string): string {
  const n = role
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return /^[a-z]/.test(n) ? n : `tier-${n || "x"}`;
}

function portsForYaml(ports: PortSet): (number | string)[] {
  return formatPorts(ports) === "all" ? ["0-65535"] : ports.map(([a, b]) => (a === b ? a : `${a}-${b}`));
}
