import type { DiagramEdge, DiagramNode, GroupNode, RoutedEdge } from "./types.ts";

// Orthogonal edge routing around cards. For each edge, the obstacles are the cards near it (a box from its
// source to its target, with a margin); a card whose box holds neither end may be replaced by its subnet,
// ASG or VPC box when that box does not touch either end, so a long edge sees a few boxes instead of
// thousands of cards. The route is the shortest path with the fewest bends on the orthogonal visibility
// grid of those obstacles (the lines along their sides, at a clearance), found with A*. Pure: the UI and the
// report route the same way.

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const CLEAR = 9;
const MARGIN = 120;
const BEND = 30;
const BUCKET = 400;
/** Above this many obstacles for one edge, cards are merged into their boxes at a higher level. */
const MAX_OBSTACLES = 40;

interface Card {
  box: Box;
  /** Its enclosing boxes, innermost first (subnet or ASG, VPC, region, account). */
  up: Box[];
  id: string;
}

export interface RouteIndex {
  cards: Card[];
  /** Where groups write their titles: edge labels keep off them. */
  titles: Box[];
  buckets: Map<string, Card[]>;
  nodes: Map<string, DiagramNode>;
}

export function routeIndex(root: GroupNode): RouteIndex {
  const cards: Card[] = [];
  const titles: Box[] = [];
  const nodes = new Map<string, DiagramNode>();
  const walk = (n: DiagramNode, up: Box[]) => {
    nodes.set(n.id, n);
    if (n.kind === "group" && n.groupKind !== "root")
      titles.push(
        n.groupKind === "az"
          ? { x: n.x, y: n.y, w: n.w, h: 30 }
          : {
              x: n.x,
              y: n.y,
              w: Math.min(n.w, 40 + 8 * Math.max(n.label.length, (n.sublabel ?? "").length)),
              h: 38,
            },
      );
    if (n.kind === "leaf" || n.collapsed) {
      cards.push({ box: { x: n.x, y: n.y, w: n.w, h: n.h }, up, id: n.id });
      if (n.kind === "leaf") return;
    }
    if (n.kind === "group" && !n.collapsed) {
      const mine =
        n.groupKind === "subnet" ||
        n.groupKind === "asg" ||
        n.groupKind === "vpc" ||
        n.groupKind === "region" ||
        n.groupKind === "account";
      const next = mine ? [{ x: n.x, y: n.y, w: n.w, h: n.h }, ...up] : up;
      for (const c of n.children) walk(c, next);
    }
  };
  walk(root, []);
  const buckets = new Map<string, Card[]>();
  for (const c of cards) {
    for (let bx = Math.floor(c.box.x / BUCKET); bx <= Math.floor((c.box.x + c.box.w) / BUCKET); bx++)
      for (let by = Math.floor(c.box.y / BUCKET); by <= Math.floor((c.box.y + c.box.h) / BUCKET); by++) {
        const k = `${bx},${by}`;
        const list = buckets.get(k);
        if (list) list.push(c);
        else buckets.set(k, [c]);
      }
  }
  return { cards, titles, buckets, nodes };
}

const overlaps = (a: Box, b: Box, m = 0) =>
  a.x - m < b.x + b.w && b.x - m < a.x + a.w && a.y - m < b.y + b.h && b.y - m < a.y + a.h;

function near(index: RouteIndex, area: Box): Card[] {
  const seen = new Set<Card>();
  for (let bx = Math.floor(area.x / BUCKET); bx <= Math.floor((area.x + area.w) / BUCKET); bx++)
    for (let by = Math.floor(area.y / BUCKET); by <= Math.floor((area.y + area.h) / BUCKET); by++)
      for (const c of index.buckets.get(`${bx},${by}`) ?? []) if (overlaps(c.box, area)) seen.add(c);
  return [...seen];
}

function obstaclesFor(index: RouteIndex, a: Box, b: Box, ids: readonly string[]): Box[] {
  const area = {
    x: Math.min(a.x, b.x) - MARGIN,
    y: Math.min(a.y, b.y) - MARGIN,
    w: Math.max(a.x + a.w, b.x + b.w) - Math.min(a.x, b.x) + 2 * MARGIN,
    h: Math.max(a.y + a.h, b.y + b.h) - Math.min(a.y, b.y) + 2 * MARGIN,
  };
  const clear = (box: Box) => !overlaps(box, a, CLEAR) && !overlaps(box, b, CLEAR);
  const cards = near(index, area).filter(
    (c) => !ids.includes(c.id) && !contains(a, c.box) && !contains(b, c.box),
  );
  if (cards.length <= MAX_OBSTACLES) return cards.map((c) => c.box);
  // Too many: the cards of one box (a subnet's, an ASG's) become the one rectangle around them, when that
  // rectangle keeps clear of both ends; then whole boxes (VPC, region, account) that keep clear of both.
  const byParent = new Map<Box | undefined, Box[]>();
  for (const c of cards) {
    const key = c.up[0];
    const list = byParent.get(key);
    if (list) list.push(c.box);
    else byParent.set(key, [c.box]);
  }
  // Each card's rectangle (its box's cards together, when clear of both ends), once per rectangle.
  const boxes = new Map<string, { box: Box; up: Box[] }>();
  for (const c of cards) {
    const bb = hull(byParent.get(c.up[0]) ?? [c.box]);
    const box = clear(bb) ? bb : c.box;
    const key = `${box.x},${box.y},${box.w},${box.h}`;
    if (!boxes.has(key)) boxes.set(key, { box, up: c.up });
  }
  for (let level = 0; level <= 4; level++) {
    const out = new Map<string, Box>();
    for (const c of boxes.values()) {
      let box = c.box;
      for (let i = 0; i < Math.min(level, c.up.length); i++) {
        const upper = c.up[i];
        if (!upper || !clear(upper)) break;
        box = upper;
      }
      out.set(`${box.x},${box.y},${box.w},${box.h}`, box);
    }
    if (out.size <= MAX_OBSTACLES || level === 4) return [...out.values()];
  }
  return [];
}

function hull(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((o) => o.x));
  const y = Math.min(...boxes.map((o) => o.y));
  return {
    x,
    y,
    w: Math.max(...boxes.map((o) => o.x + o.w)) - x,
    h: Math.max(...boxes.map((o) => o.y + o.h)) - y,
  };
}

type Pt = [number, number];

/** Exit points: the middle of each side, just outside the card. */
function ports(b: Box): { at: Pt; out: Pt }[] {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  return [
    { at: [cx, b.y], out: [cx, b.y - CLEAR] },
    { at: [cx, b.y + b.h], out: [cx, b.y + b.h + CLEAR] },
    { at: [b.x, cy], out: [b.x - CLEAR, cy] },
    { at: [b.x + b.w, cy], out: [b.x + b.w + CLEAR, cy] },
  ];
}

/** A tiny binary heap keyed by cost, for A*. */
class Heap {
  private items: [number, number][] = [];
  push(cost: number, v: number) {
    const a = this.items;
    a.push([cost, v]);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const ai = a[i] as [number, number];
      const ap = a[p] as [number, number];
      if (ap[0] <= ai[0]) break;
      a[i] = ap;
      a[p] = ai;
      i = p;
    }
  }
  pop(): [number, number] | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && (a[l] as [number, number])[0] < (a[m] as [number, number])[0]) m = l;
        if (r < a.length && (a[r] as [number, number])[0] < (a[m] as [number, number])[0]) m = r;
        if (m === i) break;
        const t = a[i] as [number, number];
        a[i] = a[m] as [number, number];
        a[m] = t;
        i = m;
      }
    }
    return top;
  }
  get size() {
    return this.items.length;
  }
}

/** Which sides a card may be left or entered by: all, or top and bottom only (a gateway on a VPC border). */
export type Sides = "all" | "vertical";

/** The orthogonal route from card a to card b around `obstacles`, or undefined when there is none. */
export function routeBetween(
  a: Box,
  b: Box,
  obstacles: readonly Box[],
  sides: [Sides, Sides] = ["all", "all"],
): Pt[] | undefined {
  const starts = ports(a).slice(0, sides[0] === "vertical" ? 2 : 4);
  const ends = ports(b).slice(0, sides[1] === "vertical" ? 2 : 4);
  const xsSet = new Set<number>();
  const ysSet = new Set<number>();
  for (const p of [...starts, ...ends]) {
    xsSet.add(p.out[0]);
    ysSet.add(p.out[1]);
  }
  for (const o of [...obstacles, a, b]) {
    xsSet.add(o.x - CLEAR);
    xsSet.add(o.x + o.w + CLEAR);
    ysSet.add(o.y - CLEAR);
    ysSet.add(o.y + o.h + CLEAR);
  }
  const xs = [...xsSet].sort((p, q) => p - q);
  const ys = [...ysSet].sort((p, q) => p - q);
  const nx = xs.length;
  const ny = ys.length;
  // Every obstacle side, at the clearance, is a grid line: an obstacle is the index rectangle between its
  // lines. Points strictly inside it are blocked, and so is a move between neighbours whose midpoint is
  // inside (a segment between neighbouring lines is wholly inside or wholly outside). Marked with 2-D
  // difference arrays and summed once: O(obstacles + grid), whatever the obstacles' size.
  const W = nx + 1;
  const pt = new Int32Array(W * (ny + 1));
  const right = new Int32Array(W * (ny + 1));
  const down = new Int32Array(W * (ny + 1));
  const mark = (d: Int32Array, i0: number, i1: number, j0: number, j1: number) => {
    if (i0 >= i1 || j0 >= j1) return;
    d[j0 * W + i0] = (d[j0 * W + i0] as number) + 1;
    d[j0 * W + i1] = (d[j0 * W + i1] as number) - 1;
    d[j1 * W + i0] = (d[j1 * W + i0] as number) - 1;
    d[j1 * W + i1] = (d[j1 * W + i1] as number) + 1;
  };
  for (const o of [...obstacles, a, b]) {
    const iL = lowerBound(xs, o.x - CLEAR);
    const iR = lowerBound(xs, o.x + o.w + CLEAR);
    const jT = lowerBound(ys, o.y - CLEAR);
    const jB = lowerBound(ys, o.y + o.h + CLEAR);
    mark(pt, iL + 1, iR, jT + 1, jB);
    mark(right, iL, iR, jT + 1, jB);
    mark(down, iL + 1, iR, jT, jB);
  }
  const sum = (d: Int32Array) => {
    const out = new Uint8Array(nx * ny);
    for (let j = 0; j < ny; j++) {
      let run = 0;
      for (let i = 0; i < nx; i++) {
        const above = j > 0 ? (d[(j - 1) * W + i] as number) : 0;
        run += d[j * W + i] as number;
        // Turn row j of the difference array into row j of the counts, in place.
        d[j * W + i] = run + above;
        out[j * nx + i] = (d[j * W + i] as number) > 0 ? 1 : 0;
      }
    }
    return out;
  };
  const blockedPt = sum(pt);
  const blockedRight = sum(right);
  const blockedDown = sum(down);
  const blockedMove = (i: number, j: number, ni: number, nj: number) =>
    ni !== i ? blockedRight[j * nx + Math.min(i, ni)] === 1 : blockedDown[Math.min(j, nj) * nx + i] === 1;
  const idx = (i: number, j: number) => j * nx + i;
  // Ports: the middle of each side, and (on long sides) every grid line that meets the side, so a wide
  // card (a load balancer across AZs) can be left straight down into the channel below it.
  const portsOf = (box: Box, mids: { at: Pt; out: Pt }[]) => {
    const m = new Map<number, Pt>();
    for (const pt of mids) m.set(idx(xs.indexOf(pt.out[0]), ys.indexOf(pt.out[1])), pt.at);
    if (box.w > 2 * 120) {
      const jt = ys.indexOf(box.y - CLEAR);
      const jb = ys.indexOf(box.y + box.h + CLEAR);
      for (let i = lowerBound(xs, box.x + 24); i < nx && (xs[i] as number) <= box.x + box.w - 24; i++) {
        const x = xs[i] as number;
        if (jt >= 0) m.set(idx(i, jt), [x, box.y]);
        if (jb >= 0) m.set(idx(i, jb), [x, box.y + box.h]);
      }
    }
    return m;
  };
  const startIdx = portsOf(a, starts);
  const endIdx = portsOf(b, ends);
  // Distance to the target's box (not its centre): never more than the real rest of the route.
  const heuristic = (p: number) => {
    const x = xs[p % nx] as number;
    const y = ys[Math.floor(p / nx)] as number;
    return (
      Math.max(0, b.x - CLEAR - x, x - (b.x + b.w + CLEAR)) +
      Math.max(0, b.y - CLEAR - y, y - (b.y + b.h + CLEAR))
    );
  };
  // State: point × arriving direction (0 none, 1 horizontal, 2 vertical).
  const N = nx * ny * 3;
  const cost = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
  const prev = new Int32Array(N).fill(-1);
  const heap = new Heap();
  for (const s of startIdx.keys()) {
    const st = s * 3;
    cost[st] = 0;
    heap.push(0, st);
  }
  let found = -1;
  let steps = 0;
  while (heap.size > 0) {
    const top = heap.pop();
    if (!top) break;
    const [prio, st] = top;
    const p = Math.floor(st / 3);
    const c = cost[st] as number;
    // A stale heap entry (the state was reached more cheaply since): skip it.
    if (prio > c + heuristic(p) + 1e-6) continue;
    const dir = st % 3;
    if (endIdx.has(p)) {
      found = st;
      break;
    }
    if (++steps > 40_000) break;
    const i = p % nx;
    const j = Math.floor(p / nx);
    const px = xs[i] as number;
    const py = ys[j] as number;
    for (const [di, dj, d] of [
      [1, 0, 1],
      [-1, 0, 1],
      [0, 1, 2],
      [0, -1, 2],
    ] as const) {
      const ni = i + di;
      const nj = j + dj;
      if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
      const q = idx(ni, nj);
      const qx = xs[ni] as number;
      const qy = ys[nj] as number;
      if (blockedPt[q] && !endIdx.has(q)) continue;
      if (blockedMove(i, j, ni, nj)) continue;
      const step = Math.abs(qx - px) + Math.abs(qy - py) + (dir !== 0 && dir !== d ? BEND : 0);
      const nc = c + step;
      const ns = q * 3 + d;
      if (nc < (cost[ns] as number)) {
        cost[ns] = nc;
        prev[ns] = st;
        heap.push(nc + heuristic(q), ns);
      }
    }
  }
  if (found < 0) return undefined;
  const pts: Pt[] = [];
  for (let st = found; st >= 0; st = prev[st] as number) {
    const p = Math.floor(st / 3);
    pts.push([xs[p % nx] as number, ys[Math.floor(p / nx)] as number]);
  }
  pts.reverse();
  const first = pts[0];
  const last = pts[pts.length - 1];
  const at0 = first ? startIdx.get(idx(xs.indexOf(first[0]), ys.indexOf(first[1]))) : undefined;
  const at1 = last ? endIdx.get(idx(xs.indexOf(last[0]), ys.indexOf(last[1]))) : undefined;
  return simplify([...(at0 ? [at0] : []), ...pts, ...(at1 ? [at1] : [])]);
}

function lowerBound(a: readonly number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if ((a[m] as number) < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** Drops points in the middle of straight runs. */
function simplify(pts: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of pts) {
    const a = out[out.length - 2];
    const b = out[out.length - 1];
    if (b && b[0] === p[0] && b[1] === p[1]) continue;
    if (a && b && ((a[0] === b[0] && b[0] === p[0]) || (a[1] === b[1] && b[1] === p[1])))
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** Without a free route: down from the source, across, and into the target (may cross cards). */
function fallback(a: Box, b: Box): Pt[] {
  const x1 = a.x + a.w / 2;
  const x2 = b.x + b.w / 2;
  const below = b.y > a.y + a.h;
  const y1 = below ? a.y + a.h : a.y;
  const y2 = below ? b.y : b.y + b.h;
  const my = (y1 + y2) / 2;
  return simplify([
    [x1, y1],
    [x1, my],
    [x2, my],
    [x2, y2],
  ]);
}

const LABEL_H = 17;
export const LABEL_CHAR_W = 7.3;

/** Routes edges between drawn nodes and places each port label where it overlaps no other label or card. */
export function routeEdges(
  root: GroupNode,
  edges: readonly DiagramEdge[],
  /** Edges already drawn: new labels keep clear of theirs. */
  drawn: readonly RoutedEdge[] = [],
): RoutedEdge[] {
  const index = routeIndex(root);
  const placedLabels: Box[] = drawn.flatMap((e) => (e.label ? [e.label] : []));
  const out: RoutedEdge[] = [];
  for (const e of edges) {
    const a = index.nodes.get(e.from);
    const b = index.nodes.get(e.to);
    if (!a || !b) continue;
    const ids = [a.id, b.id];
    // An edge into a box it sits in (a resource to its own ASG) would route through the box: skip its walls.
    const obstacles = obstaclesFor(index, a, b, ids).filter((o) => !contains(o, a) && !contains(o, b));
    const sides = (n: DiagramNode): Sides => (n.kind === "leaf" && n.role === "border" ? "vertical" : "all");
    const points = routeBetween(a, b, obstacles, [sides(a), sides(b)]) ?? fallback(a, b);
    const routed: RoutedEdge = { ...e, points };
    if (e.ports) {
      const bounds = boundsOf(points);
      const label = placeLabel(points, e.ports, placedLabels, [
        // Its own ends too: a label beside the arrow, not over the card it points at.
        a,
        b,
        ...obstacles,
        ...index.titles.filter((t) => overlaps(t, bounds, 20)),
      ]);
      if (label) {
        placedLabels.push(label);
        routed.label = label;
      }
    }
    out.push(routed);
  }
  return out;
}

function boundsOf(points: readonly Pt[]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

/** A label's box on the route: near the target end first (where a reader looks for the port), clear of others. */
function placeLabel(
  points: readonly Pt[],
  text: string,
  placed: readonly Box[],
  obstacles: readonly Box[],
): Box | undefined {
  const w = text.length * LABEL_CHAR_W + 8;
  const h = LABEL_H;
  const candidates: Box[] = [];
  for (let i = points.length - 2; i >= 0; i--) {
    const p = points[i] as Pt;
    const q = points[i + 1] as Pt;
    const len = Math.abs(q[0] - p[0]) + Math.abs(q[1] - p[1]);
    for (const f of [0.5, 0.3, 0.7, 0.15, 0.85]) {
      const x = p[0] + (q[0] - p[0]) * f;
      const y = p[1] + (q[1] - p[1]) * f;
      if (len < 20) continue;
      if (p[0] === q[0]) {
        candidates.push({ x: x + 4, y: y - h / 2, w, h }, { x: x - 4 - w, y: y - h / 2, w, h });
      } else candidates.push({ x: x - w / 2, y: y - h - 2, w, h }, { x: x - w / 2, y: y + 2, w, h });
    }
  }
  return candidates.find(
    (c) => !placed.some((o) => overlaps(o, c, 1)) && !obstacles.some((o) => overlaps(o, c)),
  );
}
