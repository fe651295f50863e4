import type { Graph } from "../model/graph.ts";
import type { Resource } from "../model/snapshot.ts";
import type { ExposureEntry, ExposureHop } from "./exposure-schema.ts";
import type { Facts } from "./facts.ts";
import { FRONT_DOORS } from "./front-doors.ts";
import {
  formatTraffic,
  type Interval,
  intersect,
  isEmpty,
  NO_PORTS,
  type PortSet,
  PROTOCOLS,
  protocolOf,
  protocolPorts,
  protocolRange,
  union,
} from "./ports.ts";
import { type Hop, hopsFor, type Path, possiblePorts } from "./reachability.ts";

// The attack surface: every resource and port the internet can reach, directly (a public address in a
// public subnet, a managed endpoint), through a load balancer's listener or through CloudFront, with the
// path and the rule that allows each hop. What is possible only if unrecorded data allows it is listed
// apart (`unknown`), never dropped and never counted as reached.

export { ExposureEntry, ExposureHop } from "./exposure-schema.ts";

const text = (h: Hop): ExposureHop => ({
  kind: h.kind,
  ...(h.resourceId !== undefined ? { resourceId: h.resourceId } : {}),
  text: h.text,
});

/** Contiguous runs of one protocol each: one entry per run. */
function runs(ports: PortSet): { protocol: (typeof PROTOCOLS)[number]; interval: Interval }[] {
  const out: { protocol: (typeof PROTOCOLS)[number]; interval: Interval }[] = [];
  for (const p of PROTOCOLS)
    for (const iv of intersect(ports, protocolRange(p))) out.push({ protocol: p, interval: iv });
  return out;
}

function portsText(protocol: (typeof PROTOCOLS)[number], iv: Interval): string {
  const full = protocolRange(protocol)[0];
  if (full && iv[0] === full[0] && iv[1] === full[1]) return "all";
  const a = protocolOf(iv[0]).port;
  const b = protocolOf(iv[1]).port;
  return a === b ? `${a}` : `${a}-${b}`;
}

/** Resources whose exposure is not theirs to report: an ENI attached to a recorded owner (the owner is). */
function reportable(graph: Graph, r: Resource): boolean {
  if (r.type !== "AWS::EC2::NetworkInterface") return true;
  const owner = (r.props as { attachedTo?: string | null }).attachedTo;
  return !owner || !graph.get(owner);
}

export interface ExposureReport {
  /** Proven: every step recorded. Sorted by resource, then traffic. */
  reached: ExposureEntry[];
  /** Possible only if unrecorded steps allow it, with what was not recorded. */
  unknown: ExposureEntry[];
}

export function computeAttackSurface(graph: Graph, facts: Facts): ExposureReport {
  const out: ExposureEntry[] = [];
  const reach = facts.reach;
  const base = (r: Resource) => ({
    resourceId: r.id,
    resourceType: r.type,
    ...(r.name !== undefined ? { resourceName: r.name } : {}),
    account: r.account,
    region: r.region,
  });
  const add = (
    r: Resource,
    path: Path,
    audience: ExposureEntry["audience"],
    via: ExposureEntry["via"],
    front?: Resource,
    restrict?: PortSet,
  ) => {
    const limit = (ps: PortSet) => (restrict ? intersect(ps, restrict) : ps);
    const entries = (ports: PortSet, hops: Path, unknown: readonly string[] | undefined) => {
      for (const { protocol, interval } of runs(limit(ports)))
        out.push({
          ...base(r),
          protocol,
          ports: portsText(protocol, interval),
          traffic: formatTraffic([interval]),
          audience,
          via,
          ...(front ? { viaId: front.id, ...(front.name !== undefined ? { viaName: front.name } : {}) } : {}),
          hops: hopsFor(hops, interval[0]).map(text),
          unknown: unknown !== undefined,
          reasons: [...(unknown ?? [])],
        });
    };
    entries(path.ports, path, undefined);
    if (path.unknown)
      entries(
        path.unknown.ports,
        { ports: path.unknown.ports, hops: path.unknown.hops },
        path.unknown.reasons,
      );
  };

  for (const r of graph.resources) {
    // Managed endpoints: the table decides from the resource's props.
    const door = FRONT_DOORS[r.type];
    for (const e of door?.entries(r, graph) ?? []) {
      const hops = e.hops.map((t): Hop => ({ kind: "internet", resourceId: r.id, text: t }));
      add(
        r,
        e.unknown
          ? { ports: NO_PORTS, hops: [], unknown: { ports: e.ports, reasons: [e.unknown], hops } }
          : { ports: e.ports, hops },
        e.audience,
        door?.via ?? "direct",
      );
    }
    for (const b of door?.behind?.(r, graph) ?? [])
      add(
        b.target,
        { ports: b.ports, hops: [{ kind: "internet", resourceId: r.id, text: b.hop }] },
        "anyone",
        door?.via ?? "direct",
        r,
      );

    // Network presence: a public address in a public subnet, and load balancers in front.
    if (!reportable(graph, r) || reach.groupsOf(r).length === 0) continue;
    const e = reach.exposure(r);
    const listenerPorts =
      r.type === "AWS::ElasticLoadBalancing::LoadBalancer" ? classicListeners(r) : undefined;
    add(r, e.world, "anyone", "direct", undefined, listenerPorts?.front);
    add(r, e.restricted, "some addresses", "direct", undefined, listenerPorts?.front);
    for (const v of e.viaLoadBalancers) add(r, v.path, "anyone", "load-balancer", v.lb);
    // Classic load balancer: its listeners forward to its registered instances on the instance port.
    if (listenerPorts && !isEmpty(possiblePorts(e.world)))
      for (const l of listenerPorts.listeners) {
        if (isEmpty(intersect(possiblePorts(e.world), protocolPorts("tcp", l.front, l.front)))) continue;
        for (const id of listenerPorts.instanceIds) {
          const inst = graph.ec2(r, "instance", id, "AWS::EC2::Instance");
          if (!inst) continue;
          const back = reach.network(r, inst);
          const tp = protocolPorts("tcp", l.back, l.back);
          add(
            inst,
            {
              ports: intersect(back.ports, tp),
              hops: [
                {
                  kind: "listener",
                  resourceId: r.id,
                  text: `classic load balancer ${r.name ?? r.id} listener ${l.front} → instance port ${l.back}`,
                },
                ...back.hops,
              ],
              ...(back.unknown
                ? { unknown: { ...back.unknown, ports: intersect(back.unknown.ports, tp) } }
                : {}),
            },
            "anyone",
            "classic-load-balancer",
            r,
          );
        }
      }
  }
  // Several listeners of one load balancer forwarding to the same target give the same entry: one is kept.
  const seen = new Set<string>();
  const unique = out.filter((e) => {
    const key = `${e.resourceId}\0${e.via}\0${e.viaId ?? ""}\0${e.audience}\0${e.traffic}\0${e.unknown}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // By type and name, as a reviewer reads a list; the id breaks ties (same-named resources of two accounts).
  const sorted = unique.sort(
    (a, b) =>
      cmp(a.resourceType, b.resourceType) ||
      cmp(a.resourceName ?? a.resourceId, b.resourceName ?? b.resourceId) ||
      cmp(a.resourceId, b.resourceId) ||
      cmp(a.via, b.via) ||
      cmp(a.viaId ?? "", b.viaId ?? "") ||
      PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) ||
      firstPort(a) - firstPort(b) ||
      cmp(a.audience, b.audience),
  );
  return { reached: sorted.filter((e) => !e.unknown), unknown: sorted.filter((e) => e.unknown) };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const firstPort = (e: ExposureEntry) => (e.ports === "all" ? 0 : Number(e.ports.split("-")[0]));

/**
 * A classic load balancer's listeners, from its props (`listeners: [{ port, instancePort }]`,
 * `instanceIds`). Without a listener list nothing is known to answer (the restriction is then every TCP
 * port, so the security group's answer stands).
 */
function classicListeners(r: Resource): {
  front: PortSet;
  listeners: { front: number; back: number }[];
  instanceIds: string[];
} {
  const p = r.props as { listeners?: unknown; instanceIds?: unknown };
  const listeners = (Array.isArray(p.listeners) ? p.listeners : []).flatMap((l) => {
    const x = l as { port?: unknown; instancePort?: unknown };
    return typeof x.port === "number"
      ? [{ front: x.port, back: typeof x.instancePort === "number" ? x.instancePort : x.port }]
      : [];
  });
  const instanceIds = Array.isArray(p.instanceIds)
    ? p.instanceIds.filter((x): x is string => typeof x === "string")
    : [];
  return {
    front: Array.isArray(p.listeners)
      ? union(...listeners.map((l) => protocolPorts("tcp", l.front, l.front)))
      : protocolRange("tcp"),
    listeners,
    instanceIds,
  };
}
