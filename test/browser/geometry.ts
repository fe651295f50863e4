import type { Page } from "playwright-core";

// The diagram's geometry read back from a rendered SVG in Chromium (the report's or the UI's): what a reader
// would see, not what the layout meant to draw. Used by the geometry tests and by bench/geometry-one.ts,
// on the old drawing and the new one alike (it relies only on the data attributes both keep).

export interface Geometry {
  /** Cards (resources) and edges drawn. */
  cards: number;
  edges: number;
  /** (edge, card) pairs where the edge runs through a card it does not connect. */
  edgeCardCrossings: number;
  /** Load balancer → target edges that end at a VPC, AZ or subnet box instead of a resource or its ASG. */
  lbEdgesToBoxes: number;
  /** Pairs of text labels that overlap each other. */
  labelOverlaps: number;
  /** Cards whose visible text is the same as another card's. */
  indistinguishable: number;
  /** Databases, cache nodes and load balancers not drawn over any of their own subnets. */
  placedOutsideOwnSubnet: number;
  /** The same: how many of them there are. */
  placeable: number;
  /** Smallest text on screen in CSS pixels (font size × the SVG's scale at its current size). */
  minTextPx: number;
}

/** What the probe needs from the snapshot: each placeable resource's subnets (their resource ids). */
export type SubnetsOf = Record<string, string[]>;

/** Geometry of the `nth` SVG matching `svgSelector` in the page. */
export async function measureDiagram(
  page: Page,
  svgSelector: string,
  subnetsOf: SubnetsOf,
  nth = 0,
): Promise<Geometry> {
  // tsx (esbuild keepNames) wraps named functions in __name(), which the page does not define.
  await page.evaluate("window.__name = (f) => f");
  return page.evaluate(
    ({ sel, subnetsOf, nth }) => {
      const svg = document.querySelectorAll(sel)[nth] as SVGSVGElement | undefined;
      if (!svg) throw new Error(`no SVG at ${sel}`);
      // Boxes in the SVG's user space, from the screen (transforms and nesting included).
      const inv = svg.getScreenCTM()?.inverse();
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (!inv) return { x: r.x, y: r.y, w: r.width, h: r.height };
        const p1 = new DOMPoint(r.left, r.top).matrixTransform(inv);
        const p2 = new DOMPoint(r.right, r.bottom).matrixTransform(inv);
        return { x: p1.x, y: p1.y, w: p2.x - p1.x, h: p2.y - p1.y };
      };
      type Box = ReturnType<typeof box>;
      const overlap = (a: Box, b: Box, m = 0) =>
        a.x + m < b.x + b.w && b.x + m < a.x + a.w && a.y + m < b.y + b.h && b.y + m < a.y + a.h;

      const cards = [...svg.querySelectorAll(".asb-leaf")].map((g) => {
        const rect = g.querySelector("rect.card") ?? g;
        const texts = [...g.querySelectorAll("text")]
          .filter((t) => !t.closest(".asb-badge"))
          .map((t) => t.textContent ?? "");
        return {
          id: g.getAttribute("data-id") ?? "",
          type: g.getAttribute("data-type") ?? "",
          b: box(rect),
          text: texts.join("\n"),
        };
      });
      const groups = new Map(
        [...svg.querySelectorAll(".asb-group")].map((g) => {
          const rect = g.querySelector(":scope > rect.box") ?? g;
          return [g.getAttribute("data-id") ?? "", { kind: g.getAttribute("data-kind") ?? "", b: box(rect) }];
        }),
      );
      const edges = [...svg.querySelectorAll(".asb-edge")].filter(
        (e) => e instanceof SVGPathElement || e.querySelector("path") !== null,
      );
      let crossings = 0;
      let lbToBox = 0;
      for (const e of edges) {
        const path = (e instanceof SVGPathElement ? e : e.querySelector("path.line, path")) as SVGPathElement;
        const from = e.getAttribute("data-from");
        const to = e.getAttribute("data-to");
        if (e.getAttribute("data-style") === "targets") {
          const g = to ? groups.get(to) : undefined;
          if (g && ["vpc", "az", "subnet", "region", "account"].includes(g.kind)) lbToBox++;
        }
        // The path's points in the SVG's user space (the same space as the card boxes above).
        const screen = path.getScreenCTM();
        const m = screen && inv ? inv.multiply(screen) : undefined;
        const len = path.getTotalLength();
        const pts: DOMPoint[] = [];
        for (let s = 0; s <= len; s += 3) {
          const p = path.getPointAtLength(s);
          pts.push(m ? new DOMPoint(p.x, p.y).matrixTransform(m) : new DOMPoint(p.x, p.y));
        }
        for (const c of cards) {
          if (c.id === from || c.id === to) continue;
          const inset = 3;
          if (
            pts.some(
              (p) =>
                p.x > c.b.x + inset &&
                p.x < c.b.x + c.b.w - inset &&
                p.y > c.b.y + inset &&
                p.y < c.b.y + c.b.h - inset,
            )
          )
            crossings++;
        }
      }
      const labels = [...svg.querySelectorAll("text")]
        .filter((t) => (t.textContent ?? "").trim() !== "" && !t.closest(".asb-badge, .legend, defs"))
        .map((t) => box(t));
      let labelOverlaps = 0;
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i];
          const b = labels[j];
          if (a && b && overlap(a, b, 0.5)) labelOverlaps++;
        }
      // Cards drawn without text (semantic zoom: icons only at this size) have no label to confuse.
      const labelled = cards.filter((c) => c.text.trim() !== "");
      const byText = new Map<string, number>();
      for (const c of labelled) byText.set(c.text, (byText.get(c.text) ?? 0) + 1);
      const indistinguishable = labelled.filter((c) => (byText.get(c.text) ?? 0) > 1).length;
      let placeable = 0;
      let outside = 0;
      for (const c of cards) {
        const subnets = subnetsOf[c.id];
        if (!subnets || subnets.length === 0) continue;
        const drawn = subnets.map((s) => groups.get(s)).filter((g) => g !== undefined);
        if (drawn.length === 0) continue; // its subnets are collapsed or filtered out
        placeable++;
        if (!drawn.some((g) => overlap(c.b, g.b, 1))) outside++;
      }
      let minText = Number.POSITIVE_INFINITY;
      for (const t of svg.querySelectorAll("text")) {
        if (!(t.textContent ?? "").trim()) continue;
        const ctm = t.getScreenCTM();
        const size = Number.parseFloat(getComputedStyle(t).fontSize);
        if (ctm && Number.isFinite(size)) minText = Math.min(minText, size * Math.hypot(ctm.a, ctm.b));
      }
      return {
        cards: cards.length,
        edges: edges.length,
        edgeCardCrossings: crossings,
        lbEdgesToBoxes: lbToBox,
        labelOverlaps,
        indistinguishable,
        placedOutsideOwnSubnet: outside,
        placeable,
        minTextPx: Math.round(minText * 10) / 10,
      };
    },
    { sel: svgSelector, subnetsOf, nth },
  );
}

/** Several pages' figures as one: counts add up, the smallest text is the smallest of all. */
export function sumGeometry(parts: readonly Geometry[]): Geometry {
  const out: Geometry = {
    cards: 0,
    edges: 0,
    edgeCardCrossings: 0,
    lbEdgesToBoxes: 0,
    labelOverlaps: 0,
    indistinguishable: 0,
    placedOutsideOwnSubnet: 0,
    placeable: 0,
    minTextPx: Number.POSITIVE_INFINITY,
  };
  for (const p of parts) {
    for (const k of Object.keys(out) as (keyof Geometry)[])
      out[k] = k === "minTextPx" ? Math.min(out[k], p[k]) : out[k] + p[k];
  }
  return out;
}

const PLACEABLE = new Set([
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBCluster",
  "AWS::ElastiCache::CacheCluster",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
]);

/** Each database, cache node and load balancer → the resource ids of its subnets. */
export function placeableSubnets(snapshot: {
  resources: readonly { id: string; type: string; account: string; props: unknown }[];
}): SubnetsOf {
  const subnetByNative = new Map<string, string>();
  for (const r of snapshot.resources) {
    const id = (r.props as { subnetId?: unknown }).subnetId;
    if (r.type === "AWS::EC2::Subnet" && typeof id === "string")
      subnetByNative.set(`${r.account}/${id}`, r.id);
  }
  const out: SubnetsOf = {};
  for (const r of snapshot.resources) {
    if (!PLACEABLE.has(r.type)) continue;
    const ids = (r.props as { subnetIds?: unknown }).subnetIds;
    if (!Array.isArray(ids)) continue;
    out[r.id] = ids.flatMap((s) => {
      const id = typeof s === "string" ? subnetByNative.get(`${r.account}/${s}`) : undefined;
      return id ? [id] : [];
    });
  }
  return out;
}
