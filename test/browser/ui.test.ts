import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
import { buildDiagram, indexData } from "../../web/src/diagram/model.ts";
import { DEFAULT_EDGE_STYLES } from "../../web/src/diagram/styles.ts";
import { ARTIFACTS, ensureWebBuilt, launch } from "./browser.ts";

// The web UI in Debian's Chromium, for every seed fixture, plus the XSS guarantees of the UI and the
// HTML report. Screenshots land in test/artifacts/.

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
    a.exposure(),
  );
  return {
    serve: { snapshot: a.snapshot, findingsJson } satisfies ServeData,
    findings: a.findings,
    exposure: a.exposure(),
  };
}

/** Opens the UI on `data`; fails the test on any page error or dialog (an XSS payload would open one). */
async function openUi(data: ServeData, hash = "") {
  const served = await startServer(data, { port: 0, host: "127.0.0.1" });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
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

describe.each(fixtureNames)("the web UI on the %s fixture", (name) => {
  it("draws the account with its findings, selects from the list, and exports SVG", async () => {
    const fixture = FIXTURES[name];
    const specFile = join(fixture.dir, "architecture.yaml");
    const { serve, findings } = await dataFor(fixture.build(), specFile);
    const expected = JSON.parse(
      readFileSync(join(fixture.dir, "expected-findings.json"), "utf8"),
    ) as unknown[];
    expect(findings.length).toBe(expected.length);
    const ui = await openUi(serve);
    const { page } = ui;
    try {
      // The summary counts what check reports: one finding per problem (the findings JSON groups them).
      const reported = FindingsReport.parse(JSON.parse(serve.findingsJson)).findings;
      for (const sev of ["critical", "high", "medium", "low"] as const) {
        const n = reported.filter((f) => !f.waived && f.severity === sev).length;
        await expect.poll(() => page.textContent(`[data-summary="${sev}"]`)).toBe(`${n} ${sev}`);
      }
      // Every drawn node the model expects is in the page, and every resource with an open finding
      // carries a badge (on itself, its aggregate, or the box that hosts it).
      const report = FindingsReport.parse(JSON.parse(serve.findingsJson));
      const model = buildDiagram(indexData({ snapshot: serve.snapshot, report }));
      const leafIds = await page.$$eval(".asb-leaf", (els) => els.map((e) => e.getAttribute("data-id")));
      const expectedLeaves: string[] = [];
      const walk = (n: (typeof model)["root"]["children"][number]) => {
        if (n.kind === "leaf") expectedLeaves.push(n.id);
        else for (const c of n.children) walk(c);
      };
      walk(model.root);
      expect(new Set(leafIds)).toEqual(new Set(expectedLeaves));
      const withBadge = new Set(
        await page.$$eval(".asb-node", (els) =>
          els
            .filter((e) => [...e.children].some((c) => c.classList.contains("asb-badge")))
            .map((e) => e.getAttribute("data-id")),
        ),
      );
      for (const f of findings.filter((x) => !x.waived)) {
        const node = model.nodeOf.get(f.resourceId);
        expect(node, `${f.ruleId} on ${f.resourceId} is drawn somewhere`).toBeDefined();
        expect(withBadge.has(node as string), `${f.ruleId}: node ${node} has a badge`).toBe(true);
      }
      // The default view draws the edges an architect draws (and every violation), each with its ports.
      const drawn = await page.$$eval(".asb-edge", (els) =>
        els.map((e) => [e.getAttribute("data-style"), e.getAttribute("data-ports")] as const),
      );
      const expectedEdges = model.edges.filter((e) => DEFAULT_EDGE_STYLES.has(e.style));
      expect(drawn).toHaveLength(expectedEdges.length);
      expect(new Set(drawn.map(([s]) => s))).toEqual(new Set(expectedEdges.map((e) => e.style)));
      // Red edges are check's flow findings, one or more per finding, and nothing else.
      const red = expectedEdges.filter((e) => e.style === "flow-undocumented");
      const flowFindings = findings.filter((f) => f.ruleId === "flow-undocumented" && !f.waived);
      expect(new Set(red.flatMap((e) => e.findings))).toEqual(
        new Set(flowFindings.map((f) => f.fingerprint)),
      );
      await page.screenshot({ path: join(ARTIFACTS, `ui-${name}.png`) });

      // Clicking a finding selects its resource: the inspector shows it, the URL holds the selection, and
      // what the finding is about stays bright (drawn again on top of the dimmed rest).
      const first = findings.find((f) => !f.waived);
      if (first) {
        await page.click(`[data-finding="${first.ruleId}"][data-resource="${first.resourceId}"]`);
        await page.waitForSelector(`[data-inspecting="${first.resourceId}"]`);
        const hash = decodeURIComponent(new URL(page.url()).hash);
        expect(hash).toContain(`sel=${first.resourceId}`);
        expect(hash).toContain(`finding=${first.fingerprint}`);
        const outlined = (await page.$$(".asb-overlay .sel")).length;
        const bright = (await page.$$(".asb-overlay [data-copy-of]")).length;
        expect(outlined + bright).toBeGreaterThan(0);
        expect(await page.getAttribute(".asb-nodes", "class")).toContain("dimmed");
        expect(await page.textContent(".inspector")).toContain(first.message);
      }

      // SVG export: a standalone SVG document with the diagram's nodes in it.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-export="svg"]'),
      ]);
      const file = join(ARTIFACTS, `ui-${name}.svg`);
      await download.saveAs(file);
      const svg = readFileSync(file, "utf8");
      expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain("<style>");
      // The current view as drawn: the cards in and around it (cards far outside the view are not drawn).
      const live = await page.$$eval(".asb-leaf", (els) => els.length);
      expect(svg.match(/class="asb-node asb-card[^"]* asb-leaf"/g)?.length).toBe(live);
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 60_000);
});

describe("deep links and controls", () => {
  it("restores the selection and filters from the URL, collapses a VPC, and filters by environment", async () => {
    const fixture = FIXTURES.coursedog;
    const { serve, findings } = await dataFor(fixture.build(), join(fixture.dir, "architecture.yaml"));
    const target = findings.find((f) => f.ruleId === "alb-without-waf");
    expect(target).toBeDefined();
    const hash = `#sel=${encodeURIComponent(target?.resourceId ?? "")}&sev=high&env=staging&flows=violations`;
    const ui = await openUi(serve, hash);
    const { page } = ui;
    try {
      await page.waitForSelector(`[data-inspecting="${target?.resourceId}"]`);
      // The inspector names the resource's tier (from the spec) and environment.
      expect(await page.getAttribute("[data-tiers]", "data-tiers")).toBe("edge");
      const rules = await page.$$eval("[data-finding]", (els) =>
        els.map((e) => e.getAttribute("data-finding")),
      );
      expect(rules.length).toBeGreaterThan(0);
      const severities = findings.filter((f) => rules.includes(f.ruleId)).map((f) => f.severity);
      expect(new Set(severities)).toEqual(new Set(["high"]));
      // Only the violations are drawn, as the link asks.
      expect(await page.$$(".e-flow-documented")).toHaveLength(0);
      expect(await page.$$(".e-targets")).not.toHaveLength(0);
      // The environment filter leaves only staging's VPC.
      const vpcs = await page.$$eval('[data-kind="vpc"] > text.title', (els) =>
        els.map((e) => e.textContent),
      );
      expect(vpcs).toEqual(["VPC coursedog-staging"]);
      // Collapse it: one box with a count, no leaves inside.
      const vpcId = await page.getAttribute('[data-kind="vpc"]', "data-id");
      await page.click(`[data-toggle="${vpcId}"]`);
      await page.waitForSelector(`[data-id="${vpcId}"].collapsed`);
      expect(await page.$$(`[data-id="${vpcId}"] .asb-leaf`)).toHaveLength(0);
      expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`collapsed=${vpcId}`);
      // Search by name ranks names first; ids match only by prefix.
      await page.fill('input[type="search"]', "hotfix");
      await page.waitForSelector(".search-results li");
      expect(await page.textContent(".search-results li .rname")).toContain("hotfix");
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 60_000);
});

describe("large accounts", () => {
  it("aggregates similar resources into one card, and a double-click draws them one by one", async () => {
    const { serve } = await dataFor(synthetic({ resources: 1000, regions: ["us-east-1"] }));
    // Opened with nothing collapsed (a large account opens collapsed to VPC level otherwise).
    const ui = await openUi(serve, "#expanded=");
    const { page } = ui;
    try {
      const agg = page.locator(".asb-leaf.aggregate").first();
      const id = (await agg.getAttribute("data-id")) ?? "";
      // Its name may not be drawn at this zoom (semantic zoom): its tooltip always says it.
      const label = (await agg.locator("title").first().textContent()) ?? "";
      const count = Number(label.split(" ")[0]);
      expect(count).toBeGreaterThanOrEqual(6);
      const leavesBefore = await page.$$eval(".asb-leaf", (els) => els.length);
      await page.dispatchEvent(`[data-id="${id}"]`, "dblclick");
      await page.waitForSelector(`[data-id="${id}"]`, { state: "detached" });
      await expect.poll(() => page.$$eval(".asb-leaf", (els) => els.length)).toBe(leavesBefore - 1 + count);
      expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`expanded=${id}`);
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 60_000);
});

describe("layout without Web Workers", () => {
  it("falls back to the main thread and still draws the account", async () => {
    const fixture = FIXTURES.edroplets;
    const { serve } = await dataFor(fixture.build(), join(fixture.dir, "architecture.yaml"));
    const served = await startServer(serve, { port: 0, host: "127.0.0.1" });
    const page = await browser.newPage();
    try {
      // A browser (or a locked-down page) without Worker.
      await page.addInitScript(() => {
        Object.defineProperty(window, "Worker", { value: undefined });
      });
      await page.goto(served.url);
      await page.waitForSelector("[data-layout-ms]");
      expect(await page.evaluate(() => window.__asbuilt?.layoutWhere)).toBe("main thread");
      expect(await page.$$(".asb-leaf")).not.toHaveLength(0);
    } finally {
      await page.close();
      await served.close();
    }
  }, 60_000);
});

describe("PNG export", () => {
  it("renders the current view to a PNG at twice the screen resolution", async () => {
    const fixture = FIXTURES["status-page"];
    const { serve } = await dataFor(fixture.build(), join(fixture.dir, "architecture.yaml"));
    const ui = await openUi(serve);
    try {
      const [download] = await Promise.all([
        ui.page.waitForEvent("download"),
        ui.page.click('[data-export="png"]'),
      ]);
      const file = join(ARTIFACTS, "ui-status-page.png.export.png");
      await download.saveAs(file);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      const canvas = await ui.page.$eval(".canvas > svg", (el) => [el.clientWidth, el.clientHeight]);
      expect([width, height]).toEqual([Math.round((canvas[0] ?? 0) * 2), Math.round((canvas[1] ?? 0) * 2)]);
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 60_000);
});

const XSS = "<img src=x onerror=alert(1)>";

/** edroplets, with an instance whose Name and a tag value were written by someone hostile. */
function hostileSnapshot(): Snapshot {
  const s = FIXTURES.edroplets.build();
  const instance = s.resources.find((r) => r.type === "AWS::EC2::Instance");
  if (!instance) throw new Error("edroplets has an instance");
  instance.name = XSS;
  instance.tags = { ...instance.tags, Name: XSS, Owner: `"><script>alert(2)</script>` };
  return s;
}

describe("untrusted AWS text", () => {
  it("renders a hostile Name tag as text in the UI: no element made, no script run", async () => {
    const { serve } = await dataFor(hostileSnapshot(), join(FIXTURES.edroplets.dir, "architecture.yaml"));
    const ui = await openUi(serve);
    const { page } = ui;
    try {
      await page.fill('input[type="search"]', "onerror");
      await page.click(".search-results li button");
      await page.waitForSelector("[data-inspecting]");
      await page.waitForTimeout(300);
      expect(await page.$$("img")).toHaveLength(0);
      expect(await page.$$("body script:not([src])")).toHaveLength(0);
      expect(await page.textContent(".inspector .iname")).toBe(XSS);
      expect(await page.textContent(".inspector")).toContain("<script>alert(2)</script>");
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 60_000);

  it("renders it as text in the HTML report too", async () => {
    const { serve } = await dataFor(hostileSnapshot(), join(FIXTURES.edroplets.dir, "architecture.yaml"));
    const html = await renderHtmlReport({
      data: { snapshot: serve.snapshot, report: FindingsReport.parse(JSON.parse(serve.findingsJson)) },
      version: "test",
      generatedAt: FIXTURE_NOW,
    });
    expect(html).not.toContain(XSS);
    expect(html).not.toMatch(/<script/i);
    const file = join(ARTIFACTS, "report-hostile.html");
    writeFileSync(file, html);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("dialog", (d) => {
      problems.push(d.message());
      void d.dismiss();
    });
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) problems.push(`network request: ${r.url()}`);
    });
    try {
      await page.goto(`file://${file}`);
      expect(await page.$$("img")).toHaveLength(0);
      expect(await page.textContent("body")).toContain(XSS.slice(0, 10));
      await page.screenshot({ path: join(ARTIFACTS, "report-hostile.png"), fullPage: false });
      const pdf = await page.pdf({ format: "A4", landscape: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe("exposure on the diagram", () => {
  it("the Exposed toggle highlights every resource the internet reaches, and only those", async () => {
    const fixture = FIXTURES["status-page"];
    const { serve, exposure } = await dataFor(fixture.build(), join(fixture.dir, "architecture.yaml"));
    const exposed = new Set(exposure.reached.map((e) => e.resourceId));
    const ui = await openUi(serve);
    const { page } = ui;
    try {
      expect(await page.$$("[data-copy-of]")).toHaveLength(0);
      const label = await page.textContent("[data-exposed-toggle]");
      expect(label).toBe(`Exposed (${exposed.size})`);
      await page.click("[data-exposed-toggle]");
      await page.waitForSelector("[data-copy-of]");
      expect(await page.getAttribute("[data-exposed-toggle]", "aria-pressed")).toBe("true");
      expect(decodeURIComponent(new URL(page.url()).hash)).toContain("exposed=1");
      const bright = new Set(
        await page.$$eval("[data-copy-of]", (els) => els.map((e) => e.getAttribute("data-copy-of"))),
      );
      // Every exposed resource drawn as a card of its own is bright; the ALB's private targets among them.
      for (const id of exposed) if (await page.$(`[data-id="${id}"]`)) expect(bright.has(id), id).toBe(true);
      const app = exposure.reached.find((e) => e.resourceName === "status-page-app-1")?.resourceId;
      expect(app && bright.has(app)).toBe(true);
      // Nothing the internet does not reach is among them (the internet node and its gateway aside).
      const others = [...bright].filter(
        (id) => id && !exposed.has(id) && id !== "internet" && !id.includes("internet-gateway"),
      );
      expect(others).toEqual([]);
      // The bright copies name their resources (their titles; names are drawn once zoomed in enough).
      const labels = await page.$$eval("[data-copy-of] > title", (els) =>
        els.map((e) => e.textContent ?? ""),
      );
      expect(labels.join(" ")).toContain("status-page-app-1");
      await page.screenshot({ path: join(ARTIFACTS, "ui-exposed.png") });
      await page.click("[data-exposed-toggle]");
      await page.waitForFunction(() => document.querySelectorAll("[data-copy-of]").length === 0);
      expect(ui.problems).toEqual([]);
    } finally {
      await ui.close();
    }
  }, 90_000);
});
