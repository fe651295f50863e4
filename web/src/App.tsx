import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { DiagramSvg, EDGE_STYLES, SEVERITY_COLOURS } from "./diagram/Diagram.tsx";
import { ICON_TYPES, TypeIcon } from "./diagram/icons.tsx";
import { buildDiagram, groupIds, indexData, SEVERITIES, shortId, shortType } from "./diagram/model.ts";
import { type LayoutResult, runLayout } from "./diagram/run-layout.ts";
import type {
  DiagramData,
  DiagramNode,
  Finding,
  GroupNode,
  LeafNode,
  Resource,
  Severity,
} from "./diagram/types.ts";
import { nodeIndex } from "./diagram/walk.ts";
import { downloadPng, downloadSvg } from "./export.ts";
import { readUrlState, type UrlState, writeUrlState } from "./url-state.ts";

declare global {
  interface Window {
    /** Timings the browser tests and benchmarks read. */
    __asbuilt?: { layoutMs: number; layoutWhere: string; firstDrawMs?: number; nodes: number };
  }
}

export function App() {
  const [data, setData] = useState<DiagramData>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const get = async (file: string) => {
      const res = await fetch(`data/${file}`);
      if (!res.ok) throw new Error(`data/${file}: HTTP ${res.status}`);
      return res.json();
    };
    Promise.all([get("snapshot.json"), get("findings.json")])
      .then(([snapshot, report]) => setData({ snapshot, report }))
      .catch((e: unknown) => setError(String(e)));
  }, []);
  if (error)
    return (
      <div className="message error" role="alert">
        Could not load the account data: {error}. Start the UI with <code>asbuilt serve snapshot.json</code>.
      </div>
    );
  if (!data) return <div className="message">Loading the account…</div>;
  return <Viewer data={data} />;
}

type ViewBox = [number, number, number, number];

function Viewer({ data }: { data: DiagramData }) {
  const [url, setUrl] = useState<UrlState>(() => readUrlState(window.location.hash));
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
      }),
    [index, url.collapsed, url.expanded, url.environment, url.vpc, url.waived],
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

  const [viewBox, setViewBox] = useState<ViewBox>();
  const fitted = useRef(false);
  const svgHost = useRef<HTMLDivElement>(null);
  const fitView = useCallback(() => {
    if (!laid) return;
    const el = svgHost.current;
    const aspect = el ? el.clientWidth / Math.max(1, el.clientHeight) : 1.6;
    let w = laid.size.width;
    let h = laid.size.height;
    if (w / h < aspect) w = h * aspect;
    else h = w / aspect;
    setViewBox([(laid.size.width - w) / 2, (laid.size.height - h) / 2, w, h]);
  }, [laid]);
  useEffect(() => {
    if (laid && !fitted.current) {
      fitted.current = true;
      fitView();
    }
  }, [laid, fitView]);

  const nodeById = useMemo(
    () => (laid ? nodeIndex(laid.diagram.root) : new Map<string, DiagramNode>()),
    [laid],
  );

  const zoomTo = useCallback(
    (nodeId: string | undefined) => {
      const n = nodeId ? nodeById.get(nodeId) : undefined;
      const el = svgHost.current;
      if (!n || !el) return;
      const aspect = el.clientWidth / Math.max(1, el.clientHeight);
      // A resource: close enough to read it and its neighbours. A box (the VPC hosting a security
      // group, a collapsed group): the whole box with a margin.
      const margin = n.kind === "leaf" ? 5 : 1.3;
      let w = Math.max(n.w * margin, n.kind === "leaf" ? 900 : 500);
      let h = w / aspect;
      if (h < n.h * (n.kind === "leaf" ? 3 : 1.3)) {
        h = n.h * (n.kind === "leaf" ? 3 : 1.3);
        w = h * aspect;
      }
      setViewBox([n.x + n.w / 2 - w / 2, n.y + n.h / 2 - h / 2, w, h]);
    },
    [nodeById],
  );

  const select = useCallback(
    (id: string | undefined, zoom: boolean) => {
      update({ selected: id });
      if (zoom && id) {
        // A hidden resource zooms to the node that stands for it; a collapsed box opens first.
        const nodeId = diagram.nodeOf.get(id) ?? id;
        zoomTo(nodeId);
      }
    },
    [update, diagram, zoomTo],
  );
  // A deep link selects and zooms once the layout is there.
  const zoomedInitial = useRef(false);
  useEffect(() => {
    if (laid && !zoomedInitial.current) {
      zoomedInitial.current = true;
      if (url.selected) zoomTo(laid.diagram.nodeOf.get(url.selected) ?? url.selected);
    }
  }, [laid, url.selected, zoomTo]);

  const toggle = useCallback((groupId: string) => {
    setUrl((u) => ({
      ...u,
      collapsed: u.collapsed.includes(groupId)
        ? u.collapsed.filter((c) => c !== groupId)
        : [...u.collapsed, groupId],
    }));
  }, []);

  // --- findings list ---------------------------------------------------------------------------------
  const findings = useMemo(() => {
    return data.report.findings.filter((f) => {
      if (f.waived && !url.waived) return false;
      if (!url.severities.includes(f.severity)) return false;
      if (url.rule && f.ruleId !== url.rule) return false;
      if (url.environment) {
        const r = index.byId.get(f.resourceId);
        if (!r || r.tags[index.environmentTag] !== url.environment) return false;
      }
      return true;
    });
  }, [data, url.waived, url.severities, url.rule, url.environment, index]);
  const ruleIds = useMemo(() => [...new Set(data.report.findings.map((f) => f.ruleId))].sort(), [data]);

  // --- search ------------------------------------------------------------------------------------------
  const results = useMemo(() => searchResources(data.snapshot.resources, url.query), [data, url.query]);
  const matches = useMemo(() => {
    const s = new Set<string>();
    for (const r of results) {
      const n = diagram.nodeOf.get(r.id);
      if (n) s.add(n);
    }
    return s;
  }, [results, diagram]);

  const visibleEdges = useMemo(() => {
    if (!laid) return [];
    if (url.flows === "all") return laid.diagram.edges;
    return laid.diagram.edges.filter(
      (e) =>
        !e.style.startsWith("flow-") || (url.flows === "undocumented" && e.style === "flow-undocumented"),
    );
  }, [laid, url.flows]);

  const selectedNode = url.selected ? (diagram.nodeOf.get(url.selected) ?? url.selected) : undefined;
  const focus = useMemo(() => {
    if (!selectedNode || !laid) return undefined;
    const n = nodeById.get(selectedNode);
    if (n?.kind !== "leaf") return undefined;
    const s = new Set([selectedNode]);
    for (const e of laid.diagram.edges) {
      if (e.from === selectedNode) s.add(e.to);
      if (e.to === selectedNode) s.add(e.from);
    }
    return s;
  }, [selectedNode, laid, nodeById]);

  // --- pan and zoom --------------------------------------------------------------------------------------
  const drag = useRef<{ x: number; y: number; vb: ViewBox; moved: boolean } | undefined>(undefined);
  const onWheel = (e: React.WheelEvent) => {
    if (!viewBox || !svgHost.current) return;
    const rect = svgHost.current.getBoundingClientRect();
    const fx = (e.clientX - rect.left) / rect.width;
    const fy = (e.clientY - rect.top) / rect.height;
    const k = Math.exp(e.deltaY * 0.0015);
    const [x, y, w, h] = viewBox;
    const nw = Math.min(Math.max(w * k, 200), (laid?.size.width ?? w) * 6);
    const nh = (nw / w) * h;
    setViewBox([x + (w - nw) * fx, y + (h - nh) * fy, nw, nh]);
  };
  const onPointerDown = (e: React.PointerEvent) => {
    if (!viewBox) return;
    drag.current = { x: e.clientX, y: e.clientY, vb: viewBox, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (!d || !svgHost.current) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    d.moved = true;
    const scale = d.vb[2] / svgHost.current.clientWidth;
    setViewBox([d.vb[0] - dx * scale, d.vb[1] - dy * scale, d.vb[2], d.vb[3]]);
  };
  const endDrag = () => {
    setTimeout(() => {
      drag.current = undefined;
    }, 0);
  };

  const [legend, setLegend] = useState(false);
  const svgRef = () => svgHost.current?.querySelector("svg") ?? null;
  const scope = data.snapshot.scope;
  const unwaived = data.report.findings.filter((f) => !f.waived);
  const counts = SEVERITIES.map((s) => [s, unwaived.filter((f) => f.severity === s).length] as const);
  const gaps = data.snapshot.coverage.filter((c) => c.status !== "scanned");

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <strong>asbuilt</strong>
          <span className="scope">
            {scope.accounts.length === 1
              ? `account ${scope.accounts[0]}`
              : `${scope.accounts.length} accounts`}{" "}
            · {scope.regions.filter((r) => r !== "global").join(", ")} · {data.snapshot.resources.length}{" "}
            resources
            {data.report.spec ? ` · spec ${data.report.spec}` : ""}
          </span>
        </div>
        <div className="summary">
          {counts.map(([s, n]) => (
            <span key={s} className="pill" style={{ background: SEVERITY_COLOURS[s] }} data-summary={s}>
              {n} {s}
            </span>
          ))}
          {gaps.length > 0 ? (
            <span
              className="pill gap"
              title={gaps.map((g) => `${g.account} ${g.region} ${g.service}: ${g.status}`).join("\n")}
            >
              {gaps.length} coverage gap{gaps.length === 1 ? "" : "s"}
            </span>
          ) : null}
        </div>
        <div className="tools">
          <label>
            Environment{" "}
            <select
              value={url.environment ?? ""}
              onChange={(e) => update({ environment: e.target.value || undefined })}
              aria-label="Environment filter"
            >
              <option value="">all</option>
              {index.environments.map((env) => (
                <option key={env} value={env}>
                  {env}
                </option>
              ))}
            </select>
          </label>
          <label>
            VPC{" "}
            <select
              value={url.vpc ?? ""}
              onChange={(e) => update({ vpc: e.target.value || undefined })}
              aria-label="VPC filter"
            >
              <option value="">all</option>
              {index.vpcs.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name ?? shortId(v.id)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Flows{" "}
            <select
              value={url.flows}
              onChange={(e) => update({ flows: e.target.value as UrlState["flows"] })}
              aria-label="Flows drawn"
            >
              <option value="all">all</option>
              <option value="undocumented">undocumented only</option>
              <option value="none">none</option>
            </select>
          </label>
          <input
            type="search"
            placeholder="Search name, id, tag…"
            value={url.query}
            onChange={(e) => update({ query: e.target.value })}
            aria-label="Search resources"
          />
          <button type="button" onClick={fitView}>
            Fit
          </button>
          <button
            type="button"
            onClick={() =>
              update({ collapsed: groupIds(diagram.root, new Set(["vpc", "global", "services"])) })
            }
          >
            Collapse all
          </button>
          <button type="button" onClick={() => update({ collapsed: [], expanded: [] })}>
            Expand all
          </button>
          <button
            type="button"
            data-export="svg"
            onClick={() => svgRef() && downloadSvg(svgRef() as SVGSVGElement)}
          >
            SVG
          </button>
          <button
            type="button"
            data-export="png"
            onClick={() => svgRef() && downloadPng(svgRef() as SVGSVGElement)}
          >
            PNG
          </button>
          <button type="button" onClick={() => setLegend((l) => !l)} aria-pressed={legend}>
            Legend
          </button>
        </div>
      </header>
      <aside className="left">
        {url.query ? (
          <section className="search-results">
            <h2>
              {results.length} match{results.length === 1 ? "" : "es"}
            </h2>
            <ul>
              {results.slice(0, 100).map((r) => (
                <li key={r.id}>
                  <button type="button" onClick={() => select(r.id, true)}>
                    <span className="rname">{r.name ?? shortId(r.id)}</span>
                    <span className="rtype">{shortType(r.type)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section className="findings">
          <h2>Findings ({findings.length})</h2>
          <div className="filters">
            {SEVERITIES.map((s) => (
              <label key={s} className="sev-filter">
                <input
                  type="checkbox"
                  checked={url.severities.includes(s)}
                  onChange={(e) =>
                    update({
                      severities: e.target.checked
                        ? SEVERITIES.filter((x) => x === s || url.severities.includes(x))
                        : url.severities.filter((x) => x !== s),
                    })
                  }
                />
                <span className="dot" style={{ background: SEVERITY_COLOURS[s] }} />
                {s}
              </label>
            ))}
            <select
              value={url.rule ?? ""}
              onChange={(e) => update({ rule: e.target.value || undefined })}
              aria-label="Rule filter"
            >
              <option value="">all rules</option>
              {ruleIds.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <label className="sev-filter">
              <input
                type="checkbox"
                checked={url.waived}
                onChange={(e) => update({ waived: e.target.checked })}
              />
              waived
            </label>
          </div>
          <ul className="finding-list">
            {findings.map((f) => (
              <li key={`${f.fingerprint}`}>
                <button
                  type="button"
                  className={`finding${url.selected === f.resourceId ? " active" : ""}`}
                  data-finding={f.ruleId}
                  data-resource={f.resourceId}
                  onClick={() => select(f.resourceId, true)}
                >
                  <span className="dot" style={{ background: SEVERITY_COLOURS[f.severity] }} />
                  <span className="ftext">
                    <span className="frule">
                      {f.ruleId}
                      {f.waived ? " (waived)" : ""}
                    </span>
                    <span className="fres">{f.resourceName ?? shortId(f.resourceId)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </aside>
      <main
        className="canvas"
        ref={svgHost}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerLeave={endDrag}
      >
        {laid && viewBox ? (
          <DiagramSvg
            root={laid.diagram.root}
            edges={visibleEdges}
            width={laid.size.width}
            height={laid.size.height}
            viewBox={viewBox}
            {...(selectedNode ? { selected: selectedNode } : {})}
            matches={matches}
            {...(focus ? { focus } : {})}
            publicSubnets={index.publicSubnets}
            onSelect={(id) => {
              if (drag.current?.moved) return;
              const n = nodeById.get(id);
              if (n?.kind === "group" && !n.resourceId && !n.collapsed) return;
              update({ selected: n?.kind === "group" && n.resourceId ? n.resourceId : id });
            }}
            onToggle={toggle}
            onExpand={(agg) => update({ expanded: [...url.expanded, agg], selected: undefined })}
          />
        ) : (
          <div className="message">Laying out {data.snapshot.resources.length} resources…</div>
        )}
        {laid ? (
          <div className="status" data-layout-ms={laid.size.ms.toFixed(0)}>
            {laid.diagram.root.count} resources drawn, {laid.diagram.hiddenCount} configuration items in the
            inspector · layout {laid.size.ms.toFixed(0)} ms ({laid.size.where})
            {data.report.view && data.report.view.flowsLeftOut > 0
              ? ` · ${data.report.view.flowsLeftOut} flows not drawn`
              : ""}
          </div>
        ) : null}
        {legend ? <Legend /> : null}
      </main>
      <aside className="right">
        <Inspector
          data={data}
          index={index}
          selected={url.selected}
          node={selectedNode ? nodeById.get(selectedNode) : undefined}
          onSelect={(id) => select(id, true)}
          onExpand={(agg) => update({ expanded: [...url.expanded, agg] })}
          onCollapse={(agg) => update({ expanded: url.expanded.filter((e) => e !== agg) })}
          expanded={url.expanded}
        />
      </aside>
    </div>
  );
}

function searchResources(resources: readonly Resource[], query: string): Resource[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return resources.filter(
    (r) =>
      r.id.toLowerCase().includes(q) ||
      (r.name ?? "").toLowerCase().includes(q) ||
      Object.entries(r.tags).some(([k, v]) => k.toLowerCase().includes(q) || v.toLowerCase().includes(q)),
  );
}

function Legend() {
  return (
    <div className="legend" role="dialog" aria-label="Legend">
      <h3>Edges</h3>
      <svg width="260" height={Object.keys(EDGE_STYLES).length * 20} role="img" aria-label="Edge styles">
        {Object.entries(EDGE_STYLES).map(([k, s], i) => (
          <g key={k} transform={`translate(0 ${i * 20 + 10})`}>
            <line
              x1="2"
              x2="50"
              y1="0"
              y2="0"
              stroke={s.colour}
              strokeWidth={s.width}
              strokeDasharray={s.dash}
            />
            <text x="60" y="4" fontSize="12">
              {s.label}
            </text>
          </g>
        ))}
      </svg>
      <h3>Severity badges</h3>
      <div>
        {SEVERITIES.map((s) => (
          <span key={s} className="pill" style={{ background: SEVERITY_COLOURS[s] }}>
            {s}
          </span>
        ))}
      </div>
      <h3>Resources</h3>
      <div className="legend-icons">
        {ICON_TYPES.map((t) => (
          <span key={t} className="legend-icon">
            <svg width="20" height="20" role="img" aria-label={shortType(t)}>
              <TypeIcon type={t} x={0} y={0} size={20} />
            </svg>
            {t === "internet" ? "internet" : shortType(t)}
          </span>
        ))}
      </div>
      <p>
        Boxes: account › region › VPC › availability zone › subnet (blue: public, green: private). Dashed
        cards aggregate similar resources.
      </p>
    </div>
  );
}

function Inspector(props: {
  data: DiagramData;
  index: ReturnType<typeof indexData>;
  selected: string | undefined;
  node: DiagramNode | undefined;
  onSelect: (id: string) => void;
  onExpand: (agg: string) => void;
  onCollapse: (agg: string) => void;
  expanded: string[];
}) {
  const { selected, index, node } = props;
  if (!selected) {
    return (
      <div className="inspector empty">
        <h2>Inspector</h2>
        <p>Select a resource in the diagram or a finding in the list.</p>
      </div>
    );
  }
  const r = index.byId.get(selected);
  if (!r && node?.kind === "leaf" && node.aggregate) return <AggregateView {...props} node={node} />;
  if (!r && node?.kind === "group") return <GroupView g={node} />;
  if (!r) return <div className="inspector">Nothing named {selected} is in this snapshot.</div>;
  const findings = index.findingsByResource.get(r.id) ?? [];
  const hosted = (index.hosted.get(r.id) ?? [])
    .map((id) => index.byId.get(id))
    .filter((x): x is Resource => !!x);
  const aggregateOf = node?.kind === "leaf" && node.aggregate ? node : undefined;
  const tiers = Object.entries(props.data.report.view?.tiers ?? {})
    .filter(([, ids]) => ids.includes(r.id))
    .map(([t]) => t);
  return (
    <div className="inspector" data-inspecting={r.id}>
      <h2 className="iname">{r.name ?? shortId(r.id)}</h2>
      <div className="itype">
        {shortType(r.type)} · {r.type}
      </div>
      <dl className="facts">
        <dt>id</dt>
        <dd className="mono">{r.id}</dd>
        <dt>account</dt>
        <dd>{r.account}</dd>
        <dt>region</dt>
        <dd>{r.region}</dd>
        {tiers.length > 0 ? (
          <>
            <dt>tier</dt>
            <dd data-tiers={tiers.join(",")}>{tiers.join(", ")}</dd>
          </>
        ) : null}
        {r.tags[index.environmentTag] ? (
          <>
            <dt>env</dt>
            <dd>{r.tags[index.environmentTag]}</dd>
          </>
        ) : null}
        {r.parent ? (
          <>
            <dt>in</dt>
            <dd>
              <button type="button" className="link" onClick={() => props.onSelect(r.parent as string)}>
                {index.byId.get(r.parent)?.name ?? shortId(r.parent)}
              </button>
            </dd>
          </>
        ) : null}
      </dl>
      {aggregateOf ? (
        <p className="note">
          Drawn inside “{aggregateOf.label}”.{" "}
          <button type="button" className="link" onClick={() => props.onExpand(aggregateOf.id)}>
            Expand
          </button>
        </p>
      ) : null}
      <h3>Findings ({findings.length})</h3>
      {findings.length === 0 ? <p className="muted">None.</p> : null}
      {findings.map((f) => (
        <FindingView key={f.fingerprint} f={f} data={props.data} />
      ))}
      {hosted.length > 0 ? (
        <>
          <h3>Configuration ({hosted.length})</h3>
          <ul className="hosted">
            {hosted.map((h) => (
              <li key={h.id}>
                <button type="button" className="link" onClick={() => props.onSelect(h.id)}>
                  {h.name ?? shortId(h.id)}
                </button>{" "}
                <span className="muted">{shortType(h.type)}</span>
                {(index.findingsByResource.get(h.id) ?? []).length > 0 ? (
                  <span className="dot" style={{ background: SEVERITY_COLOURS.high }} />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Tags ({Object.keys(r.tags).length})</h3>
      <table className="tags">
        <tbody>
          {Object.entries(r.tags).map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Properties</h3>
      <pre className="props">{JSON.stringify(r.props, null, 2)}</pre>
    </div>
  );
}

function FindingView({ f, data }: { f: Finding; data: DiagramData }) {
  const rule = data.report.view?.rules[f.ruleId];
  return (
    <div className={`finding-detail sev-${f.severity}`} data-finding-detail={f.ruleId}>
      <div className="fhead">
        <span className="pill" style={{ background: SEVERITY_COLOURS[f.severity as Severity] }}>
          {f.severity}
        </span>{" "}
        <strong>{f.ruleId}</strong>
        {f.waived ? (
          <span className="muted">
            {" "}
            · waived until {f.waived.expires}: {f.waived.reason}
          </span>
        ) : null}
      </div>
      <p>{f.message}</p>
      {f.evidence.length > 0 ? (
        <ul className="evidence">
          {f.evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {rule ? (
        <p className="fix">
          <strong>Fix:</strong> {rule.fix}
        </p>
      ) : null}
    </div>
  );
}

function AggregateView(props: {
  node: LeafNode;
  index: ReturnType<typeof indexData>;
  onSelect: (id: string) => void;
  onExpand: (agg: string) => void;
}) {
  const { node, index } = props;
  return (
    <div className="inspector" data-inspecting={node.id}>
      <h2>{node.label}</h2>
      <p>
        <button type="button" onClick={() => props.onExpand(node.id)}>
          Draw them one by one
        </button>
      </p>
      <ul className="members">
        {node.resourceIds.map((id) => {
          const r = index.byId.get(id);
          const n = (index.findingsByResource.get(id) ?? []).length;
          return (
            <li key={id}>
              <button type="button" className="link" onClick={() => props.onSelect(id)}>
                {r?.name ?? shortId(id)}
              </button>
              {n > 0 ? (
                <span className="muted">
                  {" "}
                  · {n} finding{n === 1 ? "" : "s"}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function GroupView({ g }: { g: GroupNode }) {
  return (
    <div className="inspector" data-inspecting={g.id}>
      <h2>{g.label}</h2>
      <p>
        {g.count} resources · {g.findings} findings
      </p>
    </div>
  );
}
