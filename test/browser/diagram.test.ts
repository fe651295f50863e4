import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_NOW } from "../../fixtures/golden.ts";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { synthetic } from "../../fixtures/synthetic.ts";
import { loadSpec } from "../../src/architecture/load.ts";
import { analyzeSnapshot } from "../../src/cli/check.ts";
import { findingsJsonFor, type ServeData, startServer } from "../../src/cli/serve.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { renderHtmlReport } from "../../src/report/html.tsx";
import { FindingsReport } from "../../src/rules/finding.ts";
import { ARTIFACTS, ensureWebBuilt, launch } from "./browser.ts";
import { type Geometry, measureDiagram, placeableSubnets, sumGeometry } from "./geometry.ts";

// The picture itself, read back from Chromium: the geometry the issue measures (edges through cards, LB
// edges to boxes, overlapping or identical labels, databases off their subnets, text size at Fit and in
// print) for every seed fixture, in the report and the UI; and what selecting a finding or an edge shows.

let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await ensureWebBuilt();
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

async function dataFor(snapshot: Snapshot, specFile?: string) {
  const spec = specFile ? await loadSpec(specFile) : undefined;
  const a = analyzeSnapshot(snapshot, spec, FIXTURE_NOW);
  const findingsJson = findingsJsonFor(
    a.snapshot,
    a.findings,
    a.view(),
    "snapshot.json",
    specFile,
    a.unverified,
  );
  return { serve: { snapshot: a.snapshot, findingsJson } satisfies ServeData, findings: a.findings };
}

async function openUi(data: ServeData, hash = "") {
  const served = await startServer(data, { port: 0, host: "127.0.0.1" });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${served.url}${hash}`);
  await page.waitForSelector("[data-layout-ms]", { timeout: 30_000 });
  return {
    page,
    problems,
    close: async () => {
      await page.close();
      await served.close();
    },
  };
}

function expectClean(g: Geometry, where: string) {
  expect(g.edgeCardCrossings, `${where}: edges through cards`).toBe(0);
  expect(g.lbEdgesToBoxes, `${where}: LB edges ending at a box`).toBe(0);
  expect(g.labelOverlaps, `${where}: overlapping labels`).toBe(0);
  expect(g.indistinguishable, `${where}: cards that read the same`).toBe(0);
  expect(g.placedOutsideOwnSubnet, `${where}: DBs, caches, LBs off their subnets`).toBe(0);
  expect(g.edges, `${where}: edges ≤ cards`).toBeLessThanOrEqual(g.cards);
  expect(g.minTextPx, `${where}: smallest text`).toBeGreaterThanOrEqual(9);
}

describe.each(fixtureNames)("the %s diagram", (name) => {
  it("prints readably: no edge through a card, no overlapping or identical labels, text ≥ 9 px on Letter and A4", async () => {
    const fixture = FIXTURES[name];
    const { serve } = await dataFor(fixture.build(), join(fixture.dir, "architecture.yaml"));
    const report = FindingsReport.parse(JSON.parse(serve.findingsJson));
    const html = await renderHtmlReport({
      data: { snapshot: serve.snapshot, report },
      version: "test",
      generatedAt: FIXTURE_NOW,
    });
    // Letter landscape's printable width (the narrower of the two), in print media.
    const page = await browser.newPage({ viewport: { width: 949, height: 720 } });
    try {
      await page.emulateMedia({ media: "print" });
      await page.setContent(html);
      const n = await page.$$eval(".diagram svg", (els) => els.length);
      expect(n).toBeGreaterThan(0);
      const parts: Geometry[] = [];
      for (let i = 0; i < n; i++)
        parts.push(await measureDiagram(page, ".diagram svg", placeableSubnets(serve.snapshot), i));
      expectClean(sumGeometry(parts), `report of ${name}`);
      await page.emulateMedia({ media: "screen" });
      await page.setViewportSize({ width: 1100, height: 800 });
      await (await page.$(".diagram svg"))?.screenshot({ path: join(ARTIFACTS, `report-${name}.png`) });
    } finally {
      await page.close();
    }
  }, 60_000);

  it("reads at Fit in the UI: the same figures in a 1,600 × 1,000 window", async () => {
    const fixture = FIXTURES[name];
    const { serve } = await dataFor(fixture.build(), join(fixture.dir, "architecture.yaml"));
    const ui = await openUi(serve);
    try {
      expectClean(
        await measureDiagram(ui.page, ".canvas svg", placeableSubnets(serve.snapshot)),
        `UI of ${name}`,
      );
      await ui.page.screenshot({ path: join(ARTIFACTS, `ui-fit-${name}.png`) });
      // Small accounts read at Fit beside both panels: every card has its name (they were drawn as bare
      // icons, which the figures above cannot see: a card without text has no label to overlap).
      if (serve.snapshot.resources.length <= 60) {
        const cards = await ui.page.$$eval(".canvas svg .asb-node.asb-card", (els) =>
          els.map((e) => e.querySelector(".name")?.textContent ?? ""),
        );
        expect(cards.filter((t) => t === "").length, `UI of ${name}: cards without a name`).toBe(0);
      }
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 60_000);
});

describe("findings point at the problem", () => {
  it("a security group's finding lights up the instance using it and the internet → gateway → instance path", async () => {
    const fixture = FIXTURES["status-page"];
    const { serve, findings } = await dataFor(fixture.build(), join(fixture.dir, "architecture.yaml"));
    const f = findings.find((x) => x.ruleId === "admin-port-open-to-world" && x.resourceName === "bastion");
    expect(f?.resourceType).toBe("AWS::EC2::SecurityGroup");
    const bastion = serve.snapshot.resources.find(
      (r) => r.type === "AWS::EC2::Instance" && r.name === "bastion",
    );
    const igw = serve.snapshot.resources.find((r) => r.type === "AWS::EC2::InternetGateway");
    const ui = await openUi(serve);
    const { page } = ui;
    try {
      await page.click(`[data-finding="${f?.ruleId}"][data-resource="${f?.resourceId}"]`);
      await page.waitForSelector(`[data-inspecting="${f?.resourceId}"]`);
      // The bastion is drawn bright on top; the VPC hosting the group is not what lights up.
      const bright = await page.$$eval(".asb-overlay [data-copy-of]", (els) =>
        els.map((e) => e.getAttribute("data-copy-of")),
      );
      expect(bright).toContain(bastion?.id);
      expect(bright).toContain(igw?.id);
      // No outline on the VPC that hosts the security group: the finding is not about the whole VPC.
      expect(await page.$$(`.asb-overlay .sel`)).toHaveLength(0);
      const path = await page.$$eval(".asb-edges.focus .asb-edge", (els) =>
        els.map((e) => [
          e.getAttribute("data-from"),
          e.getAttribute("data-to"),
          e.getAttribute("data-ports"),
        ]),
      );
      expect(path).toContainEqual(["internet", igw?.id, expect.stringContaining("22")]);
      expect(
        path.some(([from, to, ports]) => from === igw?.id && to === bastion?.id && ports?.includes("22")),
      ).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "ui-finding-sg-path.png") });
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 60_000);

  it("clicking an edge shows its evidence in the inspector", async () => {
    const fixture = FIXTURES["status-page"];
    const { serve } = await dataFor(fixture.build(), join(fixture.dir, "architecture.yaml"));
    const ui = await openUi(serve);
    const { page } = ui;
    try {
      const edge = page.locator('.asb-edge[data-style="flow-undocumented"]').first();
      await edge.dispatchEvent("click");
      await page.waitForSelector("[data-inspecting-edge]");
      const evidence = await page.$$eval("[data-edge-evidence] li", (els) =>
        els.map((e) => e.textContent ?? ""),
      );
      expect(evidence.length).toBeGreaterThan(0);
      expect(evidence.join("\n")).toMatch(/security group|route|ACL|acl/i);
      expect(await page.textContent(".inspector")).toContain("flow-undocumented");
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 60_000);
});

describe("the viewer's controls", () => {
  it("folds the side panels away, and fits again after collapse all", async () => {
    const fixture = FIXTURES.coursedog;
    const { serve } = await dataFor(fixture.build(), join(fixture.dir, "architecture.yaml"));
    const ui = await openUi(serve);
    const { page } = ui;
    try {
      const before = await page.$eval(".canvas", (el) => el.clientWidth);
      await page.click('[data-panel="findings"]');
      await page.click('[data-panel="inspector"]');
      await expect.poll(() => page.$eval(".canvas", (el) => el.clientWidth)).toBeGreaterThan(before + 500);
      expect(await page.$$(".left, .right")).toHaveLength(0);
      expect(decodeURIComponent(new URL(page.url()).hash)).toContain("panels=nofindings,noinspector");
      const vb = () => page.$eval(".canvas svg", (el) => el.getAttribute("viewBox"));
      const open = await vb();
      await page.click("text=Collapse all");
      await page.waitForSelector('[data-kind="vpc"].collapsed');
      await expect.poll(vb).not.toBe(open);
      // Collapsed boxes keep their badge clear of their title.
      const clash = await page.$$eval('[data-kind="vpc"].collapsed', (els) =>
        els.some((g) => {
          const t = g.querySelector(":scope > text.title")?.getBoundingClientRect();
          const b = g.querySelector(":scope > .asb-badge")?.getBoundingClientRect();
          return !!t && !!b && t.right > b.left && t.left < b.right && t.bottom > b.top && t.top < b.bottom;
        }),
      );
      expect(clash).toBe(false);
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 60_000);

  it("opens a large account collapsed to VPC level", async () => {
    const { serve } = await dataFor(synthetic({ resources: 1000, regions: ["us-east-1"] }));
    const ui = await openUi(serve);
    try {
      const vpcs = await ui.page.$$eval('[data-kind="vpc"]', (els) =>
        els.map((e) => e.classList.contains("collapsed")),
      );
      expect(vpcs.length).toBeGreaterThan(1);
      expect(vpcs.every(Boolean)).toBe(true);
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 60_000);
});

describe("what was not recorded", () => {
  it("draws subnets whose route table was not recorded as unknown, and shows the checks left unverified", async () => {
    const fixture = FIXTURES["status-page"];
    const s = fixture.build();
    // A dump without route tables: no subnet can be called public or private.
    const gone = new Set(s.resources.filter((r) => r.type === "AWS::EC2::RouteTable").map((r) => r.id));
    s.resources = s.resources.filter((r) => !gone.has(r.id));
    s.edges = s.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to));
    const { serve } = await dataFor(s, join(fixture.dir, "architecture.yaml"));
    const report = FindingsReport.parse(JSON.parse(serve.findingsJson));
    expect(report.unverified?.length ?? 0).toBeGreaterThan(0);
    const ui = await openUi(serve);
    const { page } = ui;
    try {
      const classes = await page.$$eval('[data-kind="subnet"]', (els) =>
        els.map((e) => e.getAttribute("data-class")),
      );
      expect(classes.length).toBe(6);
      expect(new Set(classes)).toEqual(new Set(["unknown"]));
      expect(
        await page.$$eval('[data-kind="subnet"] > rect.box', (els) =>
          els.map((e) => e.getAttribute("stroke-dasharray")),
        ),
      ).not.toContain(null);
      expect(await page.textContent('[data-summary="unverified"]')).toContain(
        String(report.unverified?.length),
      );
      const u = report.unverified?.find((x) => serve.snapshot.resources.some((r) => r.id === x.resourceId));
      expect(u).toBeDefined();
      await page.fill(
        'input[type="search"]',
        serve.snapshot.resources.find((r) => r.id === u?.resourceId)?.name ?? "",
      );
      await page.click(`[data-result="${u?.resourceId}"]`);
      await page.waitForSelector(`[data-inspecting="${u?.resourceId}"] [data-unverified]`);
      expect(await page.textContent("[data-unverified]")).toContain(u?.ruleId ?? "?");
      await page.screenshot({ path: join(ARTIFACTS, "ui-unknown-subnets.png") });
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 60_000);
});
