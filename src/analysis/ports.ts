// Sets of ports as sorted, disjoint, inclusive intervals: what a chain of SG rules, NACL entries and
// listeners lets through, computed once per pair of endpoint groups instead of port by port.

export type Interval = readonly [number, number];
export type PortSet = readonly Interval[];

export const ALL_PORTS: PortSet = [[0, 65535]];
export const NO_PORTS: PortSet = [];
/** Where return traffic of a TCP connection lands: the client's ephemeral ports. */
export const EPHEMERAL: PortSet = [[1024, 65535]];

export function portSet(from: number | null, to: number | null): PortSet {
  if (from === null || to === null || from < 0 || to < 0) return ALL_PORTS;
  return from <= to ? [[from, to]] : NO_PORTS;
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

/** "22", "8000-8100", "22, 443", "all". */
export function formatPorts(x: PortSet): string {
  if (x.length === 1 && x[0]?.[0] === 0 && x[0]?.[1] === 65535) return "all";
  return x.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(", ");
}
