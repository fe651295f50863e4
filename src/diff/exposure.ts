import { computeAttackSurface, type ExposureEntry, type ExposureReport } from "../analysis/exposure.ts";
import {
  contains,
  first,
  formatTraffic,
  intersect,
  isEmpty,
  NO_PORTS,
  type PortSet,
  protocolPorts,
  protocolRange,
  subtract,
  union,
} from "../analysis/ports.ts";
import { portsBetweenGroups } from "../analysis/reachability.ts";
import { groupsOfAll, networkMembers } from "../rules/flows.ts";
import type { RuleContext } from "../rules/types.ts";

// How what the network allows changed between two snapshots: paths from the internet that are new or
// gone (per resource and way in: any address or listed addresses, directly or through a front door, every
// protocol), and flows between the spec's tiers that became possible or impossible. Both sides are asked the
// analysis's own questions (computeAttackSurface, portsBetweenGroups); nothing here decides reachability.
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

/** One way in: a resource, reached by an audience, directly or through a front door. */
interface Way {
  via: string;
  proven: PortSet;
  unknown: PortSet;
  /** Entries by their port run, for the steps of the path that allows them. */
  entries: ExposureEntry[];
  reasons: string[];
}

/** An entry's port run as a set, in the reachability's protocol-tagged port space. */
function runOf(e: ExposureEntry): PortSet {
  if (e.ports === "all") return protocolRange(e.protocol);
  const [a = "0", b = a] = e.ports.split("-");
  return protocolPorts(e.protocol, Number(a), Number(b));
}

const AUDIENCE: Record<ExposureEntry["audience"], string> = {
  anyone: "any address",
  "some addresses": "listed addresses",
};

/** The attack surface (src/analysis/exposure.ts) as ways in, keyed by resource, front door and audience. */
function waysIn(surface: ExposureReport): Map<string, Map<string, Way>> {
  const out = new Map<string, Map<string, Way>>();
  for (const e of [...surface.reached, ...surface.unknown]) {
    let byWay = out.get(e.resourceId);
    if (!byWay) {
      byWay = new Map();
      out.set(e.resourceId, byWay);
    }
    const key = `${e.via}\0${e.viaId ?? ""}\0${e.audience}`;
    let w = byWay.get(key);
    if (!w) {
      const door = e.via === "direct" ? "" : ` through ${e.via} ${e.viaName ?? e.viaId ?? ""}`.trimEnd();
      w = {
        via: `${AUDIENCE[e.audience]}${door}`,
        proven: NO_PORTS,
        unknown: NO_PORTS,
        entries: [],
        reasons: [],
      };
      byWay.set(key, w);
    }
    if (e.unknown) {
      w.unknown = union(w.unknown, runOf(e));
      for (const r of e.reasons) if (!w.reasons.includes(r)) w.reasons.push(r);
    } else w.proven = union(w.proven, runOf(e));
    w.entries.push(e);
  }
  return out;
}

const NONE: Way = { via: "", proven: NO_PORTS, unknown: NO_PORTS, entries: [], reasons: [] };
const possible = (w: Way): PortSet => union(w.proven, w.unknown);

/**
 * Internet exposure that changed, resource by resource and way in, from each side's attack surface (every
 * protocol, direct and through load balancers, CloudFront and the other front doors).
 */
export function exposureDelta(
  old: RuleContext,
  now: RuleContext,
  /** Resources that exist on one side only because the other side did not record them: not compared. */
  skip: ReadonlySet<string> = new Set(),
  /** Each side's attack surface when the caller has it already (analyzeSnapshot's exposure()). */
  surfaces: { old?: ExposureReport; new?: ExposureReport } = {},
): ExposureDelta[] {
  const out: ExposureDelta[] = [];
  const before = waysIn(surfaces.old ?? computeAttackSurface(old.graph, old.facts));
  const after = waysIn(surfaces.new ?? computeAttackSurface(now.graph, now.facts));
  const ids = [...new Set([...before.keys(), ...after.keys()])].filter((id) => !skip.has(id)).sort();
  for (const id of ids) {
    const a = before.get(id) ?? new Map<string, Way>();
    const b = after.get(id) ?? new Map<string, Way>();
    const r = now.graph.get(id) ?? old.graph.get(id);
    const subject = {
      resourceId: id,
      resourceType: r?.type ?? "",
      ...(r?.name !== undefined ? { resourceName: r.name } : {}),
    };
    for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      const x = a.get(key) ?? NONE;
      const y = b.get(key) ?? NONE;
      const via = y.via || x.via;
      const opened = subtract(y.proven, x.proven);
      const closed = subtract(x.proven, possible(y));
      const vague = union(subtract(y.unknown, possible(x)), intersect(x.proven, y.unknown));
      if (!isEmpty(opened)) {
        const port = first(opened) ?? 0;
        const known = new Set(x.entries.flatMap((e) => e.hops.map((h) => h.text)));
        const entry = y.entries.find((e) => !e.unknown && contains(runOf(e), port));
        const hops = (entry?.hops ?? []).map((h) => h.text);
        const fresh = hops.filter((h) => !known.has(h));
        out.push({
          ...subject,
          via,
          change: "opened",
          ports: formatTraffic(opened),
          openedBy: fresh.length > 0 ? fresh : hops,
          reasons: [],
        });
      }
      if (!isEmpty(closed))
        out.push({
          ...subject,
          via,
          change: "closed",
          ports: formatTraffic(closed),
          openedBy: [],
          reasons: [],
        });
      if (!isEmpty(vague))
        out.push({
          ...subject,
          via,
          change: "unknown",
          ports: formatTraffic(vague),
          openedBy: [],
          reasons: y.reasons,
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
          ports: formatTraffic(possible),
          evidence: y.evidence,
          reasons: [],
        });
      if (!isEmpty(impossible))
        out.push({
          from,
          to,
          change: "impossible",
          ports: formatTraffic(impossible),
          evidence: x.evidence,
          reasons: [],
        });
      if (!isEmpty(vague))
        out.push({
          from,
          to,
          change: "unknown",
          ports: formatTraffic(vague),
          evidence: [],
          reasons: y.reasons,
        });
    }
  return out;
}
