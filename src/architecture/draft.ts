import { Document, isCollection } from "yaml";
import type { Facts } from "../analysis/facts.ts";
import { formatPorts, isEmpty, NO_PORTS, type PortSet, subtract, tcpOnly, union } from "../analysis/ports.ts";
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

const COMPUTE = new Set(["AWS::EC2::Instance", "AWS::ECS::Service", "AWS::Lambda::Function"]);

interface DraftTier {
  name: string;
  select: { type?: string | string[]; tags?: Record<string, string>; name?: string[]; arn?: string[] };
  members: Resource[];
  placement: Placement;
  waf?: "required";
  tls?: "required";
  /** Why the draft leaves something of this tier for the team to decide. */
  undecided?: string;
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

  // Tiers. Compute by its role tag where it has one; else by its Auto Scaling group, else by the names of its
  // security groups (instances that share a role share their groups), so that web, app and CI hosts land in
  // tiers of their own instead of one "instances" tier. Everything else by kind. Then every tier whose members
  // sit in subnets of different classes is split by class, so that its placement holds for all of them.
  const envValues = new Set(
    envKey
      ? resources.flatMap((r) => (r.tags[envKey] !== undefined ? [r.tags[envKey].toLowerCase()] : []))
      : [],
  );
  const stem = nameStem(
    resources.map((r) => r.name ?? ""),
    envValues,
  );
  const asgOf = new Map<string, string>();
  for (const g of graph.ofType("AWS::AutoScaling::AutoScalingGroup"))
    for (const id of g.props.instanceIds)
      asgOf.set(`${g.account}/${g.region}/${id}`, g.name ?? g.props.autoScalingGroupName);
  const roleOf = (r: Resource): { key: string; byTag: boolean } => {
    const role = roleKey ? r.tags[roleKey] : undefined;
    if (!COMPUTE.has(r.type)) return { key: KIND[r.type] ?? "other", byTag: false };
    if (role) return { key: tierName(role), byTag: true };
    const k = asKnown(r);
    const asg =
      k?.type === "AWS::EC2::Instance"
        ? asgOf.get(`${r.account}/${r.region}/${k.props.instanceId}`)
        : undefined;
    if (asg) return { key: tierName(stem(asg) || asg), byTag: false };
    const sgNames = graph
      .out(r.id, "uses")
      .flatMap((e) => {
        const sg = graph.getOfType(e.to, "AWS::EC2::SecurityGroup");
        return sg ? [stem(sg.props.groupName || sg.name || "") || sg.props.groupName] : [];
      })
      .filter(Boolean)
      .sort();
    if (sgNames.length > 0) return { key: tierName([...new Set(sgNames)].join("-")), byTag: false };
    return { key: tierName(stem(r.name ?? "") || (KIND[r.type] ?? "other")), byTag: false };
  };
  const classOf = (r: Resource): string => facts.placementClass(r) ?? "none";
  const groups = new Map<string, { byTag: boolean; members: Resource[] }>();
  for (const r of resources) {
    const { key, byTag } = roleOf(r);
    const g = groups.get(key) ?? { byTag, members: [] };
    g.members.push(r);
    groups.set(key, g);
  }
  const tiers = new Map<string, DraftTier>();
  for (const [key, g] of groups) {
    const byClass = new Map<string, Resource[]>();
    for (const m of g.members) byClass.set(classOf(m), [...(byClass.get(classOf(m)) ?? []), m]);
    for (const [cls, members] of byClass) {
      const name = byClass.size === 1 ? key : `${key}-${cls === "none" ? "outside-vpc" : cls}`;
      const role = roleKey && g.byTag && byClass.size === 1 ? members[0]?.tags[roleKey] : undefined;
      const types = [...new Set(members.map((m) => m.type))].sort();
      const type = types.length === 1 ? (types[0] ?? "") : types;
      const ofTypes = resources.filter((r) => types.includes(r.type));
      // A selector that holds exactly these members: their type(s) with the role tag, the type(s) alone when
      // the tier has every resource of them, else their names (or ARNs where names repeat).
      const select: DraftTier["select"] =
        role !== undefined && roleKey
          ? { type, tags: { [roleKey]: role } }
          : ofTypes.length === members.length
            ? { type }
            : members.every(
                  (m) => m.name !== undefined && ofTypes.filter((o) => o.name === m.name).length === 1,
                )
              ? { type, name: members.map((m) => m.name ?? "").sort() }
              : { arn: members.map((m) => m.id).sort() };
      tiers.set(name, {
        name,
        select,
        members,
        placement: cls === "public" || cls === "private" || cls === "isolated" ? cls : "any",
        ...(cls === "unknown"
          ? { undecided: "placement unknown: the route table of its subnets was not recorded" }
          : {}),
      });
    }
  }
  const isProtected = (id: string) =>
    graph.ofType("AWS::WAFv2::WebACL").some((a) => a.props.associatedResourceArns?.includes(id)) ||
    graph.in(id, "protects").length > 0;
  for (const t of tiers.values()) {
    const albs = t.members.flatMap((m) => {
      const k = asKnown(m);
      return k?.type === "AWS::ElasticLoadBalancingV2::LoadBalancer" &&
        k.props.scheme === "internet-facing" &&
        k.props.loadBalancerType === "application"
        ? [k]
        : [];
    });
    if (albs.length > 0 && albs.every((lb) => isProtected(lb.id))) t.waf = "required";
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
      // Spec flows name TCP ports: a draft holds the TCP part.
      fromInternet = union(fromInternet, tcpOnly(e.world.ports), tcpOnly(e.restricted.ports));
    }
    if (!isEmpty(fromInternet)) flows.push({ from: "internet", to: to.name, ports: fromInternet });
    const targets = groupsOf(to);
    for (const from of list) {
      if (from === to) continue;
      let ports = tcpOnly(portsBetweenGroups(facts.reach, groupsOf(from), targets, { skipSame: true }).ports);
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
        .join(", ")}${t.undecided ? `\n To decide: ${t.undecided}` : ""}`;
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

/**
 * A name's stem, for naming tiers across environments: "acme-production-app-asg" and "acme-staging-app-asg"
 * both give "app". Drops the environments' values, tokens nearly every resource name shares (the project's
 * prefix), and trailing counters or AZ letters.
 */
function nameStem(all: readonly string[], envValues: ReadonlySet<string>): (name: string) => string {
  const tokens = (n: string) =>
    n
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const named = all.filter(Boolean);
  const count = new Map<string, number>();
  for (const n of named) for (const tok of new Set(tokens(n))) count.set(tok, (count.get(tok) ?? 0) + 1);
  const common = new Set(
    [...count].filter(([, c]) => named.length >= 4 && c >= named.length * 0.8).map(([t]) => t),
  );
  return (name) => {
    const kept = tokens(name).filter((tok) => !envValues.has(tok) && !common.has(tok));
    while (kept.length > 1 && /^(\d+|[a-z]|\d+[a-z]|[a-z]\d+)$/.test(kept[kept.length - 1] ?? "")) kept.pop();
    return kept.join("-");
  };
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

/**
 * The end of a draft: what `asbuilt check` with it still reports about the account (findings the draft
 * cannot make go away: SSH open to the world, a VPC that two environments share, a resource without a tag
 * every other one has), as a comment for the team to decide, each fixed in the account or waived with a
 * reason. A check run with the draft reports exactly these.
 */
export function toDecideComment(
  findings: readonly { ruleId: string; message: string; resourceId: string; severity: string }[],
  unverified: number,
): string {
  const lines = [
    "",
    findings.length === 0
      ? "# To decide: nothing. asbuilt check reports no finding with this draft."
      : `# To decide: asbuilt check with this draft reports these ${findings.length} finding(s). Fix each in the account, or waive it (waivers:) with a reason and an expiry date.`,
    ...findings.map((f) => `#   - ${f.severity} ${f.ruleId}: ${oneLine(f.message)} (${f.resourceId})`),
    ...(unverified > 0
      ? [
          `# ${unverified} check(s) could not be decided: the snapshot did not record what they need (asbuilt check lists them as unverified).`,
        ]
      : []),
  ];
  return `${lines.join("\n")}\n`;
}

/** Text for a YAML comment: one line, no control characters. */
export function oneLine(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return s.replace(/[\u0000-\u001f\u007f]+/g, " ");
}
