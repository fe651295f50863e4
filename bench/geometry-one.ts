import { join } from "node:path";
import { FIXTURE_NOW } from "../fixtures/golden.ts";
import { FIXTURES, fixtureNames } from "../fixtures/index.ts";
import { loadSpec } from "../src/architecture/load.ts";
import { analyzeSnapshot } from "../src/cli/check.ts";
import { findingsJsonFor, startServer } from "../src/cli/serve.ts";
import { renderHtmlReport } from "../src/report/html.tsx";
import { FindingsReport } from "../src/rules/finding.ts";
import { ensureWebBuilt, launch } from "../test/browser/browser.ts";
import { type Geometry, measureDiagram, placeableSubnets, sumGeometry } from "../test/browser/geometry.ts";

// The geometry figures for each seed fixture: read back from the HTML report's SVGs as printed (print
// media, 949 CSS px wide: Letter landscape's printable width, narrower than A4's) and from the UI at Fit
// (1,600 × 1,000 window). A report with several diagram pages adds their counts up.
const names = process.argv.length > 2 ? process.argv.slice(2) : fixtureNames;
await ensureWebBuilt();
const browser = await launch();
const out: Record<string, unknown> = {};
try {
  for (const name of names) {
    const fixture = FIXTURES[name as keyof typeof FIXTURES];
    if (!fixture) throw new Error(`no fixture ${name}`);
    const specFile = join(fixture.dir, "architecture.yaml");
    const a = analyzeSnapshot(fixture.build(), await loadSpec(specFile), FIXTURE_NOW);
    const json = findingsJsonFor(a.snapshot, a.findings, a.view(), "snapshot.json", specFile, a.unverified);
    const report = FindingsReport.parse(JSON.parse(json));
    const subnets = placeableSubnets(a.snapshot);
    const html = await renderHtmlReport({
      data: { snapshot: a.snapshot, report },
      version: "bench",
      generatedAt: FIXTURE_NOW,
    });
    const page = await browser.newPage({ viewport: { width: 949, height: 720 } });
    await page.emulateMedia({ media: "print" });
    await page.setContent(html);
    const n = await page.$$eval(".diagram svg", (els) => els.length);
    const parts: Geometry[] = [];
    for (let i = 0; i < n; i++) parts.push(await measureDiagram(page, `.diagram svg`, subnets, i));
    const reportGeometry = { pages: n, ...sumGeometry(parts) };
    await page.close();
    const served = await startServer(
      { snapshot: a.snapshot, findingsJson: json },
      { port: 0, host: "127.0.0.1" },
    );
    const ui = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await ui.goto(served.url);
    await ui.waitForSelector("[data-layout-ms]", { timeout: 60_000 });
    await ui.waitForTimeout(300);
    const uiGeometry = await measureDiagram(ui, ".canvas svg", subnets);
    await ui.close();
    await served.close();
    out[name] = { resources: a.snapshot.resources.length, report: reportGeometry, ui: uiGeometry };
  }
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
