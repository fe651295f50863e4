import {
  first,
  formatPorts,
  intersect,
  isEmpty,
  NO_PORTS,
  type PortSet,
  subtract,
  union,
} from "../analysis/ports.ts";
import { type Hop, hopsFor, type Path, portsBetweenGroups, possiblePorts } from "../analysis/reachability.ts";
import type { Resource } from "../model/snapshot.ts";
import { groupsOfAll, networkMembers } from "../rules/flows.ts";
import type { RuleContext } from "../rules/types.ts";
import { DOCUMENTABLE_TYPES } from "../rules/util.ts";

// How what the network allows changed between two snapshots: paths from the internet that are new or
// gone (per resource, per way in: any address, listed addresses, a load balancer's listener), and flows
// between the spec's tiers that became possible or impossible. Both sides are asked the reachability
// analysis's own questions (exposure, portsBetweenGroups); nothing here decides reachability itself.
// Unknown is never false: ports that were proven before and are only possible now (a security group no
// longer recorded) are "unknown", never "closed".

export type ExposureChange = "opened" | "closed" | "unknown";

export interface ExposureDelta {
  resourceId: string;
  resourceType: string;
  resourceName?: string;
  /** "any address" (0.0.0.0/0, ::/0), "listed addresses", or "load balancer NAME port N". */
  via: string;
  change: ExposureChange;
  /** TCP ports, e.g. "22, 5432". */
  ports: string;
  /** For opened ports: the steps of the new path that the old snapshot did not have (what opened it). */
  openedBy: string[];
  /** For unknown: what was not recorded. */
  reasons: string[];
}

export interface TierFlowDelta {
  from: string;
  to: string;
  /** possible: traffic the old snapshot did not allow; impossible: traffic it allowed and the new does not. */
  change: "possible" | "impossible" | "unknown";
  ports: string;
  /** One path that allows it now (for possible), or allowed it before (impossible). */
  evidence: string[];
  reasons: string[];
}

interface Way {
  via: string;
  /** For load-balancer ways, the listener port is the internet's port; the path's ports are the target's. */
  path: Path;
}

function waysIn(ctx: RuleContext, r: Resource): Map<string, Way> {
  const out = new Map<string, Way>();
  if (ctx.facts.reach.groupsOf(r).length === 0) return out;
  const e = ctx.facts.reach.exposure(r);
  if (!isEmpty(possiblePorts(e.world))) out.set("world", { via: "any address", path: e.world });
  if (!isEmpty(possiblePorts(e.restricted)))
    out.set("restricted", { via: "listed addresses", path: e.restricted });
  for (const v of e.viaLoadBalancers) {
    if (isEmpty(possiblePorts(v.path))) continue;
    out.set(`lb:${v.lb.id}:${v.listenerPort}`, {
      via: `load balancer ${v.lb.name ?? v.lb.props.name} port ${v.listenerPort}`,
      path: v.path,
    });
  }
  return out;
}

const NONE: Path = { ports: NO_PORTS, hops: [] };
const unknownPorts = (p: Path): PortSet => p.unknown?.ports ?? NO_PORTS;

/** Internet exposure that changed, resource by resource (resources on either side with a network presence). */
export function exposureDelta(
  old: RuleContext,
  now: RuleContext,
  /** Resources that exist on one side only because the other side did not record them: not compared. */
  skip: ReadonlySet<string> = new Set(),
): ExposureDelta[] {
  const out: ExposureDelta[] = [];
  const ids = new Set<string>();
  for (const g of [now.graph, old.graph])
    for (const r of g.resources) if (DOCUMENTABLE_TYPES.has(r.type) && !skip.has(r.id)) ids.add(r.id);
  for (const id of [...ids].sort()) {
    const a = old.graph.get(id);
    const b = now.graph.get(id);
    const before = a ? waysIn(old, a) : new Map<string, Way>();
    const after = b ? waysIn(now, b) : new Map<string, Way>();
    if (before.size === 0 && after.size === 0) continue;
    const r = b ?? a;
    if (!r) continue;
    const subject = {
      resourceId: r.id,
      resourceType: r.type,
      ...(r.name !== undefined ? { resourceName: r.name } : {}),
    };
    for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const x = before.get(key)?.path ?? NONE;
      const y = after.get(key)?.path ?? NONE;
      const via = after.get(key)?.via ?? before.get(key)?.via ?? key;
      const opened = subtract(y.ports, x.ports);
      const closed = subtract(x.ports, possiblePorts(y));
      const vague = union(subtract(unknownPorts(y), possiblePorts(x)), intersect(x.ports, unknownPorts(y)));
      if (!isEmpty(opened)) {
        const port = first(opened) ?? 0;
        const known = new Set(x.hops.map((h) => h.text));
        const hops: Hop[] = hopsFor(y, port);
        const fresh = hops.filter((h) => !known.has(h.text));
        out.push({
          ...subject,
          via,
          change: "opened",
          ports: formatPorts(opened),
          openedBy: (fresh.length > 0 ? fresh : hops).map((h) => h.text),
          reasons: [],
        });
      }
      if (!isEmpty(closed))
        out.push({
          ...subject,
          via,
          change: "closed",
          ports: formatPorts(closed),
          openedBy: [],
          reasons: [],
        });
      if (!isEmpty(vague))
        out.push({
          ...subject,
          via,
          change: "unknown",
          ports: formatPorts(vague),
          openedBy: [],
          reasons: y.unknown?.reasons ?? [],
        });
    }
  }
  return out;
}

interface TierPorts {
  ports: PortSet;
  unknown: PortSet;
  evidence: string[];
  reasons: string[];
}

/** A tier's endpoint groups on one side, computed once per tier (each tier is in many pairs). */
const tierGroups = new WeakMap<RuleContext, Map<string, ReturnType<typeof groupsOfAll>>>();

function groupsOfTier(ctx: RuleContext, tier: string): ReturnType<typeof groupsOfAll> {
  let m = tierGroups.get(ctx);
  if (!m) {
    m = new Map();
    tierGroups.set(ctx, m);
  }
  let g = m.get(tier);
  if (!g) {
    g = groupsOfAll(ctx, networkMembers(ctx, tier));
    m.set(tier, g);
  }
  return g;
}

function tierPorts(ctx: RuleContext, from: string, to: string): TierPorts | undefined {
  const sources = groupsOfTier(ctx, from);
  const targets = groupsOfTier(ctx, to);
  if (sources.length === 0 || targets.length === 0) return undefined;
  const found = portsBetweenGroups(ctx.facts.reach, sources, targets, { skipSame: true });
  return {
    ports: found.ports,
    unknown: found.unknown?.ports ?? NO_PORTS,
    evidence: (found.sample?.hops ?? []).map((h) => h.text),
    reasons: found.unknown?.reasons ?? [],
  };
}

/** Flows between the spec's tiers (each ordered pair of distinct tiers) that became possible, impossible or unknown. */
export function tierFlowDelta(old: RuleContext, now: RuleContext): TierFlowDelta[] {
  const spec = now.spec;
  if (!spec) return [];
  const tiers = Object.keys(spec.spec.tiers).sort();
  const out: TierFlowDelta[] = [];
  const empty: TierPorts = { ports: NO_PORTS, unknown: NO_PORTS, evidence: [], reasons: [] };
  for (const from of tiers)
    for (const to of tiers) {
      if (from === to) continue;
      const x = tierPorts(old, from, to) ?? empty;
      const y = tierPorts(now, from, to) ?? empty;
      const possible = subtract(y.ports, x.ports);
      const impossible = subtract(x.ports, union(y.ports, y.unknown));
      const vague = union(subtract(y.unknown, union(x.ports, x.unknown)), intersect(x.ports, y.unknown));
      if (!isEmpty(possible))
        out.push({
          from,
          to,
          change: "possible",
          ports: formatPorts(possible),
          evidence: y.evidence,
          reasons: [],
        });
      if (!isEmpty(impossible))
        out.push({
          from,
          to,
          change: "impossible",
          ports: formatPorts(impossible),
          evidence: x.evidence,
          reasons: [],
        });
      if (!isEmpty(vague))
        out.push({
          from,
          to,
          change: "unknown",
          ports: formatPorts(vague),
          evidence: [],
          reasons: y.reasons,
        });
    }
  return out;
}
