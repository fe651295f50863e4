// Sets of ports as sorted, disjoint, inclusive intervals: what a chain of SG rules, NACL entries and
// listeners lets through, computed once per pair of endpoint groups instead of port by port.
//
// One number line holds every protocol the analysis decides, so that a chain of steps stays plain interval
// arithmetic: TCP ports are 0–65535 (a TCP port is its own number, so callers that speak TCP need no
// conversion), UDP ports follow at 65536 + port, and ICMP types (0–255, codes not distinguished) at
// 131072 + type. Other IP protocols (ICMPv6, ESP, GRE…) are not analysed: a rule for one of them adds nothing.

export type Interval = readonly [number, number];
export type PortSet = readonly Interval[];

export type Protocol = "tcp" | "udp" | "icmp";
export const PROTOCOLS: readonly Protocol[] = ["tcp", "udp", "icmp"];
const BASE: Record<Protocol, number> = { tcp: 0, udp: 65536, icmp: 131072 };
const MAX: Record<Protocol, number> = { tcp: 65535, udp: 65535, icmp: 255 };

/** Every port of one protocol. */
export function protocolRange(p: Protocol): PortSet {
  return [[BASE[p], BASE[p] + MAX[p]]];
}
export const TCP: PortSet = protocolRange("tcp");
export const UDP: PortSet = protocolRange("udp");
export const ICMP: PortSet = protocolRange("icmp");

/** Every protocol and port. */
export const ALL_PORTS: PortSet = [[0, BASE.icmp + MAX.icmp]];
export const NO_PORTS: PortSet = [];
/**
 * Where the return traffic of a request lands, by protocol: a TCP or UDP client's ephemeral ports
 * (1024–65535, which covers every OS's range), and for ICMP the echo reply (type 0).
 */
export const EPHEMERAL: Record<Protocol, PortSet> = {
  tcp: [[1024, 65535]],
  udp: [[BASE.udp + 1024, BASE.udp + 65535]],
  icmp: [[BASE.icmp, BASE.icmp]],
};

/** TCP ports from..to; null or negative bounds (a rule for all ports) give every TCP port. */
export function portSet(from: number | null, to: number | null): PortSet {
  return protocolPorts("tcp", from, to);
}

/** Ports from..to of one protocol (ICMP: types); null or negative bounds give every port of it. */
export function protocolPorts(p: Protocol, from: number | null, to: number | null): PortSet {
  if (from === null || to === null || from < 0 || to < 0) return protocolRange(p);
  const hi = Math.min(to, MAX[p]);
  return from <= hi ? [[BASE[p] + from, BASE[p] + hi]] : NO_PORTS;
}

/** The protocol a security-group or NACL rule names ("tcp", "6", "udp", "17", "icmp", "1"), or "all" for "-1". */
export function ruleProtocol(protocol: string): Protocol | "all" | undefined {
  switch (protocol.toLowerCase()) {
    case "-1":
    case "all":
      return "all";
    case "tcp":
    case "6":
      return "tcp";
    case "udp":
    case "17":
      return "udp";
    case "icmp":
    case "1":
      return "icmp";
    default:
      return undefined;
  }
}

/**
 * What a rule covers on the number line. For ICMP, `from` is the type (-1: every type) and `to` the code
 * (not distinguished); a null type means the source did not record it (see `icmpTypeUnknown`).
 */
export function ruleTraffic(protocol: string, from: number | null, to: number | null): PortSet {
  const p = ruleProtocol(protocol);
  if (p === undefined) return NO_PORTS;
  if (p === "all") return ALL_PORTS;
  if (p === "icmp") return from === null || from < 0 ? ICMP : protocolPorts("icmp", from, from);
  return protocolPorts(p, from, to);
}

/** An ICMP rule whose type was not recorded (an older snapshot): it may cover only some types. */
export function icmpTypeUnknown(protocol: string, from: number | null): boolean {
  return ruleProtocol(protocol) === "icmp" && from === null;
}

/** The port on the number line for one protocol's port (ICMP: type). */
export function at(p: Protocol, port: number): number {
  return BASE[p] + port;
}

/** Which protocol a number on the line belongs to, and its port there. */
export function protocolOf(n: number): { protocol: Protocol; port: number } {
  const protocol: Protocol = n >= BASE.icmp ? "icmp" : n >= BASE.udp ? "udp" : "tcp";
  return { protocol, port: n - BASE[protocol] };
}

/** The TCP part of a set: what a TCP-only consumer (a spec flow's ports) compares with. */
export function tcpOnly(x: PortSet): PortSet {
  return intersect(x, TCP);
}

export function union(...sets: PortSet[]): PortSet {
  if (sets.length === 2) return union2(sets[0] as PortSet, sets[1] as PortSet);
  const all = sets
    .flat()
    .slice()
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of all) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Two sorted sets merged in one pass: the common case (a running total plus one rule's ports). */
function union2(x: PortSet, y: PortSet): PortSet {
  if (x.length === 0) return y;
  if (y.length === 0) return x;
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const a = x[i];
    const b = y[j];
    const next = (b === undefined || (a !== undefined && a[0] <= b[0]) ? x[i++] : y[j++]) as Interval;
    const last = out[out.length - 1];
    if (last && next[0] <= last[1] + 1) last[1] = Math.max(last[1], next[1]);
    else out.push([next[0], next[1]]);
  }
  return out;
}

export function intersect(x: PortSet, y: PortSet): PortSet {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = x[i] as Interval;
    const b = y[j] as Interval;
    const lo = Math.max(a[0], b[0]);
    const hi = Math.min(a[1], b[1]);
    if (lo <= hi) out.push([lo, hi]);
    if (a[1] < b[1]) i++;
    else j++;
  }
  return out;
}

export function subtract(x: PortSet, y: PortSet): PortSet {
  let out: PortSet = x;
  for (const [a, b] of y) {
    const next: [number, number][] = [];
    for (const [c, d] of out) {
      if (b < c || a > d) next.push([c, d]);
      else {
        if (c < a) next.push([c, a - 1]);
        if (b < d) next.push([b + 1, d]);
      }
    }
    out = next;
  }
  return out;
}

export function isEmpty(x: PortSet): boolean {
  return x.length === 0;
}

export function contains(x: PortSet, port: number): boolean {
  return x.some(([a, b]) => a <= port && port <= b);
}

export function first(x: PortSet): number | undefined {
  return x[0]?.[0];
}

/**
 * "22", "8000-8100", "22, 443", "all" for a set of TCP ports (every TCP port is "all", as callers
 * prefix "tcp/"); a set with other protocols in it is written as `formatTraffic` writes it, and every
 * protocol is "all".
 */
export function formatPorts(x: PortSet): string {
  if (x.length === 1 && x[0]?.[0] === 0 && x[0]?.[1] === ALL_PORTS[0]?.[1]) return "all";
  if (x.every(([, b]) => b <= MAX.tcp)) {
    if (x.length === 1 && x[0]?.[0] === 0 && x[0]?.[1] === MAX.tcp) return "all";
    return x.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(", ");
  }
  return formatTraffic(x);
}

/** "tcp/22, tcp/443, udp/53, icmp/8" with every protocol named; "tcp/all" for every port of one; "all traffic". */
export function formatTraffic(x: PortSet): string {
  if (x.length === 1 && x[0]?.[0] === 0 && x[0]?.[1] === ALL_PORTS[0]?.[1]) return "all traffic";
  const out: string[] = [];
  for (const p of PROTOCOLS) {
    const part = intersect(x, protocolRange(p));
    if (isEmpty(part)) continue;
    const [[lo, hi] = [0, 0]] = part;
    if (part.length === 1 && lo === BASE[p] && hi === BASE[p] + MAX[p]) {
      out.push(`${p}/all`);
      continue;
    }
    for (const [a, b] of part)
      out.push(a === b ? `${p}/${a - BASE[p]}` : `${p}/${a - BASE[p]}-${b - BASE[p]}`);
  }
  return out.join(", ");
}
