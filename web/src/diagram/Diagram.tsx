import { memo } from "react";
import { iconColour, TypeIcon } from "./icons.tsx";
import { shortType } from "./model.ts";
import type { DiagramEdge, DiagramNode, EdgeStyle, GroupNode, LeafNode, Severity } from "./types.ts";
import { nodeIndex } from "./walk.ts";

// The diagram as SVG. The same component draws the interactive view in the browser and the static
// diagram of the HTML report (rendered to markup in Node): every string is a React text child or
// attribute, so AWS text (names, tags) is escaped by React and never parsed as markup.

export const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: "#7a1020",
  high: "#d1293d",
  medium: "#e07b00",
  low: "#5c7fa8",
};

export const EDGE_STYLES: Record<EdgeStyle, { colour: string; dash?: string; width: number; label: string }> =
  {
    "flow-documented": { colour: "#2f8a3b", width: 2, label: "flow, documented" },
    "flow-undocumented": { colour: "#d1293d", dash: "8 5", width: 2.4, label: "flow, undocumented" },
    "flow-unspecified": { colour: "#6b7280", dash: "2 4", width: 1.8, label: "flow (no spec given)" },
    targets: { colour: "#7b3fc4", width: 1.4, label: "load balancer → target" },
    aliases: { colour: "#8a4fd1", dash: "10 3 2 3", width: 1.4, label: "DNS alias" },
    origin: { colour: "#b7791f", width: 1.6, label: "CloudFront → origin" },
    protects: { colour: "#9b2335", dash: "1 4", width: 2, label: "web ACL protects" },
  };

/** The diagram's stylesheet, inlined in the SVG so an exported file looks the same on its own. */
export const DIAGRAM_CSS = `
.asb-diagram { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.asb-group > rect.box { fill: #fff; stroke: #aab4c3; stroke-width: 1.2; }
.asb-group.k-account > rect.box { fill: #fbfcfe; stroke: #4b5563; stroke-width: 1.6; }
.asb-group.k-region > rect.box { fill: #f6f8fb; stroke: #6b7a90; stroke-dasharray: 6 3; }
.asb-group.k-global > rect.box { fill: #f8f3fe; stroke: #8a4fd1; }
.asb-group.k-services > rect.box { fill: #fbf8f2; stroke: #b7791f; stroke-dasharray: 4 3; }
.asb-group.k-vpc > rect.box { fill: #f4f0fb; stroke: #7b3fc4; stroke-width: 1.6; }
.asb-group.k-az > rect.box { fill: none; stroke: #8fa0b8; stroke-dasharray: 3 3; }
.asb-group.k-subnet > rect.box { fill: #eef6ee; stroke: #5a9a5e; }
.asb-group.k-subnet.public > rect.box { fill: #eaf3ff; stroke: #3a78c2; }
.asb-group.k-internet > rect.box { fill: #eef1f5; stroke: #3b4a5e; }
.asb-group.collapsed > rect.box { stroke-width: 2; }
.asb-group .title { font-size: 13px; font-weight: 600; fill: #1f2937; }
.asb-group .sub { font-size: 11px; fill: #5b6676; }
.asb-group .toggle { cursor: pointer; }
.asb-group .toggle rect { fill: #fff; stroke: #8fa0b8; }
.asb-group .toggle text { font-size: 12px; font-weight: 700; fill: #374151; }
.asb-leaf > rect.card { fill: #fff; stroke: #c3cbd6; stroke-width: 1; }
.asb-leaf.aggregate > rect.card { stroke-dasharray: 4 2; stroke-width: 1.4; }
.asb-leaf .name { font-size: 12px; font-weight: 600; fill: #111827; }
.asb-leaf .type { font-size: 10.5px; fill: #5b6676; }
.asb-leaf, .asb-group > rect.box, .asb-group .title { cursor: pointer; }
.asb-node.selected > rect.card, .asb-node.selected > rect.box { stroke: #0b63ce; stroke-width: 3; }
.asb-node.match > rect.card { stroke: #f2b705; stroke-width: 3; }
.asb-node.dim { opacity: 0.28; }
.asb-badge text { font-size: 10.5px; font-weight: 700; fill: #fff; }
.asb-edge { fill: none; opacity: 0.7; }
.asb-edge:hover, .asb-edges.focused .asb-edge { opacity: 1; }
.asb-edges.focused .asb-edge.dim { opacity: 0.07; }
`;

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function Badge({ x, y, severity, count }: { x: number; y: number; severity: Severity; count: number }) {
  const text = count > 99 ? "99+" : String(count);
  const w = 12 + text.length * 6.5;
  return (
    <g className="asb-badge" data-severity={severity} transform={`translate(${x - w} ${y - 9})`}>
      <title>{`${count} finding${count === 1 ? "" : "s"}, worst ${severity}`}</title>
      <rect width={w} height="18" rx="9" fill={SEVERITY_COLOURS[severity]} stroke="#fff" strokeWidth="1.5" />
      <text x={w / 2} y="12.8" textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

export interface DiagramProps {
  root: GroupNode;
  edges: readonly DiagramEdge[];
  width: number;
  height: number;
  /** The part of the diagram shown (pan and zoom); the whole diagram when absent. */
  viewBox?: [number, number, number, number];
  selected?: string;
  /** Search matches: outlined. */
  matches?: ReadonlySet<string>;
  /** When set, nodes not in it are dimmed (the selection's neighbourhood). */
  focus?: ReadonlySet<string>;
  /** Subnet resource ids that route to an internet gateway (drawn blue). */
  publicSubnets?: ReadonlySet<string>;
  onSelect?: (nodeId: string) => void;
  /** Double-click on an aggregate ("24 instances"): draw its members one by one. */
  onExpand?: (aggregateId: string) => void;
  onToggle?: (groupId: string) => void;
  /** Static rendering (the report): no toggles. */
  interactive?: boolean;
  title?: string;
}

function center(n: DiagramNode): [number, number] {
  return [n.x + n.w / 2, n.y + n.h / 2];
}

/** Where the segment from the centre of `n` towards (tx, ty) leaves its box. */
function exitPoint(n: DiagramNode, tx: number, ty: number): [number, number] {
  const [cx, cy] = center(n);
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const sx = dx === 0 ? Number.POSITIVE_INFINITY : n.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Number.POSITIVE_INFINITY : n.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

export function edgePath(a: DiagramNode, b: DiagramNode): string {
  const [bx, by] = center(b);
  const [ax, ay] = center(a);
  const [x1, y1] = exitPoint(a, bx, by);
  const [x2, y2] = exitPoint(b, ax, ay);
  // A gentle curve, bent to one side, so that two-way flows and parallel edges do not overlap.
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const bend = Math.min(60, len * 0.12);
  const qx = mx + (-(y2 - y1) / len) * bend;
  const qy = my + ((x2 - x1) / len) * bend;
  return `M${x1.toFixed(1)} ${y1.toFixed(1)} Q${qx.toFixed(1)} ${qy.toFixed(1)} ${x2.toFixed(1)} ${y2.toFixed(1)}`;
}

const Leaf = memo(function Leaf({ n, cls }: { n: LeafNode; cls: string }) {
  const typeLabel = n.aggregate ? `${shortType(n.type)} · expand` : shortType(n.type);
  return (
    <g
      className={`asb-node asb-leaf${n.aggregate ? " aggregate" : ""}${cls}`}
      data-id={n.id}
      data-type={n.type}
      data-severity={n.severity ?? ""}
      transform={`translate(${n.x} ${n.y})`}
    >
      <title>{n.aggregate ? `${n.label} (click to list, double-click to expand)` : n.label}</title>
      <rect className="card" width={n.w} height={n.h} rx="8" />
      <rect width="4" height={n.h - 16} x="0" y="8" rx="2" fill={iconColour(n.type)} />
      <TypeIcon type={n.type} x={10} y={(n.h - 30) / 2} size={30} />
      <text className="name" x="48" y={n.h / 2 - 3}>
        {truncate(n.label, 20)}
      </text>
      <text className="type" x="48" y={n.h / 2 + 13}>
        {truncate(typeLabel, 24)}
      </text>
      {n.severity && n.findings > 0 ? (
        <Badge x={n.w + 6} y={0} severity={n.severity} count={n.findings} />
      ) : null}
    </g>
  );
});

function Group({
  g,
  props,
  nodes,
}: {
  g: GroupNode;
  props: DiagramProps;
  nodes: { selected?: string; matches?: ReadonlySet<string>; focus?: ReadonlySet<string> };
}) {
  const cls = [
    "asb-node",
    "asb-group",
    `k-${g.groupKind}`,
    g.collapsed ? "collapsed" : "",
    g.resourceId && props.publicSubnets?.has(g.resourceId) ? "public" : "",
    nodes.selected === g.id ? "selected" : "",
    nodes.focus && !nodes.focus.has(g.id) && g.collapsed ? "dim" : "",
  ]
    .filter(Boolean)
    .join(" ");
  if (g.groupKind === "root") {
    return (
      <>
        {g.children.map((c) =>
          c.kind === "group" ? (
            <Group key={c.id} g={c} props={props} nodes={nodes} />
          ) : (
            <Leaf key={c.id} n={c} cls={leafClass(c, nodes)} />
          ),
        )}
      </>
    );
  }
  const canToggle = props.interactive !== false && g.groupKind !== "internet";
  const titleX = canToggle ? 36 : 12;
  return (
    <g className={cls} data-id={g.id} data-kind={g.groupKind} data-severity={g.severity ?? ""}>
      <rect className="box" x={g.x} y={g.y} width={g.w} height={g.h} rx={g.groupKind === "subnet" ? 6 : 10} />
      {canToggle ? (
        // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be an HTML button; it has the role and keys of one
        <g
          className="toggle"
          role="button"
          tabIndex={0}
          aria-label={`${g.collapsed ? "Expand" : "Collapse"} ${g.label}`}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === " ") props.onToggle?.(g.id);
          }}
          data-toggle={g.id}
          transform={`translate(${g.x + 10} ${g.y + 9})`}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggle?.(g.id);
          }}
        >
          <title>{g.collapsed ? "Expand" : "Collapse"}</title>
          <rect width="18" height="18" rx="4" />
          <text x="9" y="13.5" textAnchor="middle">
            {g.collapsed ? "+" : "−"}
          </text>
        </g>
      ) : null}
      <text className="title" x={g.x + titleX} y={g.y + 18}>
        {truncate(g.label, Math.max(8, Math.floor((g.w - titleX - 30) / 7.4)))}
        {g.collapsed ? ` (${g.count})` : ""}
      </text>
      {g.sublabel ? (
        <text className="sub" x={g.x + titleX} y={g.y + 31}>
          {truncate(g.sublabel, Math.max(8, Math.floor((g.w - titleX - 12) / 6.2)))}
        </text>
      ) : null}
      {g.severity && g.findings > 0 ? (
        <Badge x={g.x + g.w - 8} y={g.y + 14} severity={g.severity} count={g.findings} />
      ) : null}
      {g.collapsed
        ? null
        : g.children.map((c) =>
            c.kind === "group" ? (
              <Group key={c.id} g={c} props={props} nodes={nodes} />
            ) : (
              <Leaf key={c.id} n={c} cls={leafClass(c, nodes)} />
            ),
          )}
    </g>
  );
}

function leafClass(
  n: LeafNode,
  nodes: { selected?: string; matches?: ReadonlySet<string>; focus?: ReadonlySet<string> },
) {
  return `${nodes.selected === n.id ? " selected" : ""}${nodes.matches?.has(n.id) ? " match" : ""}${nodes.focus && !nodes.focus.has(n.id) ? " dim" : ""}`;
}

/** One edge; memoised, so a selection re-draws only the edges whose dimming changed. */
const Edge = memo(function Edge({
  e,
  a,
  b,
  dim,
}: {
  e: DiagramEdge;
  a: DiagramNode;
  b: DiagramNode;
  dim: boolean;
}) {
  const s = EDGE_STYLES[e.style];
  return (
    <path
      className={`asb-edge e-${e.style}${dim ? " dim" : ""}`}
      data-from={e.from}
      data-to={e.to}
      data-style={e.style}
      d={edgePath(a, b)}
      stroke={s.colour}
      strokeWidth={s.width}
      strokeDasharray={s.dash}
      markerEnd={`url(#arrow-${e.style})`}
    >
      <title>{`${s.label}${e.label ? `: ${e.label}` : ""}`}</title>
    </path>
  );
});

/** The whole diagram: boxes, resources, edges on top, with arrowheads per edge style. */
export const DiagramSvg = memo(function DiagramSvg(props: DiagramProps) {
  const nodes = nodeIndex(props.root);
  const vb = props.viewBox ?? [0, 0, props.width, props.height];
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className="asb-diagram"
      viewBox={vb.join(" ")}
      width={props.interactive === false ? props.width : "100%"}
      height={props.interactive === false ? props.height : "100%"}
      role="img"
      aria-label={props.title ?? "AWS account diagram"}
      onClick={(e) => {
        const el = (e.target as Element).closest?.("[data-id]");
        const id = el?.getAttribute("data-id");
        if (id) props.onSelect?.(id);
      }}
      onKeyDown={(e) => {
        if (e.key !== "Enter") return;
        const id = (e.target as Element).closest?.("[data-id]")?.getAttribute("data-id");
        if (id) props.onSelect?.(id);
      }}
      onDoubleClick={(e) => {
        const el = (e.target as Element).closest?.(".asb-leaf.aggregate");
        const id = el?.getAttribute("data-id");
        if (id) props.onExpand?.(id);
      }}
    >
      <title>{props.title ?? "AWS account diagram"}</title>
      <style>{DIAGRAM_CSS}</style>
      <defs>
        {Object.entries(EDGE_STYLES).map(([k, s]) => (
          <marker
            key={k}
            id={`arrow-${k}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" fill={s.colour} />
          </marker>
        ))}
      </defs>
      <rect x={vb[0] - vb[2]} y={vb[1] - vb[3]} width={vb[2] * 3} height={vb[3] * 3} fill="#f3f5f8" />
      <Group g={props.root} props={props} nodes={props} />
      <g className={`asb-edges${props.focus ? " focused" : ""}`}>
        {props.edges.map((e) => {
          const a = nodes.get(e.from);
          const b = nodes.get(e.to);
          if (!a || !b) return null;
          const dim = props.focus !== undefined && !(props.focus.has(e.from) && props.focus.has(e.to));
          return <Edge key={e.id} e={e} a={a} b={b} dim={dim} />;
        })}
      </g>
    </svg>
  );
});
