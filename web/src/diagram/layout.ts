import type { ELK, ElkNode } from "elkjs/lib/elk-api.js";
import type { DiagramNode, GroupNode, LeafNode } from "./types.ts";
import { forEachDrawn } from "./walk.ts";

// Layout in two parts. Inside a VPC, AWS's own convention decides, by arithmetic: availability zones are
// columns, subnet tiers are rows aligned across them (public on top), what spans subnets (a load balancer,
// an Auto Scaling group) is drawn across its subnets' columns, and the internet gateway sits on the VPC's
// top border. Outside VPCs, elkjs (rectpacking) arranges the boxes (accounts, regions, VPCs, service boxes),
// each container on its own. Measured on 2 cores (docs/benchmarks.md): elk `layered` with INCLUDE_CHILDREN
// and every resource as an elk node took 76 s at 5,000 nodes; this stays well under a second at 10,000.

export const LEAF_W = 208;
export const LEAF_H = 58;
/** Where a card's name starts, after its icon. */
export const NAME_X = 52;
/** Space between cards: wide enough for an edge to run between them. */
export const GAP = 22;
export const HEADER = 40;
export const PAD = 16;
export const COLLAPSED_W = 240;
export const COLLAPSED_H = 64;

const SUB_HEAD = 40;
const SUB_PAD = 14;
const AZ_HEAD = 30;
const AZ_PAD = 12;
const AZ_GAP = 26;
const ROW_GAP = 26;
const ASG_HEAD = 34;
const ASG_PAD = 12;
/** How far the internet gateway sticks out above its VPC's top border. */
const BORDER_OVERHANG = LEAF_H / 2;
/** The internet's card above everything, and the room for its edges down to the gateways. */
const INTERNET_SPACE = LEAF_H + 56;

/** Columns of a leaf grid: roughly square blocks, wider than tall. */
function columns(n: number): number {
  return Math.max(1, Math.min(n, Math.ceil(Math.sqrt(n * 1.6))));
}

/** Service boxes beside VPCs are tall and narrow (they stand next to a VPC); others roughly square. */
function leafColumns(g: GroupNode, n: number): number {
  if (g.groupKind === "services" || g.groupKind === "global") return Math.max(1, Math.ceil(Math.sqrt(n / 3)));
  return columns(n);
}

/**
 * Columns of the cards in one subnet or one AZ of an ASG: side by side up to two, then a grid somewhat
 * wider than tall. (Three side by side measured worse at Fit: AZ columns already make a VPC wide.)
 */
function cellColumns(n: number): number {
  if (n <= 2) return Math.max(1, n);
  if (n <= 4) return 2;
  return Math.ceil(Math.sqrt(n * 1.5));
}

function gridSize(n: number, cols: number): { w: number; h: number } {
  if (n === 0) return { w: 0, h: 0 };
  const rows = Math.ceil(n / cols);
  return { w: cols * LEAF_W + (cols - 1) * GAP, h: rows * LEAF_H + (rows - 1) * GAP };
}

function place(n: DiagramNode, x: number, y: number, w: number, h: number): void {
  n.x = x;
  n.y = y;
  n.w = w;
  n.h = h;
}

/** Moves a laid-out subtree (the drawn part) by (dx, dy). */
function shift(n: DiagramNode, dx: number, dy: number): void {
  n.x += dx;
  n.y += dy;
  if (n.kind === "group" && !n.collapsed) for (const c of n.children) shift(c, dx, dy);
}

const CLASS_RANK: Record<string, number> = { public: 0, private: 1, isolated: 2, unknown: 3 };
const DATA_TYPES = new Set(["AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::ElastiCache::CacheCluster"]);

/**
 * The tier a subnet belongs to, to align rows across AZs: its class, then its name without the AZ part
 * ("staging-private-a" and "staging-private-b" are one row). Names only group, they never decide the class.
 */
function rowStem(subnet: GroupNode, az: string): string {
  let name = subnet.label.toLowerCase();
  if (az) name = name.split(az.toLowerCase()).join("");
  name = name.replace(/[-_ .]?(?:az)?(?:[a-f]|\d{1,2})$/, "");
  return name;
}

/** Sizes and places a VPC's insides relative to (0, 0); returns its size (the border overhang included). */
function layoutVpc(vpc: GroupNode): { w: number; h: number } {
  const azs = vpc.children.filter((c): c is GroupNode => c.kind === "group" && c.groupKind === "az");
  azs.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const border = vpc.children.filter((c): c is LeafNode => c.kind === "leaf" && c.role === "border");
  const asgs = vpc.children.filter((c): c is GroupNode => c.kind === "group" && c.groupKind === "asg");
  const spanning = vpc.children.filter((c): c is LeafNode => c.kind === "leaf" && c.role !== "border");

  // Subnets → (row, column).
  const colOf = new Map<string, number>();
  const rowKeyOf = new Map<string, string>();
  const subnetById = new Map<string, GroupNode>();
  const rowInfo = new Map<string, { rank: number; data: number; stem: string }>();
  azs.forEach((az, c) => {
    const used = new Map<string, number>();
    const subnets = az.children.filter((s): s is GroupNode => s.kind === "group");
    subnets.sort((a, b) => (a.label < b.label ? -1 : 1));
    for (const s of subnets) {
      const cls = s.subnetClass ?? "unknown";
      const stem = rowStem(s, az.label);
      const base = `${CLASS_RANK[cls] ?? 3}|${stem}`;
      const k = used.get(base) ?? 0;
      used.set(base, k + 1);
      const key = `${base}#${k}`;
      colOf.set(s.id, c);
      rowKeyOf.set(s.id, key);
      subnetById.set(s.id, s);
      const leaves = s.collapsed ? [] : s.children.filter((x): x is LeafNode => x.kind === "leaf");
      const data = leaves.length > 0 && leaves.every((l) => DATA_TYPES.has(l.type)) ? 1 : 0;
      const prev = rowInfo.get(key);
      rowInfo.set(key, {
        rank: CLASS_RANK[cls] ?? 3,
        data: Math.max(prev?.data ?? 0, data),
        stem: `${stem}#${k}`,
      });
    }
  });
  const rowKeys = [...rowInfo.keys()].sort((a, b) => {
    const x = rowInfo.get(a);
    const y = rowInfo.get(b);
    if (!x || !y) return 0;
    return x.rank - y.rank || x.data - y.data || (x.stem < y.stem ? -1 : x.stem > y.stem ? 1 : 0);
  });
  const rowIndex = new Map(rowKeys.map((k, i) => [k, i]));
  const nCols = Math.max(1, azs.length);
  const nRows = rowKeys.length;
  const cell: (GroupNode | undefined)[][] = rowKeys.map(() => new Array(nCols).fill(undefined));
  for (const [id, key] of rowKeyOf) {
    const r = rowIndex.get(key);
    const c = colOf.get(id);
    if (r !== undefined && c !== undefined) (cell[r] as (GroupNode | undefined)[])[c] = subnetById.get(id);
  }

  /** The row and the column range of something over these subnets (the row most of them are in). */
  const spanOf = (subnets: readonly string[]) => {
    const rows = new Map<number, number>();
    const cols: number[] = [];
    for (const s of subnets) {
      const key = rowKeyOf.get(s);
      const r = key ? rowIndex.get(key) : undefined;
      const c = colOf.get(s);
      if (r === undefined || c === undefined) continue;
      rows.set(r, (rows.get(r) ?? 0) + 1);
      cols.push(c);
    }
    if (cols.length === 0) return undefined;
    const row = [...rows].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
    return { row, c0: Math.min(...cols), c1: Math.max(...cols) };
  };

  // What each row holds beyond its subnets' own cards: spanning cards and ASG boxes, one lane each.
  type Lane =
    | { kind: "span"; leaf: LeafNode; c0: number; c1: number }
    | { kind: "asg"; g: GroupNode; c0: number; c1: number; byCol: Map<number, DiagramNode[]> };
  const lanes: Lane[][] = rowKeys.map(() => []);
  const loose: LeafNode[] = [];
  for (const l of spanning) {
    const s = spanOf(l.subnets);
    if (s && nRows > 0) lanes[s.row]?.push({ kind: "span", leaf: l, c0: s.c0, c1: s.c1 });
    else loose.push(l);
  }
  const looseGroups: GroupNode[] = [];
  for (const g of asgs) {
    const members = g.collapsed ? [] : g.children;
    const memberSubnets = members.flatMap((m) => (m.kind === "leaf" ? m.subnets : []));
    const s = spanOf([...(g.subnets ?? []), ...memberSubnets]);
    if (!s || nRows === 0) {
      looseGroups.push(g);
      continue;
    }
    const byCol = new Map<number, DiagramNode[]>();
    for (const m of members) {
      const ms = m.kind === "leaf" ? spanOf(m.subnets) : undefined;
      const c = ms ? ms.c0 : s.c0;
      const list = byCol.get(c) ?? [];
      list.push(m);
      byCol.set(c, list);
    }
    lanes[s.row]?.push({ kind: "asg", g, c0: s.c0, c1: s.c1, byCol });
  }

  // Column widths: the widest thing any row puts in that column.
  const minCell = LEAF_W + 2 * SUB_PAD;
  const colW = new Array<number>(nCols).fill(minCell);
  const plainOf = (s: GroupNode | undefined) =>
    s && !s.collapsed ? s.children.filter((x): x is LeafNode => x.kind === "leaf") : [];
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      const s = cell[r]?.[c];
      if (!s) continue;
      const n = plainOf(s).length;
      const w = s.collapsed ? COLLAPSED_W : gridSize(n, cellColumns(n)).w + 2 * SUB_PAD;
      colW[c] = Math.max(colW[c] ?? 0, w, Math.min(420, s.label.length * 7.6 + 60));
    }
    for (const lane of lanes[r] ?? []) {
      if (lane.kind !== "asg") continue;
      for (const [c, ms] of lane.byCol) {
        const w = gridSize(ms.length, cellColumns(ms.length)).w + 2 * (SUB_PAD + ASG_PAD);
        colW[c] = Math.max(colW[c] ?? 0, w);
      }
    }
  }

  // Row heights: subnet header, then the lanes, then the subnets' own cards.
  const laneH = (lane: Lane) => {
    if (lane.kind === "span") return LEAF_H;
    if (lane.g.collapsed) return COLLAPSED_H;
    let rows = 1;
    for (const ms of lane.byCol.values())
      rows = Math.max(rows, Math.ceil(ms.length / cellColumns(ms.length)));
    return ASG_HEAD + rows * LEAF_H + (rows - 1) * GAP + ASG_PAD;
  };
  const rowH = rowKeys.map((_, r) => {
    let h = SUB_HEAD;
    for (const lane of lanes[r] ?? []) h += laneH(lane) + GAP;
    let plain = 0;
    for (let c = 0; c < nCols; c++) {
      const s = cell[r]?.[c];
      if (s?.collapsed) plain = Math.max(plain, COLLAPSED_H - SUB_HEAD);
      const n = plainOf(s).length;
      plain = Math.max(plain, gridSize(n, cellColumns(n)).h);
    }
    return Math.max(h + plain + SUB_PAD, SUB_HEAD + 30);
  });

  const top = border.length > 0 ? BORDER_OVERHANG : 0;
  const azX: number[] = [];
  let x = PAD;
  for (let c = 0; c < nCols; c++) {
    azX.push(x);
    x += (colW[c] ?? minCell) + 2 * AZ_PAD + AZ_GAP;
  }
  const gridW = x - AZ_GAP + PAD;
  const rowY: number[] = [];
  let y = top + HEADER + AZ_HEAD;
  for (let r = 0; r < nRows; r++) {
    rowY.push(y);
    y += (rowH[r] ?? 0) + ROW_GAP;
  }
  const azBottom = nRows > 0 ? y - ROW_GAP + AZ_PAD : top + HEADER + AZ_HEAD;

  // AZ columns and subnets.
  azs.forEach((az, c) => {
    place(az, azX[c] ?? PAD, top + HEADER, (colW[c] ?? minCell) + 2 * AZ_PAD, azBottom - (top + HEADER));
  });
  const subnetX = (c: number) => (azX[c] ?? PAD) + AZ_PAD;
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      const s = cell[r]?.[c];
      if (!s) continue;
      if (s.collapsed) {
        place(s, subnetX(c), rowY[r] ?? 0, colW[c] ?? minCell, COLLAPSED_H);
        continue;
      }
      place(s, subnetX(c), rowY[r] ?? 0, colW[c] ?? minCell, rowH[r] ?? 0);
    }
    // Lanes across the row's columns.
    let ly = (rowY[r] ?? 0) + SUB_HEAD;
    for (const lane of lanes[r] ?? []) {
      const x0 = subnetX(lane.c0) + SUB_PAD;
      const x1 = subnetX(lane.c1) + (colW[lane.c1] ?? minCell) - SUB_PAD;
      const h = laneH(lane);
      if (lane.kind === "span") {
        // One column: a card; several: a card across the AZ boundaries, over each of its subnets, as AWS
        // draws a load balancer, leaving room at both ends for edges down to what is below it.
        const w = lane.c1 > lane.c0 ? Math.min(x1 - x0, LEAF_W + (lane.c1 - lane.c0) * 170) : LEAF_W;
        place(lane.leaf, (x0 + x1) / 2 - w / 2, ly, w, LEAF_H);
      } else if (lane.g.collapsed) {
        place(lane.g, x0, ly, Math.max(COLLAPSED_W, x1 - x0), COLLAPSED_H);
      } else {
        place(lane.g, x0, ly, x1 - x0, h);
        for (const [c, ms] of lane.byCol) {
          const cols = cellColumns(ms.length);
          ms.forEach((m, i) => {
            place(
              m,
              subnetX(c) + SUB_PAD + ASG_PAD + (i % cols) * (LEAF_W + GAP),
              ly + ASG_HEAD + Math.floor(i / cols) * (LEAF_H + GAP),
              LEAF_W,
              LEAF_H,
            );
          });
        }
      }
      ly += h + GAP;
    }
    for (let c = 0; c < nCols; c++) {
      const s = cell[r]?.[c];
      if (!s || s.collapsed) continue;
      const leaves = plainOf(s);
      const cols = cellColumns(leaves.length);
      leaves.forEach((l, i) => {
        place(
          l,
          s.x + SUB_PAD + (i % cols) * (LEAF_W + GAP),
          ly + Math.floor(i / cols) * (LEAF_H + GAP),
          LEAF_W,
          LEAF_H,
        );
      });
    }
  }

  // What has no subnet drawn (a gateway endpoint, a peering connection, an ASG whose subnets are not drawn):
  // a lane below the AZs, left to right, wrapping at the VPC's width.
  let h = azBottom + PAD;
  if (loose.length + looseGroups.length > 0) {
    const maxX = Math.max(gridW - PAD, PAD + LEAF_W);
    let x = PAD;
    let rowTop = h;
    let rowBottom = h;
    const next = (w: number, hh: number) => {
      if (x > PAD && x + w > maxX) {
        x = PAD;
        rowTop = rowBottom + GAP;
      }
      const at = { x, y: rowTop };
      x += w + GAP;
      rowBottom = Math.max(rowBottom, rowTop + hh);
      return at;
    };
    for (const l of loose) {
      const at = next(LEAF_W, LEAF_H);
      place(l, at.x, at.y, LEAF_W, LEAF_H);
    }
    for (const g of looseGroups) {
      const members = g.collapsed ? [] : g.children;
      const cols = cellColumns(members.length);
      const gs = gridSize(members.length, cols);
      const w = Math.max(COLLAPSED_W, gs.w + 2 * ASG_PAD);
      const gh = g.collapsed ? COLLAPSED_H : ASG_HEAD + gs.h + ASG_PAD;
      const at = next(w, gh);
      place(g, at.x, at.y, w, gh);
      members.forEach((m, k) => {
        place(
          m,
          at.x + ASG_PAD + (k % cols) * (LEAF_W + GAP),
          at.y + ASG_HEAD + Math.floor(k / cols) * (LEAF_H + GAP),
          LEAF_W,
          LEAF_H,
        );
      });
    }
    h = rowBottom + PAD;
  }
  const titleW = Math.max(vpc.label.length * 8, (vpc.sublabel ?? "").length * 6.6) + 60;
  const w = Math.max(
    gridW,
    titleW + (border.length > 0 ? border.length * (LEAF_W + GAP) + 40 : 0),
    LEAF_W + 2 * PAD,
  );
  // The internet gateway straddles the top border, right of the title.
  border.forEach((b, i) => {
    const bx = Math.max(titleW + 20, w / 2 - (border.length * (LEAF_W + GAP) - GAP) / 2) + i * (LEAF_W + GAP);
    place(b, bx, 0, LEAF_W, LEAF_H);
  });
  place(vpc, 0, top, w, h - top);
  return { w, h };
}

/** elk options per kind of box: the rest packs. */
function optionsFor(g: GroupNode): Record<string, string> {
  const base = {
    "elk.padding": `[top=${HEADER + 4},left=${PAD},bottom=${PAD},right=${PAD}]`,
    "elk.spacing.nodeNode": String(GAP + 14),
  };
  switch (g.groupKind) {
    case "root":
      return {
        ...base,
        "elk.padding": `[top=${PAD},left=${PAD},bottom=${PAD},right=${PAD}]`,
        "elk.algorithm": "rectpacking",
        "elk.aspectRatio": "1.6",
        "elk.spacing.nodeNode": "50",
      };
    case "account":
      return { ...base, "elk.algorithm": "rectpacking", "elk.aspectRatio": "1.5" };
    default:
      return { ...base, "elk.algorithm": "rectpacking", "elk.aspectRatio": "1.6" };
  }
}

const LEAF_BLOCK = "\u0000leaves:";

/** Relative VPC layouts, computed before elk sees the VPC as one fixed-size node. */
type VpcSizes = Map<string, { w: number; h: number }>;

function toElk(g: GroupNode, vpcs: VpcSizes): ElkNode {
  if (g.collapsed) return { id: g.id, width: COLLAPSED_W, height: COLLAPSED_H };
  if (g.groupKind === "vpc") {
    const size = vpcs.get(g.id) ?? layoutVpc(g);
    vpcs.set(g.id, size);
    return { id: g.id, width: size.w, height: size.h };
  }
  const leaves = g.children.filter((c): c is LeafNode => c.kind === "leaf" && c.id !== "internet");
  const groups = g.children.filter((c): c is GroupNode => c.kind === "group");
  const children: ElkNode[] = [];
  if (leaves.length > 0) {
    const cols = leafColumns(g, leaves.length);
    const b = gridSize(leaves.length, cols);
    children.push({ id: LEAF_BLOCK + g.id, width: b.w, height: b.h });
  }
  for (const c of groups) children.push(toElk(c, vpcs));
  if (children.length === 0) return { id: g.id, width: 220, height: HEADER + 24 };
  return { id: g.id, children, layoutOptions: optionsFor(g) };
}

/** Copies elk's relative positions back as absolute ones, and places leaves in their grid. */
function apply(g: GroupNode, e: ElkNode, ox: number, oy: number, vpcs: VpcSizes): void {
  const x = ox + (e.x ?? 0);
  const y = oy + (e.y ?? 0);
  if (g.groupKind === "vpc" && !g.collapsed && vpcs.has(g.id)) {
    // The VPC's insides were laid out relative to (0, 0) (its box starts below the gateway's overhang).
    const top = g.y;
    for (const c of g.children) shift(c, x, y);
    g.x = x;
    g.y = y + top;
    return;
  }
  place(g, x, y, e.width ?? 0, e.height ?? 0);
  if (g.collapsed) return;
  const byId = new Map((e.children ?? []).map((c) => [c.id, c]));
  const leaves = g.children.filter((c): c is LeafNode => c.kind === "leaf" && c.id !== "internet");
  const block = byId.get(LEAF_BLOCK + g.id);
  if (block) {
    const cols = leafColumns(g, leaves.length);
    leaves.forEach((l, i) => {
      place(
        l,
        g.x + (block.x ?? 0) + (i % cols) * (LEAF_W + GAP),
        g.y + (block.y ?? 0) + Math.floor(i / cols) * (LEAF_H + GAP),
        LEAF_W,
        LEAF_H,
      );
    });
  }
  for (const c of g.children) {
    if (c.kind !== "group") continue;
    const ce = byId.get(c.id);
    if (ce) apply(c, ce, g.x, g.y, vpcs);
  }
}

let shared: ELK | undefined;
export async function elkInstance(): Promise<ELK> {
  if (!shared) {
    // The bundled build runs elk in-process (no nested worker): inside our own layout worker, or in Node.
    const mod = await import("elkjs/lib/elk.bundled.js");
    const Ctor = (mod.default ?? mod) as unknown as new () => ELK;
    shared = new Ctor();
  }
  return shared;
}

/** Lays out the tree in place (x, y, w, h of every drawn node) and returns the diagram's size. */
export async function layoutTree(root: GroupNode): Promise<{ width: number; height: number; ms: number }> {
  const started = performance.now();
  const elk = await elkInstance();
  const vpcs: VpcSizes = new Map();
  const graph = toElk(root, vpcs);
  graph.layoutOptions = { ...graph.layoutOptions, "elk.hierarchyHandling": "SEPARATE_CHILDREN" };
  const laid = await elk.layout(graph);
  apply(root, laid, 0, 0, vpcs);
  root.x = 0;
  root.y = 0;
  let width = laid.width ?? 0;
  let height = laid.height ?? 0;
  // The internet (its users) above everything, over the internet gateways: its edges come down to them.
  const internet = root.children.find((c): c is LeafNode => c.kind === "leaf" && c.id === "internet");
  if (internet) {
    for (const c of root.children) if (c !== internet) shift(c, 0, INTERNET_SPACE);
    const gateways: number[] = [];
    forEachDrawn(root, (n) => {
      if (n.kind === "leaf" && n.role === "border") gateways.push(n.x + n.w / 2);
    });
    const cx = gateways.length > 0 ? gateways.reduce((a, b) => a + b, 0) / gateways.length : width / 2;
    place(
      internet,
      Math.min(Math.max(PAD, cx - LEAF_W / 2), Math.max(PAD, width - LEAF_W - PAD)),
      PAD,
      LEAF_W,
      LEAF_H,
    );
    height += INTERNET_SPACE;
    width = Math.max(width, LEAF_W + 2 * PAD);
  }
  root.w = width;
  root.h = height;
  return { width, height, ms: performance.now() - started };
}

/** Positions by node id, for moving a laid-out tree between a worker and the page. */
export interface Positions {
  [id: string]: [number, number, number, number];
}

export function positionsOf(root: GroupNode): Positions {
  const out: Positions = {};
  forEachDrawn(root, (n) => {
    out[n.id] = [n.x, n.y, n.w, n.h];
  });
  return out;
}

export function applyPositions(root: GroupNode, pos: Positions): void {
  forEachDrawn(root, (n) => {
    const p = pos[n.id];
    if (p) [n.x, n.y, n.w, n.h] = p;
  });
}
