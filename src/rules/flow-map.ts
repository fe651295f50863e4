import { formatPorts, isEmpty, type PortSet, subtract, union } from "../analysis/ports.ts";
import { push } from "../model/maps.ts";
import type { Resource } from "../model/snapshot.ts";
import type { Finding, FindingsReport, FlowEdge } from "./finding.ts";
import { documentedPorts, networkMembers } from "./flows.ts";
import type { RuleContext, RuleMeta } from "./types.ts";
import { DOCUMENTABLE_TYPES } from "./util.ts";

/** More flow edges than this are not drawn (the report says how many were left out). */
export const MAX_FLOW_EDGES = 20_000;

/**
 * The traffic the network allows, as edges a diagram can draw: the internet to every resource it can reach
 * directly, and, with a spec, every member of one tier to the members of another tier it can reach.
 * Each edge says whether a documented flow covers all its ports. Computed per endpoint-group pair (cached by
 * the reachability facts), so the cost follows the number of distinct subnet × security-group sets.
 */
export function flowMap(ctx: RuleContext): { flows: FlowEdge[]; truncated: number } {
  const flows: FlowEdge[] = [];
  let truncated = 0;
  const addFlow = (f: FlowEdge) => {
    if (flows.length < MAX_FLOW_EDGES) flows.push(f);
    else truncated++;
  };
  const spec = ctx.spec;
  const documented = documentedPorts(spec?.spec.flows ?? []);
  const status = (ports: PortSet, doc: PortSet): FlowEdge["status"] =>
    !spec ? "unspecified" : isEmpty(subtract(ports, doc)) ? "documented" : "undocumented";

  for (const r of ctx.graph.resources) {
    if (!DOCUMENTABLE_TYPES.has(r.type) || ctx.facts.reach.groupsOf(r).length === 0) continue;
    const exposure = ctx.facts.reach.exposure(r);
    const ports = union(exposure.world.ports, exposure.restricted.ports);
    if (isEmpty(ports)) continue;
    addFlow({
      from: "internet",
      to: r.id,
      ports: formatPorts(ports),
      status: status(ports, documented("internet", spec?.tiersOf(r) ?? [])),
    });
  }
  if (!spec) return { flows, truncated };

  // Tier to tier, resource to resource, found through endpoint groups: for each target, only the groups
  // of joined VPCs are looked at, and each group pair is computed once (cached by the reachability facts).
  const tiers = Object.keys(spec.spec.tiers);
  const members = new Map(tiers.map((t) => [t, networkMembers(ctx, t)]));
  const membersByGroup = new Map<string, Map<string, Resource[]>>();
  for (const t of tiers) {
    const byGroup = new Map<string, Resource[]>();
    for (const m of members.get(t) ?? [])
      for (const g of ctx.facts.reach.groupsOf(m)) push(byGroup, g.key, m);
    membersByGroup.set(t, byGroup);
  }
  const done = new Set<string>();
  for (const target of tiers) {
    for (const t of members.get(target) ?? []) {
      if (done.has(t.id)) continue;
      done.add(t.id);
      const targetTiers = spec.tiersOf(t);
      for (const source of tiers) {
        if (targetTiers.includes(source)) continue;
        const sourceGroups = membersByGroup.get(source) ?? new Map<string, Resource[]>();
        const portsFrom = new Map<string, PortSet>();
        for (const b of ctx.facts.reach.groupsOf(t)) {
          for (const a of ctx.facts.reach.neighbours(b)) {
            const members = sourceGroups.get(a.key);
            if (!members) continue;
            const p = ctx.facts.reach.betweenGroups(a, b);
            if (isEmpty(p.ports)) continue;
            for (const s of members)
              if (s.id !== t.id) portsFrom.set(s.id, union(portsFrom.get(s.id) ?? [], p.ports));
          }
        }
        const doc = documented(source, targetTiers);
        for (const [s, ports] of portsFrom)
          addFlow({ from: s, to: t.id, ports: formatPorts(ports), status: status(ports, doc) });
      }
    }
  }
  return { flows, truncated };
}

/** The `view` section of the findings JSON: tiers, environment tag and flows, for the diagram. */
export function diagramView(
  ctx: RuleContext,
  findings: readonly Finding[],
  rules: ReadonlyMap<string, RuleMeta>,
): NonNullable<FindingsReport["view"]> {
  const { flows, truncated } = flowMap(ctx);
  const tiers: Record<string, string[]> = {};
  if (ctx.spec) {
    for (const name of Object.keys(ctx.spec.spec.tiers)) tiers[name] = [];
    for (const r of ctx.graph.resources) for (const t of ctx.spec.tiersOf(r)) tiers[t]?.push(r.id);
  }
  const environmentTag = ctx.spec?.spec.environments?.tag;
  const publicSubnets = [...ctx.facts.subnets].filter(([, f]) => f.class === "public").map(([id]) => id);
  const ruleText: NonNullable<FindingsReport["view"]>["rules"] = {};
  for (const f of findings) {
    const m = rules.get(f.ruleId);
    if (m) ruleText[f.ruleId] = { title: m.title, why: m.why, fix: m.fix };
  }
  return {
    ...(environmentTag ? { environmentTag } : {}),
    tiers,
    flows,
    flowsLeftOut: truncated,
    publicSubnets: publicSubnets.sort(),
    rules: ruleText,
  };
}
