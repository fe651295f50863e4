import type { ELK, ElkNode } from "elkjs/lib/elk-api.js";
import type { GroupNode, LeafNode } from "./types.ts";
import { forEachDrawn } from "./walk.ts";

// Layout in two parts, chosen by measurement (docs/benchmarks.md): leaves are packed into a grid inside
// their box by plain arithmetic, and elkjs arranges only the boxes (accounts, regions, VPCs, AZs, subnets),
// each container on its own (SEPARATE_CHILDREN). Edges are not given to elk: they cross containers, and
// the renderer draws them between node centres. Measured on 2 cores: elk `layered` with INCLUDE_CHILDREN
// and every resource as an elk node took 76 s at 5,000 nodes; boxes only with packed leaves stays under a second
// at 10,000 resources.

export const LEAF_W = 184;
export const LEAF_H = 56;
export const GAP = 12;
export const HEADER = 38;
export const PAD = 14;
export const COLLAPSED_W = 220;
export const COLLAPSED_H = 64;

/** Columns of the leaf grid: roughly square blocks, wider than tall. */
function columns(n: number): number {
  return Math.max(1, Math.min(n, Math.ceil(Math.sqrt(n * 1.6))));
}

interface Block {
  w: number;
  h: number;
}

function leafBlock(leaves: LeafNode[]): Block {
  const cols = columns(leaves.length);
  const rows = Math.ceil(leaves.length / cols);
  return { w: cols * LEAF_W + (cols - 1) * GAP, h: rows * LEAF_H + (rows - 1) * GAP };
}

/** elk options per kind of box: AZs stack their subnets, VPCs put AZs side by side, the rest packs. */
function optionsFor(g: GroupNode): Record<string, string> {
  const base = {
    "elk.padding": `[top=${HEADER},left=${PAD},bottom=${PAD},right=${PAD}]`,
    "elk.spacing.nodeNode": String(GAP + 6),
  };
  switch (g.groupKind) {
    case "az":
      return { ...base, "elk.algorithm": "rectpacking", "elk.aspectRatio": "0.05" };
    case "vpc":
      return { ...base, "elk.algorithm": "rectpacking", "elk.aspectRatio": "2.2" };
    case "root":
      return {
        ...base,
        "elk.padding": `[top=${PAD},left=${PAD},bottom=${PAD},right=${PAD}]`,
        "elk.algorithm": "rectpacking",
        "elk.aspectRatio": "1.8",
        "elk.spacing.nodeNode": "40",
      };
    default:
      return { ...base, "elk.algorithm": "rectpacking", "elk.aspectRatio": "1.6" };
  }
}

const LEAF_BLOCK = "\u0000leaves:";

function toElk(g: GroupNode): ElkNode {
  if (g.collapsed) return { id: g.id, width: COLLAPSED_W, height: COLLAPSED_H };
  const leaves = g.children.filter((c): c is LeafNode => c.kind === "leaf");
  const groups = g.children.filter((c): c is GroupNode => c.kind === "group");
  const children: ElkNode[] = [];
  if (leaves.length > 0) {
    const b = leafBlock(leaves);
    children.push({ id: LEAF_BLOCK + g.id, width: b.w, height: b.h });
  }
  for (const c of groups) children.push(toElk(c));
  if (children.length === 0) {
    // An empty subnet or VPC still shows, as a small box with its header.
    return { id: g.id, width: 200, height: HEADER + 24 };
  }
  return { id: g.id, children, layoutOptions: optionsFor(g) };
}

/** Copies elk's relative positions back as absolute ones, and places leaves in their grid. */
function apply(g: GroupNode, e: ElkNode, ox: number, oy: number): void {
  g.x = ox + (e.x ?? 0);
  g.y = oy + (e.y ?? 0);
  g.w = e.width ?? 0;
  g.h = e.height ?? 0;
  if (g.collapsed) return;
  const byId = new Map((e.children ?? []).map((c) => [c.id, c]));
  const leaves = g.children.filter((c): c is LeafNode => c.kind === "leaf");
  const block = byId.get(LEAF_BLOCK + g.id);
  if (block) {
    const cols = columns(leaves.length);
    leaves.forEach((l, i) => {
      l.x = g.x + (block.x ?? 0) + (i % cols) * (LEAF_W + GAP);
      l.y = g.y + (block.y ?? 0) + Math.floor(i / cols) * (LEAF_H + GAP);
      l.w = LEAF_W;
      l.h = LEAF_H;
    });
  }
  for (const c of g.children) {
    if (c.kind !== "group") continue;
    const ce = byId.get(c.id);
    if (ce) apply(c, ce, g.x, g.y);
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

/** Lays out the tree in place (x, y, w, h of every node) and returns the diagram's size. */
export async function layoutTree(root: GroupNode): Promise<{ width: number; height: number; ms: number }> {
  const started = performance.now();
  const elk = await elkInstance();
  const graph = toElk(root);
  graph.layoutOptions = {
    ...graph.layoutOptions,
    "elk.hierarchyHandling": "SEPARATE_CHILDREN",
  };
  const laid = await elk.layout(graph);
  apply(root, laid, 0, 0);
  root.x = 0;
  root.y = 0;
  return { width: laid.width ?? 0, height: laid.height ?? 0, ms: performance.now() - started };
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
