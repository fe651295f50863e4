import { type PortSet, union } from "../analysis/ports.ts";
import type { EndpointGroup } from "../analysis/reachability.ts";
import type { Flow } from "../architecture/schema.ts";
import { LOAD_BALANCER_TYPES, PASSIVE_TYPES } from "../model/passive-types.ts";
import type { Resource } from "../model/snapshot.ts";
import type { RuleContext } from "./types.ts";
import { DOCUMENTABLE_TYPES, tierMembers } from "./util.ts";

/** The ports of a documented flow ("8000-8100" ranges included). */
export function flowPorts(f: Flow): PortSet {
  return union(
    ...f.ports.map((p): PortSet => {
      if (typeof p === "number") return [[p, p]];
      const [a = 0, b = 0] = p.split("-").map(Number);
      return [[a, b]];
    }),
  );
}

/**
 * The TCP ports the spec documents from `from` ("internet" or a tier) to any of `toTiers`: what the
 * flow rules and the diagram's flow map compare reachability with.
 */
export function documentedPorts(
  flows: readonly Flow[],
): (from: string, toTiers: readonly string[]) => PortSet {
  const tcp = flows.filter((f) => f.protocol === "tcp");
  return (from, toTiers) =>
    union(...tcp.filter((f) => f.from === from && toTiers.includes(f.to)).map(flowPorts));
}

/** Members of a tier that have a network presence (endpoint groups), documentable types only. */
export function networkMembers(ctx: RuleContext, tier: string): Resource[] {
  return tierMembers(ctx, tier).filter(
    (r) => DOCUMENTABLE_TYPES.has(r.type) && ctx.facts.reach.groupsOf(r).length > 0,
  );
}

/**
 * Members that open connections: databases, caches and buckets never do (load balancers do, to their
 * targets), so a tier of them is the source of no flow.
 */
export function initiators(rs: readonly Resource[]): Resource[] {
  return rs.filter((r) => !PASSIVE_TYPES.has(r.type) || LOAD_BALANCER_TYPES.has(r.type));
}

/** Distinct endpoint groups of several resources: reachability is computed per group, not per resource. */
export function groupsOfAll(ctx: RuleContext, rs: readonly Resource[]): EndpointGroup[] {
  const seen = new Map<string, EndpointGroup>();
  for (const r of rs) for (const g of ctx.facts.reach.groupsOf(r)) seen.set(g.key, g);
  return [...seen.values()];
}
