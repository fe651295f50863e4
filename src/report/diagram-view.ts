import { formatPorts, isEmpty, type PortSet, subtract, union } from "../analysis/ports.ts";
import type { Path } from "../analysis/reachability.ts";
import { push } from "../model/maps.ts";
import { PASSIVE_TYPES } from "../model/passive-types.ts";
import type { Resource } from "../model/snapshot.ts";
import { type Finding, type FindingsReport, type FlowEdge, fingerprint } from "../rules/finding.ts";
import { documentedPorts, networkMembers } from "../rules/flows.ts";
import type { RuleContext, RuleMeta } from "../rules/types.ts";
import { DOCUMENTABLE_TYPES } from "../rules/util.ts";

// The `view` section of the findings JSON: what the diagram (UI and HTML report) needs beyond the snapshot.
// It lives with the report, not the rules: the rules decide what is wrong; this decides what to draw of it.

/** More flow edges than this are not drawn (the report says how many were left out). */
export const MAX_FLOW_EDGES = 20_000;

/** The rule whose findings the red edges show; its fingerprint key is `from:internet` or `from:<tier>`. */
const FLOW_RULE = "flow-undocumented";

const evidenceOf = (p: Path): string[] => p.hops.map((h) => h.text);

/**
 * The traffic the network allows, as edges a diagram can draw: the internet to every resource it can reach
 * directly, and, with a spec, every member of one tier to the members of another tier it can reach.
 * Each edge says whether a documented flow covers its ports and, when the flow-undocumented rule reported it,
 * which finding it is. Computed per endpoint-group pair (cached by the reachability facts), so the cost
 * follows the number of distinct subnet × security-group sets.
 */
export function flowMap(
  ctx: RuleContext,
  findings: readonly Finding[] = [],
): { flows: FlowEdge[]; truncated: number } {
  const flows: FlowEdge[] = [];
  let truncated = 0;
  const addFlow = (f: FlowEdge) => {
    if (flows.length < MAX_FLOW_EDGES) flows.push(f);
    else truncated++;
  };
  const spec = ctx.spec;
  const documented = documentedPorts(spec?.spec.flows ?? []);
  const reported = new Set(findings.filter((f) => f.ruleId === FLOW_RULE).map((f) => f.fingerprint));
  const findingFor = (target: string, from: string) => {
    const fp = fingerprint(FLOW_RULE, target, `from:${from}`);
    return reported.has(fp) ? fp : undefined;
  };
  const status = (ports: PortSet, doc: PortSet): FlowEdge["status"] =>
    !spec ? "unspecified" : isEmpty(subtract(ports, doc)) ? "documented" : "undocumented";

  const fromInternet = new Map<string, PortSet>();
  for (const r of ctx.graph.resources) {
    if (!DOCUMENTABLE_TYPES.has(r.type) || ctx.facts.reach.groupsOf(r).length === 0) continue;
    const exposure = ctx.facts.reach.exposure(r);
    const ports = union(exposure.world.ports, exposure.restricted.ports);
    if (isEmpty(ports)) continue;
    fromInternet.set(r.id, ports);
    const st = status(ports, documented("internet", spec?.tiersOf(r) ?? []));
    const finding = st === "undocumented" ? findingFor(r.id, "internet") : undefined;
    addFlow({
      from: "internet",
      to: r.id,
      ports: formatPorts(ports),
      status: st,
      ...(finding ? { finding } : {}),
      evidence: evidenceOf(isEmpty(exposure.world.ports) ? exposure.restricted : exposure.world),
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
        const portsFrom = new Map<string, { ports: PortSet; path: Path; source: Resource }>();
        for (const b of ctx.facts.reach.groupsOf(t)) {
          for (const a of ctx.facts.reach.neighbours(b)) {
            const sources = sourceGroups.get(a.key);
            if (!sources) continue;
            const p = ctx.facts.reach.betweenGroups(a, b);
            if (isEmpty(p.ports)) continue;
            for (const s of sources) {
              if (s.id === t.id) continue;
              const prev = portsFrom.get(s.id);
              portsFrom.set(s.id, {
                ports: union(prev?.ports ?? [], p.ports),
                path: prev?.path ?? p,
                source: s,
              });
            }
          }
        }
        const doc = documented(source, targetTiers);
        // As the rule does: what the internet may reach, any tier may reach too; only the rest is a finding.
        const implied = union(doc, documented("internet", targetTiers), fromInternet.get(t.id) ?? []);
        const finding = findingFor(t.id, source);
        for (const [s, { ports, path, source: from }] of portsFrom) {
          const extra = !isEmpty(subtract(ports, implied));
          const mine = extra ? finding : undefined;
          if (PASSIVE_TYPES.has(from.type) && !mine) continue;
          addFlow({
            from: s,
            to: t.id,
            ports: formatPorts(ports),
            status: status(ports, doc),
            ...(mine ? { finding: mine } : {}),
            evidence: evidenceOf(path),
          });
        }
      }
    }
  }
  return { flows, truncated };
}

/** The `view` section of the findings JSON: tiers, environment tag, subnet classes and flows, for the diagram. */
export function diagramView(
  ctx: RuleContext,
  findings: readonly Finding[],
  rules: ReadonlyMap<string, RuleMeta>,
): NonNullable<FindingsReport["view"]> {
  const { flows, truncated } = flowMap(ctx, findings);
  const tiers: Record<string, string[]> = {};
  if (ctx.spec) {
    for (const name of Object.keys(ctx.spec.spec.tiers)) tiers[name] = [];
    for (const r of ctx.graph.resources) for (const t of ctx.spec.tiersOf(r)) tiers[t]?.push(r.id);
  }
  const environmentTag = ctx.spec?.spec.environments?.tag;
  const subnetClasses: Record<string, string> = {};
  for (const id of [...ctx.facts.subnets.keys()].sort()) {
    const f = ctx.facts.subnets.get(id);
    if (f) subnetClasses[id] = f.class;
  }
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
    subnetClasses,
    rules: ruleText,
  };
}
