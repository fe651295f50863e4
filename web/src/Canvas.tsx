import { type Ref, useCallback, useEffect, useImperativeHandle, useRef, useState } from "react";
import { DiagramSvg } from "./diagram/Diagram.tsx";
import type { DiagramNode, GroupNode, RoutedEdge } from "./diagram/types.ts";

// The diagram's viewport: pan (drag) and zoom (wheel), Fit, and zoom-to-a-node. The view box lives here, so
// that panning re-renders the SVG's view only, never the panels around it.

type ViewBox = [number, number, number, number];

export interface CanvasHandle {
  fitView: () => void;
  zoomTo: (n: DiagramNode) => void;
  /** Shows several nodes at once (what a finding is about and its path). */
  zoomToAll: (ns: readonly DiagramNode[]) => void;
  svg: () => SVGSVGElement | null;
}

export interface CanvasProps {
  handle: Ref<CanvasHandle>;
  root: GroupNode;
  edges: readonly RoutedEdge[];
  width: number;
  height: number;
  selected?: string;
  selectedEdge?: string;
  matches?: ReadonlySet<string>;
  focus?: ReadonlySet<string>;
  focusEdges?: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onSelectEdge: (id: string) => void;
  onToggle: (id: string) => void;
  onExpand: (id: string) => void;
  children?: React.ReactNode;
}

export function Canvas(props: CanvasProps) {
  const host = useRef<HTMLDivElement>(null);
  const [viewBox, setViewBox] = useState<ViewBox>();
  const { width, height } = props;
  const fitView = useCallback(() => {
    const el = host.current;
    const aspect = el ? el.clientWidth / Math.max(1, el.clientHeight) : 1.6;
    let w = width + 40;
    let h = height + 40;
    if (w / h < aspect) w = h * aspect;
    else h = w / aspect;
    setViewBox([(width - w) / 2, (height - h) / 2, w, h]);
  }, [width, height]);
  const zoomTo = useCallback((n: DiagramNode) => {
    const el = host.current;
    if (!el) return;
    const aspect = el.clientWidth / Math.max(1, el.clientHeight);
    // A resource: close enough to read it and its neighbours (a wide card, a load balancer across AZs,
    // fits with a margin). A box: the whole box with a margin.
    let w = n.kind === "leaf" ? Math.min(Math.max(n.w * 2.5, 1000), 1600) : Math.max(n.w * 1.3, 500);
    let h = w / aspect;
    if (n.kind === "group" && h < n.h * 1.3) {
      h = n.h * 1.3;
      w = h * aspect;
    }
    setViewBox([n.x + n.w / 2 - w / 2, n.y + n.h / 2 - h / 2, w, h]);
  }, []);
  const zoomToAll = useCallback(
    (ns: readonly DiagramNode[]) => {
      const [first, ...rest] = ns;
      if (!first) return;
      if (rest.length === 0) return zoomTo(first);
      const x0 = Math.min(...ns.map((n) => n.x));
      const y0 = Math.min(...ns.map((n) => n.y));
      const x1 = Math.max(...ns.map((n) => n.x + n.w));
      const y1 = Math.max(...ns.map((n) => n.y + n.h));
      const el = host.current;
      const aspect = el ? el.clientWidth / Math.max(1, el.clientHeight) : 1.6;
      let w = Math.max((x1 - x0) * 1.25, 900);
      let h = Math.max((y1 - y0) * 1.25, w / aspect);
      if (w / h < aspect) w = h * aspect;
      else h = w / aspect;
      setViewBox([(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h]);
    },
    [zoomTo],
  );
  useImperativeHandle(
    props.handle,
    () => ({ fitView, zoomTo, zoomToAll, svg: () => host.current?.querySelector("svg") ?? null }),
    [fitView, zoomTo, zoomToAll],
  );
  // A new layout of another size (a collapse, a filter) is fitted again.
  useEffect(() => {
    fitView();
  }, [fitView]);

  const drag = useRef<{ x: number; y: number; vb: ViewBox; moved: boolean } | undefined>(undefined);
  const moved = useRef(false);
  const onWheel = (e: React.WheelEvent) => {
    if (!viewBox || !host.current) return;
    const rect = host.current.getBoundingClientRect();
    const fx = (e.clientX - rect.left) / rect.width;
    const fy = (e.clientY - rect.top) / rect.height;
    const k = Math.exp(e.deltaY * 0.0015);
    const [x, y, w, h] = viewBox;
    const nw = Math.min(Math.max(w * k, 200), Math.max(width, height) * 6);
    const nh = (nw / w) * h;
    setViewBox([x + (w - nw) * fx, y + (h - nh) * fy, nw, nh]);
  };
  const el = host.current;
  const zoom = viewBox && el ? Math.min(el.clientWidth / viewBox[2], el.clientHeight / viewBox[3]) : 1;
  return (
    <main
      className="canvas"
      ref={host}
      onWheel={onWheel}
      onPointerDown={(e) => {
        if (viewBox) drag.current = { x: e.clientX, y: e.clientY, vb: viewBox, moved: false };
        moved.current = false;
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d || !host.current) return;
        const dx = e.clientX - d.x;
        const dy = e.clientY - d.y;
        if (!d.moved && Math.hypot(dx, dy) < 4) return;
        d.moved = true;
        moved.current = true;
        const scale = d.vb[2] / host.current.clientWidth;
        setViewBox([d.vb[0] - dx * scale, d.vb[1] - dy * scale, d.vb[2], d.vb[3]]);
      }}
      onPointerUp={() => {
        drag.current = undefined;
      }}
      onPointerLeave={() => {
        drag.current = undefined;
      }}
    >
      {viewBox ? (
        <DiagramSvg
          root={props.root}
          edges={props.edges}
          width={width}
          height={height}
          viewBox={viewBox}
          zoom={zoom}
          {...(props.selected ? { selected: props.selected } : {})}
          {...(props.selectedEdge ? { selectedEdge: props.selectedEdge } : {})}
          {...(props.matches ? { matches: props.matches } : {})}
          {...(props.focus ? { focus: props.focus } : {})}
          {...(props.focusEdges ? { focusEdges: props.focusEdges } : {})}
          onSelect={(id) => {
            if (!moved.current) props.onSelect(id);
          }}
          onSelectEdge={(id) => {
            if (!moved.current) props.onSelectEdge(id);
          }}
          onToggle={props.onToggle}
          onExpand={props.onExpand}
        />
      ) : null}
      {props.children}
    </main>
  );
}
