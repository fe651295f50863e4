import type { DataIndex } from "./diagram/model.ts";
import type { DiagramEdge, Finding } from "./diagram/types.ts";

// What a selected finding is about, on the picture: the resources it concerns (for a security group, the
// resources that use it, not the VPC hosting the group) and the path traffic takes to them (internet →
// internet gateway → bastion :22, or the flow the finding reports).

export interface Highlight {
  /** Drawn node ids to keep bright. */
  nodes: Set<string>;
  /** Edge ids to draw on top (also when the current edge filter hides them). */
  edges: Set<string>;
}

/** Resource ids a finding concerns: the resource, and what uses it when it is configuration (an SG). */
export function aboutResources(index: DataIndex, f: Finding): Set<string> {
  const out = new Set([f.resourceId]);
  const r = index.byId.get(f.resourceId);
  if (r?.type === "AWS::EC2::SecurityGroup" || r?.type === "AWS::EC2::NetworkAcl") {
    for (const e of index.data.snapshot.edges) {
      if (e.to !== r.id || e.kind !== "uses") continue;
      // An ENI stands for the instance, load balancer or database it is attached to.
      const user = index.byId.get(e.from);
      if (user?.type === "AWS::EC2::NetworkInterface") {
        const host = index.host.get(user.id);
        if (host) out.add(host);
      } else out.add(e.from);
    }
  }
  return out;
}

export function highlightFinding(
  index: DataIndex,
  f: Finding,
  edges: readonly DiagramEdge[],
  nodeOf: ReadonlyMap<string, string>,
): Highlight {
  const about = aboutResources(index, f);
  const nodes = new Set<string>();
  for (const id of about) {
    const n = nodeOf.get(id);
    if (n) nodes.add(n);
  }
  const picked = new Set<string>();
  for (const e of edges) {
    const mine =
      e.findings.includes(f.fingerprint) ||
      (f.related ?? []).some((r) => e.findings.includes(r.fingerprint)) ||
      (f.resourceType !== "AWS::EC2::VPC" &&
        e.pairs.some(([from, to]) => from === "internet" && about.has(to)));
    if (!mine) continue;
    picked.add(e.id);
    nodes.add(e.from);
    nodes.add(e.to);
  }
  return { nodes, edges: picked };
}

/**
 * Everything the internet reaches (the findings JSON's `exposure`, proven entries only): those resources
 * bright, and the drawn edges from the internet to them.
 */
export function highlightExposed(
  index: DataIndex,
  edges: readonly DiagramEdge[],
  nodeOf: ReadonlyMap<string, string>,
): Highlight {
  const exposed = new Set(
    (index.data.report.exposure ?? []).filter((e) => !e.unknown).map((e) => e.resourceId),
  );
  const nodes = new Set<string>();
  for (const id of exposed) {
    const n = nodeOf.get(id);
    if (n) nodes.add(n);
  }
  const picked = new Set<string>();
  for (const e of edges)
    if (e.pairs.some(([from, to]) => from === "internet" && exposed.has(to))) {
      picked.add(e.id);
      nodes.add(e.from);
    }
  return { nodes, edges: picked };
}

/** A selected resource's neighbourhood: the node and what its drawn edges connect it to. */
export function highlightNode(nodeId: string, edges: readonly DiagramEdge[]): Highlight {
  const nodes = new Set([nodeId]);
  const picked = new Set<string>();
  for (const e of edges) {
    if (e.from !== nodeId && e.to !== nodeId) continue;
    picked.add(e.id);
    nodes.add(e.from);
    nodes.add(e.to);
  }
  return { nodes, edges: picked };
}
