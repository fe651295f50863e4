import type { DiagramNode, GroupNode } from "./types.ts";

/** Visits every drawn node: the tree without the insides of collapsed groups. */
export function forEachDrawn(root: GroupNode, visit: (n: DiagramNode) => void): void {
  const walk = (n: DiagramNode) => {
    visit(n);
    if (n.kind === "group" && !n.collapsed) for (const c of n.children) walk(c);
  };
  walk(root);
}

/** Drawn nodes by id. */
export function nodeIndex(root: GroupNode): Map<string, DiagramNode> {
  const out = new Map<string, DiagramNode>();
  forEachDrawn(root, (n) => out.set(n.id, n));
  return out;
}
