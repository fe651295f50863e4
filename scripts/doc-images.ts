import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURE_NOW } from "../fixtures/golden.ts";
import { FIXTURES } from "../fixtures/index.ts";
import { loadSpec } from "../src/architecture/load.ts";
import { analyzeSnapshot } from "../src/cli/check.ts";
import { findingsJsonFor, startServer } from "../src/cli/serve.ts";
import { renderHtmlReport } from "../src/report/html.tsx";
import { FindingsReport } from "../src/rules/finding.ts";
import { ensureWebBuilt, launch } from "../test/browser/browser.ts";

// Writes the pictures in docs/images/ from the seed fixtures, in Debian's Chromium:
//   node bin/run-ts.js scripts/doc-images.ts
const IMAGES = fileURLToPath(new URL("../docs/images/", import.meta.url));

async function data(name: keyof typeof FIXTURES) {
  const f = FIXTURES[name];
  const spec = join(f.dir, "architecture.yaml");
  const a = analyzeSnapshot(f.build(), await loadSpec(spec), FIXTURE_NOW);
  const findingsJson = findingsJsonFor(
    a.snapshot,
    a.findings,
    a.view(),
    `fixtures/${name}/snapshot.json`,
    `fixtures/${name}/architecture.yaml`,
    a.unverified,
  );
  return { snapshot: a.snapshot, findingsJson, findings: a.findings };
}

await ensureWebBuilt();
const browser = await launch();
try {
  const shoot = async (
    name: keyof typeof FIXTURES,
    file: string,
    hash: (d: Awaited<ReturnType<typeof data>>) => string,
  ) => {
    const d = await data(name);
    const served = await startServer(d, { port: 0, host: "127.0.0.1" });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    try {
      await page.goto(`${served.url}${hash(d)}`);
      await page.waitForSelector("[data-layout-ms]");
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(IMAGES, file) });
    } finally {
      await page.close();
      await served.close();
    }
  };
  // The README's picture: the demo account (npm start serves it), the whole diagram at Fit.
  await shoot("status-page", "diagram-status-page.png", () => "#panels=nofindings,noinspector");
  // A finding selected: coursedog's production VPC, the ECS service placed in a public subnet.
  await shoot("coursedog", "diagram-coursedog.png", (d) => {
    const vpc = d.snapshot.resources.find(
      (r) => r.type === "AWS::EC2::VPC" && r.name === "coursedog-production",
    );
    const f = d.findings.find((x) => x.ruleId === "tier-placement");
    return `#vpc=${encodeURIComponent(vpc?.id ?? "")}&sel=${encodeURIComponent(f?.resourceId ?? "")}&finding=${f?.fingerprint ?? ""}`;
  });
  // The report's first diagram page.
  const d = await data("coursedog");
  const html = await renderHtmlReport({
    data: { snapshot: d.snapshot, report: FindingsReport.parse(JSON.parse(d.findingsJson)) },
    version: "docs",
    generatedAt: FIXTURE_NOW,
  });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.setContent(html);
  await (await page.$(".diagram-page .diagram"))?.screenshot({ path: join(IMAGES, "report-coursedog.png") });
  await page.close();
} finally {
  await browser.close();
}
