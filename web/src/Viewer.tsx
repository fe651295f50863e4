import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Canvas, type CanvasHandle } from "./Canvas.tsx";
import { buildDiagram, groupIds, indexData } from "./diagram/model.ts";
import { routeEdges } from "./diagram/route.ts";
import { type LayoutResult, runLayout } from "./diagram/run-layout.ts";
import { DEFAULT_EDGE_STYLES } from "./diagram/styles.ts";
import type { DiagramData, DiagramEdge, DiagramNode, Finding } from "./diagram/types.ts";
import { nodeIndex } from "./diagram/walk.ts";
import { downloadPng, downloadSvg } from "./export.ts";
import { highlightExposed, highlightFinding, highlightNode } from "./focus.ts";
import { FindingsPanel } from "./panels/FindingsPanel.tsx";
import { Inspector } from "./panels/Inspector.tsx";
import { Legend } from "./panels/Legend.tsx";
import { TopBar } from "./panels/TopBar.tsx";
import { searchResources } from "./search.ts";
import { readUrlState, type UrlState, writeUrlState } from "./url-state.ts";

declare global {
  interface Window {
    /** Timings the browser tests and benchmarks read. */
    __asbuilt?: {
      layoutMs: number;
      layoutWhere: string;
      firstDrawMs?: number;
      nodes: number;
      routeMs?: number;
    };
  }
}

/** Accounts with more resources than this open collapsed to VPC level (the selection's VPC stays open). */
export const OPEN_COLLAPSED_FROM = 400;

function initialState(data: DiagramData): UrlState {
  const url = readUrlState(window.location.hash);
  if (
    /[#&](collapsed|expanded)=/.test(window.location.hash) ||
    data.snapshot.resources.length < OPEN_COLLAPSED_FROM
  )
    return url;
  const index = indexData(data);
  // A VPC's group id is its resource id. Only a deep-linked selection needs the model, to keep its VPC open.
  const vpcs = index.vpcs.map((v) => v.id);
  if (!url.selected) return { ...url, collapsed: vpcs };
  const d = buildDiagram(index);
  const open = d.nodeOf.get(url.selected);
  return { ...url, collapsed: vpcs.filter((id) => !open || !isInside(d.root, id, open)) };
}

function isInside(root: DiagramNode, groupId: string, nodeId: string): boolean {
  const find = (n: DiagramNode, inside: boolean): boolean => {
    const now = inside || n.id === groupId;
    if (n.id === nodeId) return now;
    return n.kind === "group" && n.children.some((c) => find(c, now));
  };
  return find(root, false);
}

const visibleStyle = (flows: UrlState["flows"]) => (e: DiagramEdge) => {
  switch (flows) {
    case "default":
      return DEFAULT_EDGE_STYLES.has(e.style);
    case "violations":
      return e.style === "flow-undocumented" || !e.style.startsWith("flow-");
    case "all":
      return true;
    case "none":
      return !e.style.startsWith("flow-");
    default: {
      const never: never = flows;
      return never;
    }
  }
};

export function Viewer({ data }: { data: DiagramData }) {
  const [url, setUrl] = useState<UrlState>(() => initialState(data));
  const update = useCallback((patch: Partial<UrlState>) => setUrl((u) => ({ ...u, ...patch })), []);
  useEffect(() => {
    const next = writeUrlState(url);
    if (next !== window.location.hash)
      window.history.replaceState(null, "", next || window.location.pathname);
  }, [url]);
  useEffect(() => {
    const onHash = () => setUrl(readUrlState(window.location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const index = useMemo(() => indexData(data), [data]);
  const diagram = useMemo(
    () =>
      buildDiagram(index, {
        collapsed: new Set(url.collapsed),
        expanded: new Set(url.expanded),
        ...(url.environment ? { environment: url.environment } : {}),
        ...(url.vpc ? { vpc: url.vpc } : {}),
        includeWaived: url.waived,
        changesOnly: url.changes,
      }),
    [index, url.collapsed, url.expanded, url.environment, url.vpc, url.waived, url.changes],
  );
  const [laid, setLaid] = useState<{ diagram: typeof diagram; size: LayoutResult }>();
  useEffect(() => {
    let live = true;
    runLayout(diagram.root).then(
      (size) => {
        if (!live) return;
        setLaid({ diagram, size });
        const first = window.__asbuilt?.firstDrawMs;
        window.__asbuilt = { layoutMs: size.ms, layoutWhere: size.where, nodes: diagram.nodeOf.size };
        // Time to the first drawn diagram, from navigation start: after the frame that paints it.
        if (first === undefined)
          requestAnimationFrame(() =>
            setTimeout(() => {
              if (window.__asbuilt) window.__asbuilt.firstDrawMs = performance.now();
            }, 0),
          );
        else window.__asbuilt.firstDrawMs = first;
      },
      (e: unknown) => console.error(e),
    );
    return () => {
      live = false;
    };
  }, [diagram]);

  const nodeById = useMemo(
    () => (laid ? nodeIndex(laid.diagram.root) : new Map<string, DiagramNode>()),
    [laid],
  );
  const canvas = useRef<CanvasHandle>(null);

  // --- edges: the view's set, plus whatever the selected finding's path needs ---------------------------
  const finding = useMemo(
    () => (url.finding ? data.report.findings.find((f) => f.fingerprint === url.finding) : undefined),
    [data, url.finding],
  );
  const selectedNode = url.selected ? (laid?.diagram.nodeOf.get(url.selected) ?? url.selected) : undefined;
  const highlight = useMemo(() => {
    if (!laid) return undefined;
    if (finding) return highlightFinding(index, finding, laid.diagram.edges, laid.diagram.nodeOf);
    const n = selectedNode ? nodeById.get(selectedNode) : undefined;
    if (n?.kind === "leaf" && selectedNode)
      return highlightNode(selectedNode, laid.diagram.edges.filter(visibleStyle(url.flows)));
    return url.exposed ? highlightExposed(index, laid.diagram.edges, laid.diagram.nodeOf) : undefined;
  }, [laid, finding, index, selectedNode, nodeById, url.flows, url.exposed]);
  // Routing is done once per layout and edge filter; a selection routes only the few path edges it adds
  // (an edge the filter hides), so selecting never re-routes the picture.
  const viewEdges = useMemo(() => {
    if (!laid) return [];
    const t = performance.now();
    const r = routeEdges(laid.diagram.root, laid.diagram.edges.filter(visibleStyle(url.flows)));
    if (window.__asbuilt) window.__asbuilt.routeMs = performance.now() - t;
    return r;
  }, [laid, url.flows]);
  const routed = useMemo(() => {
    if (!laid || !highlight) return viewEdges;
    const have = new Set(viewEdges.map((e) => e.id));
    const extra = laid.diagram.edges.filter((e) => highlight.edges.has(e.id) && !have.has(e.id));
    return extra.length === 0
      ? viewEdges
      : [...viewEdges, ...routeEdges(laid.diagram.root, extra, viewEdges)];
  }, [laid, viewEdges, highlight]);
  const [selectedEdge, setSelectedEdge] = useState<string>();
  const edge = selectedEdge ? laid?.diagram.edges.find((e) => e.id === selectedEdge) : undefined;

  const select = useCallback(
    (id: string | undefined, zoom: boolean, findingFp?: string) => {
      setSelectedEdge(undefined);
      setUrl((u) => {
        const next: UrlState = { ...u, selected: id };
        if (findingFp) next.finding = findingFp;
        else delete next.finding;
        return next;
      });
      const nodeId = id ? (laid?.diagram.nodeOf.get(id) ?? id) : undefined;
      const n = nodeId ? nodeById.get(nodeId) : undefined;
      const f = findingFp ? data.report.findings.find((x) => x.fingerprint === findingFp) : undefined;
      if (zoom && f && laid) {
        // A finding: what it is about and its path, all in view (not the VPC hosting a security group).
        const h = highlightFinding(index, f, laid.diagram.edges, laid.diagram.nodeOf);
        const about = [...h.nodes].filter((x) => x !== "internet").map((x) => nodeById.get(x));
        const shown = about.filter((x): x is DiagramNode => x !== undefined && x.kind === "leaf");
        if (shown.length > 0) {
          canvas.current?.zoomToAll(shown);
          return;
        }
      }
      if (zoom && n) canvas.current?.zoomTo(n);
    },
    [laid, nodeById, data, index],
  );
  // A deep link selects and zooms once the layout is there.
  const zoomedInitial = useRef(false);
  useEffect(() => {
    if (!laid || zoomedInitial.current) return;
    zoomedInitial.current = true;
    const n = url.selected ? nodeById.get(laid.diagram.nodeOf.get(url.selected) ?? url.selected) : undefined;
    if (n) canvas.current?.zoomTo(n);
  }, [laid, url.selected, nodeById]);

  const toggle = useCallback((groupId: string) => {
    setUrl((u) => ({
      ...u,
      collapsed: u.collapsed.includes(groupId)
        ? u.collapsed.filter((c) => c !== groupId)
        : [...u.collapsed, groupId],
    }));
  }, []);

  // --- findings list and search -------------------------------------------------------------------------
  const findings = useMemo(
    () =>
      data.report.findings.filter((f) => {
        if (f.waived && !url.waived) return false;
        if (!url.severities.includes(f.severity)) return false;
        if (url.rule && f.ruleId !== url.rule) return false;
        if (url.environment) {
          const r = index.byId.get(f.resourceId);
          if (!r || r.tags[index.environmentTag] !== url.environment) return false;
        }
        return true;
      }),
    [data, url.waived, url.severities, url.rule, url.environment, index],
  );
  const results = useMemo(() => searchResources(data.snapshot.resources, url.query), [data, url.query]);
  const matches = useMemo(() => {
    const s = new Set<string>();
    for (const r of results) {
      const n = diagram.nodeOf.get(r.id);
      if (n) s.add(n);
    }
    return s;
  }, [results, diagram]);

  // A finding on configuration (a security group hosted by its VPC) outlines what it is about, drawn bright,
  // not the box that hosts it.
  const hostBox = selectedNode ? nodeById.get(selectedNode)?.kind === "group" : false;
  const outlined = finding && hostBox && (highlight?.nodes.size ?? 0) > 1 ? undefined : selectedNode;
  const onFinding = useCallback((f: Finding) => select(f.resourceId, true, f.fingerprint), [select]);
  const [legend, setLegend] = useState(false);
  const svg = () => canvas.current?.svg() ?? null;
  const cls = `app${url.hideFindings ? " no-left" : ""}${url.hideInspector ? " no-right" : ""}`;
  return (
    <div className={cls}>
      <TopBar
        index={index}
        url={url}
        update={update}
        onFit={() => canvas.current?.fitView()}
        onCollapseAll={() =>
          update({ collapsed: groupIds(diagram.root, new Set(["vpc", "global", "services"])) })
        }
        onExpandAll={() => update({ collapsed: [], expanded: [] })}
        onExportSvg={() => {
          const s = svg();
          if (s) downloadSvg(s);
        }}
        onExportPng={() => {
          const s = svg();
          if (s) void downloadPng(s);
        }}
        legend={legend}
        onLegend={() => setLegend((l) => !l)}
      />
      {url.hideFindings ? null : (
        <FindingsPanel
          index={index}
          url={url}
          update={update}
          findings={findings}
          results={results}
          onFinding={onFinding}
          onResource={(id) => select(id, true)}
        />
      )}
      {laid ? (
        <Canvas
          handle={canvas}
          root={laid.diagram.root}
          edges={routed}
          width={laid.size.width}
          height={laid.size.height}
          {...(outlined ? { selected: outlined } : {})}
          {...(selectedEdge ? { selectedEdge } : {})}
          matches={matches}
          {...(highlight ? { focus: highlight.nodes, focusEdges: highlight.edges } : {})}
          onSelect={(id) => {
            const n = nodeById.get(id);
            if (n?.kind === "group" && !n.resourceId && !n.collapsed) return;
            select(n?.kind === "group" && n.resourceId ? n.resourceId : id, false);
          }}
          onSelectEdge={(id) => {
            setSelectedEdge(id);
            update({ hideInspector: false });
          }}
          onToggle={toggle}
          onExpand={(agg) => update({ expanded: [...url.expanded, agg], selected: undefined })}
        >
          <div className="status" data-layout-ms={laid.size.ms.toFixed(0)}>
            {laid.diagram.root.count} resources drawn, {laid.diagram.hiddenCount} configuration items in the
            inspector · {routed.length} edges · layout {laid.size.ms.toFixed(0)} ms ({laid.size.where})
            {data.report.view && data.report.view.flowsLeftOut > 0
              ? ` · ${data.report.view.flowsLeftOut} flows not drawn`
              : ""}
          </div>
          {legend ? <Legend compared={data.report.view?.diff !== undefined} /> : null}
        </Canvas>
      ) : (
        <main className="canvas">
          <div className="message">Laying out {data.snapshot.resources.length} resources…</div>
        </main>
      )}
      {url.hideInspector ? null : (
        <aside className="right">
          <Inspector
            index={index}
            selected={url.selected}
            node={selectedNode ? nodeById.get(selectedNode) : undefined}
            edge={edge}
            onSelect={(id) => select(id, true)}
            onExpand={(agg) => update({ expanded: [...url.expanded, agg] })}
          />
        </aside>
      )}
    </div>
  );
}
