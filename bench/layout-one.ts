import { analyzeFiles } from "../src/cli/check.ts";
import { findingsReportFor } from "../src/cli/serve.ts";
import { layoutTree } from "../web/src/diagram/layout.ts";
import { buildDiagram, indexData } from "../web/src/diagram/model.ts";
import { routeEdges } from "../web/src/diagram/route.ts";
import { DEFAULT_EDGE_STYLES } from "../web/src/diagram/styles.ts";

// The diagram in Node, as `asbuilt report` draws it: model (boxes, aggregation, edges), elk layout, then
// orthogonal routing of the default view's edges. Twice: the default view (similar resources aggregated) and
// every resource drawn as its own node. The median of three runs.
const [file, spec] = process.argv.slice(2);
if (!file) throw new Error("usage: layout-one FILE [SPEC]");
const a = await analyzeFiles(file, spec);
const report = findingsReportFor(a.snapshot, a.findings, a.view(), file, spec);
const index = indexData({ snapshot: a.snapshot, report });
const out: Record<string, unknown> = { resources: a.snapshot.resources.length };
for (const [mode, aggregateFrom] of [
  ["aggregated", 6],
  ["every resource", Number.POSITIVE_INFINITY],
] as const) {
  const runs: { modelMs: number; layoutMs: number; routeMs: number; leaves: number; edges: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const d = buildDiagram(index, { aggregateFrom });
    const modelMs = performance.now() - t0;
    const { ms } = await layoutTree(d.root);
    const t1 = performance.now();
    const shown = d.edges.filter((e) => DEFAULT_EDGE_STYLES.has(e.style));
    routeEdges(d.root, shown);
    const routeMs = performance.now() - t1;
    let leaves = 0;
    const walk = (n: (typeof d.root)["children"][number]) => {
      if (n.kind === "leaf") leaves++;
      else for (const c of n.children) walk(c);
    };
    walk(d.root);
    runs.push({ modelMs, layoutMs: ms, routeMs, leaves, edges: shown.length });
  }
  runs.sort((x, y) => x.layoutMs + x.modelMs + x.routeMs - (y.layoutMs + y.modelMs + y.routeMs));
  out[mode] = runs[1];
}
process.stdout.write(`${JSON.stringify(out)}\n`);
