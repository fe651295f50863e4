import { memo, useMemo } from "react";
import { Icon, IconSymbols } from "./AwsIcon.tsx";
import type { IconKey } from "./icon-files.ts";
import { middleEllipsis, NAME_CHAR_W } from "./labels.ts";
import { NAME_X } from "./layout.ts";
import { EDGE_STYLES, GROUP_STYLES, SEVERITY_COLOURS, subnetStyle } from "./styles.ts";
import type { Change, DiagramNode, GroupNode, LeafNode, RoutedEdge, Severity } from "./types.ts";

export { EDGE_STYLES, SEVERITY_COLOURS };

// The diagram as SVG. The same components draw the interactive view in the browser and the static diagram of
// the HTML report (rendered to markup in Node): every string is a React text child or attribute, so AWS text
// (names, tags) is escaped by React and never parsed as markup.
//
// Three layers, so that interaction never re-renders the whole picture: the boxes and cards (memoised on the
// tree, the zoom step and the window of the diagram in view: cards outside it are not drawn), the edges, and an
// overlay for the selection, the search matches and the highlighted neighbourhood.

/** The diagram's stylesheet, inlined in the SVG so an exported file looks the same on its own. */
export const DIAGRAM_CSS = `
.asb-diagram { font-family: "Amazon Ember", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.asb-group > rect.box { stroke-width: 1.5; }
.asb-group.k-vpc > rect.box, .asb-group.k-account > rect.box { stroke-width: 2; }
.asb-group .title { font-weight: 600; fill: #232f3e; }
.asb-group .sub { fill: #545b64; }
.asb-group.k-az > .title { font-weight: 600; fill: #00777a; }
.asb-group .toggle { cursor: pointer; }
.asb-group .toggle rect { fill: #fff; stroke: #8d99a8; }
.asb-group.collapsed > rect.box { stroke-width: 2.2; }
.asb-group .summary { font-weight: 600; fill: #232f3e; }
.asb-card > rect.card { fill: #fff; stroke: #c6ccd5; stroke-width: 1; }
.asb-card.aggregate > rect.card { stroke-dasharray: 5 3; stroke: #7d8998; stroke-width: 1.3; }
.asb-card.standby > rect.card { stroke-dasharray: 4 3; fill: #fbfbfc; }
.asb-card.standby .icon { opacity: 0.55; }
.asb-card.border > rect.card { stroke: #8c4fff; stroke-width: 1.4; }
.asb-card .name { font-size: 12px; font-weight: 600; fill: #16191f; }
.asb-card .type { font-size: 10.5px; fill: #545b64; }
.asb-card, .asb-group > rect.box, .asb-group .title, .asb-edge { cursor: pointer; }
.asb-veil { fill: #ffffff; opacity: 0.72; pointer-events: none; }
.asb-badge text { font-size: 10.5px; font-weight: 700; fill: #fff; }
.asb-edge .line { fill: none; }
.asb-edge .hit { fill: none; stroke: transparent; stroke-width: 12; }
.asb-edge:hover .line { stroke-width: 3.2; }
.asb-edge.selected .line { stroke-width: 3.6; }
.asb-edge .elabel rect { fill: #fff; stroke: none; opacity: 0.92; }
.asb-edge .elabel text { font-size: 12px; font-weight: 600; }
.asb-overlay .sel { fill: none; stroke: #0b63ce; stroke-width: 3; }
.asb-card.ch-added > rect.card { stroke: #1d8102; stroke-width: 2.6; }
.asb-card.ch-changed > rect.card { stroke: #d97706; stroke-width: 2.6; }
.asb-card.ch-removed { opacity: 0.45; }
.asb-card.ch-removed > rect.card { stroke: #687078; stroke-width: 1.6; stroke-dasharray: 6 4; fill: #f2f3f3; }
.asb-card.ch-removed .name { text-decoration: line-through; }
.asb-change text { font-size: 12px; font-weight: 700; fill: #fff; }
.asb-group.ch-added > rect.box { stroke: #1d8102; stroke-width: 2.6; }
.asb-group.ch-changed > rect.box { stroke: #d97706; stroke-width: 2.6; }
.asb-group.ch-removed > rect.box { stroke-dasharray: 6 4; opacity: 0.55; }
.asb-edge.ch-added .line { stroke: #1d8102; stroke-width: 2.6; }
.asb-edge.ch-removed { opacity: 0.4; }
.asb-edge.ch-removed .line { stroke-dasharray: 3 4; }
.asb-overlay .match { fill: none; stroke: #f2b705; stroke-width: 3; }
`;

/** How far a card's name grows to stay readable before the card shows its icon alone. */
const MAX_NAME_SCALE = 1.45;
/** Screen pixels below which text is not drawn: the card then shows its icon only (semantic zoom). */
export const MIN_TEXT_PX = 9;
/** Card and edge text sizes in diagram units (see DIAGRAM_CSS). */
const LEAF_TEXT = 10.5;
const NAME_TEXT = 12;
/** Port labels are what a reader checks an edge for: as large as names, so they print when names do. */
const EDGE_TEXT = 12;
const TITLE_TEXT = 13;
const SUB_TEXT = 11;

type Box = [number, number, number, number];

export interface DiagramProps {
  root: GroupNode;
  edges: readonly RoutedEdge[];
  width: number;
  height: number;
  /** The part of the diagram shown (pan and zoom); the whole diagram when absent. */
  viewBox?: Box;
  /** Screen pixels per diagram unit at this view (1 when printed at full size). */
  zoom?: number;
  selected?: string;
  /** A selected edge (its id): drawn thicker, its evidence in the inspector. */
  selectedEdge?: string;
  /** Search matches: outlined. */
  matches?: ReadonlySet<string>;
  /** When set, nodes and edges not in it are dimmed (the selection's neighbourhood, a finding's path). */
  focus?: ReadonlySet<string>;
  focusEdges?: ReadonlySet<string>;
  onSelect?: (nodeId: string) => void;
  onSelectEdge?: (edgeId: string) => void;
  /** Double-click on an aggregate ("24 instances"): draw its members one by one. */
  onExpand?: (aggregateId: string) => void;
  onToggle?: (groupId: string) => void;
  /** Static rendering (the report): no toggles. */
  interactive?: boolean;
  title?: string;
}

/**
 * Zoom, snapped down to steps, so that small zooms re-use the memoised layer. Down, never up: text sized
 * for the step is then never smaller on screen than the step promised.
 */
function zoomStep(z: number): number {
  return 2 ** (Math.floor(Math.log2(z) * 8) / 8);
}

/** The window of the diagram the node layer draws: the view plus its own size around it, snapped to a grid. */
function renderWindow(vb: Box): Box {
  const [x, y, w, h] = vb;
  const sx = Math.max(400, w);
  const sy = Math.max(400, h);
  const x0 = Math.floor((x - w) / sx) * sx;
  const y0 = Math.floor((y - h) / sy) * sy;
  return [x0, y0, Math.ceil((x + 2 * w - x0) / sx) * sx, Math.ceil((y + 2 * h - y0) / sy) * sy];
}

const inWindow = (n: { x: number; y: number; w: number; h: number }, win: Box | undefined) =>
  !win || (n.x < win[0] + win[2] && n.x + n.w > win[0] && n.y < win[1] + win[3] && n.y + n.h > win[1]);

function Badge({
  x,
  y,
  severity,
  count,
  k,
}: {
  x: number;
  y: number;
  severity: Severity;
  count: number;
  k: number;
}) {
  const text = count > 99 ? "99+" : String(count);
  const w = 12 + text.length * 6.5;
  return (
    <g
      className="asb-badge"
      data-severity={severity}
      transform={`translate(${x - w * k} ${y - 9 * k}) scale(${k})`}
    >
      <title>{`${count} finding${count === 1 ? "" : "s"}, worst ${severity}`}</title>
      <rect width={w} height="18" rx="9" fill={SEVERITY_COLOURS[severity]} stroke="#fff" strokeWidth="1.5" />
      <text x={w / 2} y="12.8" textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

const badgeWidth = (count: number) => 12 + (count > 99 ? 3 : String(count).length) * 6.5;

interface LayerProps {
  zoom: number;
  interactive: boolean;
  window?: Box;
  onToggle?: (groupId: string) => void;
}

const Leaf = memo(function Leaf({
  n,
  zoom,
  copy,
  grow = false,
}: {
  n: LeafNode;
  zoom: number;
  copy?: boolean;
  /** On screen (not in the printed report, whose pages are sized for 9 px): text grows a little when zoomed out. */
  grow?: boolean;
}) {
  // Each line is drawn while it stays readable: the name (12 px) longer than the type line under it. Zoomed
  // out a little (an account at Fit beside both panels), both grow to stay 9 px on screen: the name on one
  // line, cut in the middle to keep both ends, and the type line under it, which keeps what tells namesakes
  // apart; further out, the card shows its icon only (semantic zoom).
  const needed = Math.max(1, MIN_TEXT_PX / (NAME_TEXT * zoom));
  const k = grow ? needed : 1;
  const showText = grow ? needed <= MAX_NAME_SCALE : needed === 1;
  const grown = k > 1;
  const showSub = grown || LEAF_TEXT * zoom >= MIN_TEXT_PX;
  const subScale = grown ? (NAME_TEXT * k) / LEAF_TEXT : 1;
  const icon = Math.min(34, n.h - 16);
  const names = grown
    ? [middleEllipsis(n.label, Math.floor((n.w - NAME_X - 6) / (NAME_CHAR_W * k)))]
    : n.lines;
  // A card stretched across subnets keeps its text at the left, as a short card does.
  const lines = grown ? [n.h / 2 - k] : n.lines.length === 2 ? [15, 31] : [n.h / 2 - 4];
  const subY = grown ? n.h / 2 + 14 * k : n.lines.length === 2 ? 47 : n.h / 2 + 12;
  return (
    <g
      // A highlighted copy drawn on top (see Overlay) carries data-copy-of, so readers of data-id see each node once.
      className={`${copy ? "asb-copy" : "asb-node"} asb-card${n.aggregate ? " aggregate" : ""}${n.role ? ` ${n.role}` : ""}${copy ? "" : " asb-leaf"}${n.change ? ` ch-${n.change}` : ""}`}
      {...(copy ? { "data-copy-of": n.id } : { "data-id": n.id, "data-type": n.type })}
      data-severity={n.severity ?? ""}
      {...(n.change ? { "data-change": n.change } : {})}
      transform={`translate(${n.x} ${n.y})`}
    >
      <title>
        {n.aggregate
          ? `${n.label} (click to list, double-click to draw one by one)`
          : `${n.label} · ${n.sub}`}
        {n.change ? ` · ${CHANGE_WORDS[n.change]}` : ""}
      </title>
      <rect className="card" width={n.w} height={n.h} rx="4" />
      <Icon icon={n.icon} x={9} y={(n.h - icon) / 2} size={icon} />
      {showText ? (
        <>
          {names.map((l, i) => (
            <text
              key={l + String(i)}
              className="name"
              x={NAME_X}
              y={lines[i] ?? 0}
              {...(k > 1 ? { style: { fontSize: `${(NAME_TEXT * k).toFixed(2)}px` } } : {})}
            >
              {l}
            </text>
          ))}
          {showSub ? (
            <text
              className="type"
              x={NAME_X}
              y={subY}
              {...(grown ? { style: { fontSize: `${(LEAF_TEXT * subScale).toFixed(2)}px` } } : {})}
            >
              {middleEllipsis(n.sub, Math.floor((n.w - NAME_X - 8) / (5.9 * subScale)))}
            </text>
          ) : null}
        </>
      ) : null}
      {n.change ? (
        <ChangeMark
          change={n.change}
          x={-9}
          y={-9}
          k={Math.min(4, Math.max(1, MIN_TEXT_PX / (LEAF_TEXT * zoom)))}
        />
      ) : null}
      {n.severity && n.findings > 0 ? (
        <Badge
          x={n.w + 4}
          y={0}
          severity={n.severity}
          count={n.findings}
          k={Math.max(1, MIN_TEXT_PX / (LEAF_TEXT * zoom))}
        />
      ) : null}
    </g>
  );
});

const CHANGE_WORDS: Record<Change, string> = {
  added: "added since the old snapshot",
  removed: "removed since the old snapshot",
  changed: "changed since the old snapshot",
};
const CHANGE_MARK: Record<Change, { sign: string; colour: string }> = {
  added: { sign: "+", colour: "#1d8102" },
  removed: { sign: "−", colour: "#687078" },
  changed: { sign: "~", colour: "#d97706" },
};

/** The corner mark of a compared resource: + added, − removed, ~ changed (colour is not the only cue). */
function ChangeMark({ change, x, y, k = 1 }: { change: Change; x: number; y: number; k?: number }) {
  const m = CHANGE_MARK[change];
  // Scaled up when zoomed out, as the finding badges are, so that a change stays visible in an overview.
  return (
    <g
      className="asb-change"
      data-mark={change}
      transform={`translate(${x - 9 * (k - 1)} ${y - 9 * (k - 1)}) scale(${k})`}
    >
      <circle cx="9" cy="9" r="9" fill={m.colour} />
      <text x="9" y="13.5" textAnchor="middle">
        {m.sign}
      </text>
    </g>
  );
}

/** The height each kind of box keeps free at its top for its title (see layout.ts). */
const HEADER_BAND: Record<GroupNode["groupKind"], number> = {
  root: 0,
  account: 44,
  region: 44,
  global: 44,
  services: 44,
  vpc: 40,
  az: 30,
  subnet: 40,
  asg: 34,
  internet: 0,
};

function groupStyle(g: GroupNode) {
  return g.groupKind === "subnet" ? subnetStyle(g.subnetClass) : GROUP_STYLES[g.groupKind];
}

const Group = memo(function Group({ g, layer }: { g: GroupNode; layer: LayerProps }) {
  if (!inWindow(g, layer.window) && g.groupKind !== "root") return null;
  const children = g.collapsed
    ? null
    : g.children.map((c) =>
        c.kind === "group" ? (
          <Group key={c.id} g={c} layer={layer} />
        ) : inWindow(c, layer.window) ? (
          <Leaf key={c.id} n={c} zoom={layer.zoom} grow={layer.interactive} />
        ) : null,
      );
  if (g.groupKind === "root") return <>{children}</>;
  const style = groupStyle(g);
  const zoom = layer.zoom;
  // Titles scale up when zoomed out so they stay readable; below that they are left out.
  const k = Math.max(1, MIN_TEXT_PX / (SUB_TEXT * zoom));
  const iconSize = 26 * Math.min(k, 2);
  const canToggle = layer.interactive && g.groupKind !== "az";
  const badge = g.severity && g.findings > 0 ? badgeWidth(g.findings) * k + 6 : 0;
  const toggleW = canToggle ? 24 * Math.min(k, 2) : 0;
  const titleX = style.icon ? iconSize + 8 * k : 10 * k;
  const room = g.w - titleX - badge - toggleW - 10;
  const titleChars = Math.floor(room / (7.6 * k));
  const count = g.collapsed ? ` (${g.count})` : "";
  const full = `${g.label}${count}`;
  // When the whole title does not fit, the short one (a subnet without its VPC's words) before an ellipsis.
  const title = full.length > titleChars && g.shortLabel ? `${g.shortLabel}${count}` : full;
  // The title stays inside its box's header band (what the layout leaves above the contents); scaled up past
  // that, it is left out rather than drawn over what the box holds. Sublabels show only at full size.
  const band = HEADER_BAND[g.groupKind];
  const showTitle = titleChars >= 6 && TITLE_TEXT * zoom * k >= MIN_TEXT_PX && TITLE_TEXT * k <= band - 8;
  const titleY = Math.min(18 * k, band - 7);
  const showSub = g.sublabel && k === 1 && SUB_TEXT * zoom >= MIN_TEXT_PX && 26 * k + 12 < g.h;
  const cls = [
    "asb-node",
    "asb-group",
    `k-${g.groupKind}`,
    g.collapsed ? "collapsed" : "",
    g.groupKind === "subnet" ? `c-${g.subnetClass ?? "unknown"}` : "",
    g.change ? `ch-${g.change}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <g
      className={cls}
      data-id={g.id}
      data-kind={g.groupKind}
      data-severity={g.severity ?? ""}
      data-class={g.subnetClass}
      {...(g.change ? { "data-change": g.change } : {})}
    >
      <rect
        className="box"
        x={g.x}
        y={g.y}
        width={g.w}
        height={g.h}
        fill={style.fill}
        stroke={style.stroke}
        strokeDasharray={style.dash}
      />
      {style.icon ? <Icon icon={style.icon} x={g.x} y={g.y} size={iconSize} /> : null}
      {g.change ? <ChangeMark change={g.change} x={g.x + g.w - 9} y={g.y - 9} k={Math.min(k, 4)} /> : null}
      {showTitle ? (
        <text
          className="title"
          x={style.centred ? g.x + g.w / 2 : g.x + titleX}
          y={g.y + titleY}
          textAnchor={style.centred ? "middle" : undefined}
          // A style, not the attribute: the size scales with the zoom and must win over the stylesheet.
          style={{ fontSize: `${TITLE_TEXT * k}px` }}
        >
          {middleEllipsis(title, titleChars)}
        </text>
      ) : null}
      {showSub && showTitle && !style.centred ? (
        <text className="sub" x={g.x + titleX} y={g.y + 32 * k} style={{ fontSize: `${SUB_TEXT * k}px` }}>
          {middleEllipsis(g.sublabel ?? "", Math.floor(room / (6.2 * k)))}
        </text>
      ) : null}
      {g.collapsed && g.h > 40 ? <Summary g={g} k={k} /> : null}
      {canToggle ? (
        // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be an HTML button; it has the role and keys of one
        <g
          className="toggle"
          role="button"
          tabIndex={0}
          aria-label={`${g.collapsed ? "Expand" : "Collapse"} ${g.label}`}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === " ") layer.onToggle?.(g.id);
          }}
          data-toggle={g.id}
          transform={`translate(${g.x + g.w - toggleW - 2} ${g.y + 5}) scale(${Math.min(k, 2)})`}
          onClick={(e) => {
            e.stopPropagation();
            layer.onToggle?.(g.id);
          }}
        >
          <title>{g.collapsed ? "Expand" : "Collapse"}</title>
          <rect width="18" height="18" rx="4" />
          {/* Drawn, not written: a glyph would be text too small to read when zoomed out. */}
          <path d={g.collapsed ? "M5 9h8M9 5v8" : "M5 9h8"} stroke="#374151" strokeWidth="2" />
        </g>
      ) : null}
      {badge > 0 && g.severity ? (
        <Badge
          x={g.x + g.w - toggleW - 6}
          y={g.y + 14 * Math.min(k, 2)}
          severity={g.severity}
          count={g.findings}
          k={k}
        />
      ) : null}
      {children}
    </g>
  );
});

/** A collapsed box's contents in one line, below its title. */
function Summary({ g, k }: { g: GroupNode; k: number }) {
  const text = `${g.count} resource${g.count === 1 ? "" : "s"}${g.findings > 0 ? ` · ${g.findings} finding${g.findings === 1 ? "" : "s"}` : ""}`;
  if (g.h < 50 * k) return null;
  return (
    <text className="summary" x={g.x + 10 * k} y={g.y + g.h - 12 * k} style={{ fontSize: `${11 * k}px` }}>
      {middleEllipsis(text, Math.floor((g.w - 20) / (6.4 * k)))}
    </text>
  );
}

const NodeLayer = memo(function NodeLayer({
  root,
  layer,
  dimmed,
}: {
  root: GroupNode;
  layer: LayerProps;
  dimmed: boolean;
}) {
  return (
    <g className={`asb-nodes${dimmed ? " dimmed" : ""}`}>
      <Group g={root} layer={layer} />
    </g>
  );
});

function pathOf(points: readonly [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x.toFixed(1)} ${y.toFixed(1)}`).join(" ");
}

/** One edge: the visible line, a wide transparent stroke to click, and its port label. */
const Edge = memo(function Edge({
  e,
  selected,
  zoom,
  grow = false,
}: {
  e: RoutedEdge;
  selected: boolean;
  zoom: number;
  grow?: boolean;
}) {
  const s = EDGE_STYLES[e.style];
  const d = pathOf(e.points);
  // Port labels grow, as card names do, to stay 9 px on screen a little way out; further out they go.
  const needed = Math.max(1, MIN_TEXT_PX / (EDGE_TEXT * zoom));
  const k = grow ? needed : 1;
  const showLabel = e.label && e.ports && (grow ? needed <= MAX_NAME_SCALE : needed === 1);
  return (
    <g
      className={`asb-edge e-${e.style}${selected ? " selected" : ""}${e.change ? ` ch-${e.change}` : ""}`}
      data-edge={e.id}
      {...(e.change ? { "data-change": e.change } : {})}
      data-from={e.from}
      data-to={e.to}
      data-style={e.style}
      data-ports={e.ports ?? ""}
    >
      <title>{`${s.label}${e.ports ? ` ${e.ports}` : ""}${e.change ? ` (${e.change} since the old snapshot)` : ""}`}</title>
      <path
        className="line"
        d={d}
        stroke={s.colour}
        strokeWidth={s.width}
        strokeDasharray={s.dash}
        markerEnd={`url(#arrow-${e.style})`}
      />
      <path className="hit" d={d} />
      {showLabel && e.label ? (
        <g
          className="elabel"
          {...(k > 1
            ? {
                transform: `translate(${e.label.x + e.label.w / 2} ${e.label.y + e.label.h / 2}) scale(${k.toFixed(3)}) translate(${-(e.label.x + e.label.w / 2)} ${-(e.label.y + e.label.h / 2)})`,
              }
            : {})}
        >
          <rect x={e.label.x} y={e.label.y} width={e.label.w} height={e.label.h} rx="3" />
          <text x={e.label.x + 4} y={e.label.y + e.label.h - 4} fill={s.colour}>
            {e.ports}
          </text>
        </g>
      ) : null}
    </g>
  );
});

const EdgeLayer = memo(function EdgeLayer({
  edges,
  selectedEdge,
  zoom,
  grow,
  dimmed,
  window: win,
}: {
  edges: readonly RoutedEdge[];
  selectedEdge?: string;
  zoom: number;
  grow: boolean;
  dimmed: boolean;
  window?: Box;
}) {
  return (
    <g className={`asb-edges${dimmed ? " dimmed" : ""}`}>
      {edges.map((e) =>
        edgeInWindow(e, win) ? (
          <Edge key={e.id} e={e} selected={e.id === selectedEdge} zoom={zoom} grow={grow} />
        ) : null,
      )}
    </g>
  );
});

function edgeInWindow(e: RoutedEdge, win: Box | undefined): boolean {
  if (!win) return true;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const [x, y] of e.points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return inWindow({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, win);
}

/** Every icon key the tree and the legend use, for the SVG's symbols. */
function iconKeys(root: GroupNode): IconKey[] {
  const out = new Set<IconKey>();
  const walk = (n: DiagramNode) => {
    if (n.kind === "leaf") out.add(n.icon);
    else {
      const s = groupStyle(n).icon;
      if (s) out.add(s);
      for (const c of n.children) walk(c);
    }
  };
  walk(root);
  return [...out];
}

/** The highlighted part drawn again on top: the selection's outline, matches, and the focused cards. */
function Overlay({
  nodes,
  selected,
  matches,
  focus,
  zoom,
}: {
  nodes: Map<string, DiagramNode>;
  selected?: string;
  matches?: ReadonlySet<string>;
  focus?: ReadonlySet<string>;
  zoom: number;
}) {
  const sel = selected ? nodes.get(selected) : undefined;
  return (
    <g className="asb-overlay">
      {[...(focus ?? [])].map((id) => {
        const n = nodes.get(id);
        return n?.kind === "leaf" ? <Leaf key={id} n={n} zoom={zoom} copy grow /> : null;
      })}
      {[...(matches ?? [])].slice(0, 500).map((id) => {
        const n = nodes.get(id);
        return n ? (
          <rect key={id} className="match" x={n.x - 3} y={n.y - 3} width={n.w + 6} height={n.h + 6} rx="6" />
        ) : null;
      })}
      {sel ? (
        <rect className="sel" x={sel.x - 3} y={sel.y - 3} width={sel.w + 6} height={sel.h + 6} rx="6" />
      ) : null}
    </g>
  );
}

function drawnIndex(root: GroupNode): Map<string, DiagramNode> {
  const out = new Map<string, DiagramNode>();
  const walk = (n: DiagramNode) => {
    out.set(n.id, n);
    if (n.kind === "group" && !n.collapsed) for (const c of n.children) walk(c);
  };
  walk(root);
  return out;
}

/** The whole diagram: boxes, resources, edges on top, with arrowheads per edge style. */
export function DiagramSvg(props: DiagramProps) {
  const vb = props.viewBox ?? [0, 0, props.width, props.height];
  const zoom = zoomStep(props.zoom ?? 1);
  const interactive = props.interactive !== false;
  const win = interactive ? renderWindow(vb) : undefined;
  const winKey = win?.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the window is compared by value (winKey)
  const layer = useMemo<LayerProps>(
    () => ({
      zoom,
      interactive,
      ...(win ? { window: win } : {}),
      ...(props.onToggle ? { onToggle: props.onToggle } : {}),
    }),
    [zoom, interactive, winKey, props.onToggle],
  );
  const nodes = useMemo(() => drawnIndex(props.root), [props.root]);
  const icons = useMemo(() => iconKeys(props.root), [props.root]);
  const focused = props.focus !== undefined;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className="asb-diagram"
      viewBox={vb.join(" ")}
      width={interactive ? "100%" : props.width}
      height={interactive ? "100%" : props.height}
      role="img"
      aria-label={props.title ?? "AWS account diagram"}
      onClick={(e) => {
        const t = e.target as Element;
        const edge = t.closest?.("[data-edge]")?.getAttribute("data-edge");
        if (edge) {
          props.onSelectEdge?.(edge);
          return;
        }
        const el = t.closest?.("[data-id], [data-copy-of]");
        const id = el?.getAttribute("data-id") ?? el?.getAttribute("data-copy-of");
        if (id) props.onSelect?.(id);
      }}
      onKeyDown={(e) => {
        if (e.key !== "Enter") return;
        const id = (e.target as Element).closest?.("[data-id]")?.getAttribute("data-id");
        if (id) props.onSelect?.(id);
      }}
      onDoubleClick={(e) => {
        const id = (e.target as Element).closest?.(".asb-leaf.aggregate")?.getAttribute("data-id");
        if (id) props.onExpand?.(id);
      }}
    >
      <title>{props.title ?? "AWS account diagram"}</title>
      <style>{DIAGRAM_CSS}</style>
      <defs>
        <IconSymbols keys={icons} />
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
      <rect x={vb[0] - vb[2]} y={vb[1] - vb[3]} width={vb[2] * 3} height={vb[3] * 3} fill="#ffffff" />
      <NodeLayer root={props.root} layer={layer} dimmed={focused} />
      <EdgeLayer
        edges={props.edges}
        {...(props.selectedEdge ? { selectedEdge: props.selectedEdge } : {})}
        zoom={zoom}
        grow={interactive}
        dimmed={focused}
        {...(win ? { window: win } : {})}
      />
      {/* Dimming is one white veil over both layers, under the focus drawn again on top: fading every card
          and edge on its own (opacity on thousands of elements) made the browser restyle and repaint the
          whole picture on each selection. */}
      {focused ? (
        <rect className="asb-veil" x={vb[0] - vb[2]} y={vb[1] - vb[3]} width={vb[2] * 3} height={vb[3] * 3} />
      ) : null}
      {focused && props.focusEdges ? (
        <g className="asb-edges focus">
          {props.edges
            .filter((e) => props.focusEdges?.has(e.id))
            .map((e) => (
              <Edge key={e.id} e={e} selected={e.id === props.selectedEdge} zoom={zoom} grow={interactive} />
            ))}
        </g>
      ) : null}
      <Overlay
        nodes={nodes}
        {...(props.selected ? { selected: props.selected } : {})}
        {...(props.matches ? { matches: props.matches } : {})}
        {...(props.focus ? { focus: props.focus } : {})}
        zoom={zoom}
      />
    </svg>
  );
}
