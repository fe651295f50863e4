import { DiagramSvg } from "../../web/src/diagram/Diagram.tsx";
import { layoutTree } from "../../web/src/diagram/layout.ts";
import { buildDiagram, type DataIndex, type ViewOptions } from "../../web/src/diagram/model.ts";
import { routeEdges } from "../../web/src/diagram/route.ts";
import { DEFAULT_EDGE_STYLES } from "../../web/src/diagram/styles.ts";

// The report's diagram pages: the whole account on one page when it prints readably, else one page per VPC
// and one for what lies outside VPCs. "Readably" is measured, not guessed: the page's printable area on A4 and
// on Letter landscape (the smaller of each side) and the smallest text the diagram draws.

/** Printable area of a landscape page with 14 mm margins, in CSS px: Letter's width, A4's height, less a heading. */
export const PRINT_W = 930;
export const PRINT_H = 620;
/** The smallest text of a full-size drawing (the cards' type line), in diagram units. */
const SMALLEST_TEXT = 10.5;
const MIN_PX = 9;

export interface DiagramPage {
  title: string;
  /** The scale the page prints at (≤ 1): text the drawing would make smaller than 9 px is left out. */
  scale: number;
  svg: React.ReactElement;
}

async function page(index: DataIndex, title: string, opts: ViewOptions): Promise<DiagramPage | undefined> {
  const d = buildDiagram(index, opts);
  if (d.root.count === 0) return undefined;
  const size = await layoutTree(d.root);
  const edges = routeEdges(
    d.root,
    d.edges.filter((e) => DEFAULT_EDGE_STYLES.has(e.style)),
  );
  const scale = Math.min(1, PRINT_W / Math.max(1, size.width), PRINT_H / Math.max(1, size.height));
  return {
    title,
    scale,
    svg: (
      <DiagramSvg
        root={d.root}
        edges={edges}
        width={Math.ceil(size.width)}
        height={Math.ceil(size.height)}
        // A little under the page's scale: what is drawn must stay readable if the printer shrinks it a bit.
        zoom={scale * 0.97}
        interactive={false}
        title={`Diagram: ${title}`}
      />
    ),
  };
}

export async function diagramPages(index: DataIndex): Promise<DiagramPage[]> {
  const whole = await page(index, "the whole account", {});
  if (!whole || whole.scale * SMALLEST_TEXT >= MIN_PX || index.vpcs.length <= 1) return whole ? [whole] : [];
  const pages: DiagramPage[] = [];
  for (const v of [...index.vpcs].sort((a, b) => ((a.name ?? a.id) < (b.name ?? b.id) ? -1 : 1))) {
    const p = await page(index, `VPC ${v.name ?? v.id} (account ${v.account}, ${v.region})`, {
      part: { vpc: v.id },
    });
    if (p) pages.push(p);
  }
  const outside = await page(index, "outside any VPC (global and regional services)", {
    part: "outside-vpcs",
  });
  if (outside) pages.push(outside);
  return pages;
}
