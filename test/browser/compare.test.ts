import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_NOW } from "../../fixtures/golden.ts";
import { prepareCompareData, startServer } from "../../src/cli/serve.ts";
import { serializeSnapshot } from "../../src/model/io.ts";
import { FindingsReport } from "../../src/rules/finding.ts";
import { COURSEDOG, COURSEDOG_SPEC, coursedogAWeekLater } from "../diff-story.ts";
import { asbuilt } from "../run-cli.ts";
import { tempDir } from "../tmp.ts";
import { ARTIFACTS, ensureWebBuilt, launch } from "./browser.ts";

// `asbuilt serve NEW --compare OLD` in Debian's Chromium, on coursedog a week later (test/diff-story.ts):
// added resources marked +, the removed hotfix server ghosted at its place, changed ones marked ~, and the
// "changes only" filter. The screenshots land in test/artifacts/.

let browser: Browser;
const dir = tempDir("asbuilt-compare-");
const later = join(dir, "later.json");

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(later, serializeSnapshot(coursedogAWeekLater()));
  await ensureWebBuilt();
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe("serve --compare", () => {
  it("marks added, removed (ghosted in its subnet) and changed resources, and filters to the changes", async () => {
    const data = await prepareCompareData(later, COURSEDOG, COURSEDOG_SPEC, FIXTURE_NOW);
    const report = FindingsReport.parse(JSON.parse(data.findingsJson));
    const diff = report.view?.diff;
    expect(diff?.removed.length).toBe(3);
    // Findings are the new snapshot's: none is about the removed server.
    expect(report.findings.some((f) => diff?.removed.includes(f.resourceId))).toBe(false);
    const served = await startServer(data, { port: 0, host: "127.0.0.1" });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    try {
      await page.goto(served.url);
      await page.waitForSelector("[data-layout-ms]", { timeout: 30_000 });
      const marks = () =>
        page.$$eval("[data-change]", (els) =>
          els.map(
            (e) =>
              `${e.getAttribute("data-change")} ${e.getAttribute("data-id") ?? e.getAttribute("data-edge")}`,
          ),
        );
      const all = await marks();
      const hotfix = "arn:aws:ec2:us-east-2:123456789012:instance/i-dde82dbffa3ba8b46";
      expect(all).toContain(`removed ${hotfix}`);
      expect(all).toContain("added arn:aws:s3:::coursedog-exports");
      expect(all).toContain("changed arn:aws:s3:::coursedog-artifacts");
      // The security group and route table are drawn on their VPC: it says something in it changed.
      expect(all).toContain("changed arn:aws:ec2:us-east-2:123456789012:vpc/vpc-bd239f820428842be");
      // The ghost sits where the server was: in its subnet.
      const ghostIn = await page.$eval(`[data-id="${hotfix}"]`, (e) =>
        e.parentElement?.closest("[data-kind='subnet']")?.getAttribute("data-id"),
      );
      expect(ghostIn).toBe("arn:aws:ec2:us-east-2:123456789012:subnet/subnet-3ee65626c1327e42c");
      expect(await page.textContent("[data-summary='changes']")).toContain("+5 −3 ~4");
      await page.screenshot({ path: join(ARTIFACTS, "compare-coursedog.png") });

      await page.click(`[data-id="${hotfix}"]`);
      await page.waitForSelector("[data-change-note='removed']");

      const before = await page.$$eval(".asb-leaf", (els) => els.length);
      await page.check("[data-filter='changes']");
      await page.waitForFunction((n) => document.querySelectorAll(".asb-leaf").length < n, before, {
        timeout: 15_000,
      });
      const leaves = await page.$$eval(".asb-leaf", (els) =>
        els.map((e) => `${e.getAttribute("data-change") ?? "-"} ${e.getAttribute("data-id")}`),
      );
      // Only what changed is left (and the internet node every diagram has).
      expect(leaves.filter((l) => !l.startsWith("-") || l.endsWith("internet")).length).toBe(leaves.length);
      expect(leaves.length).toBeGreaterThanOrEqual(3);
      expect(page.url()).toContain("changes=1");
      await page.screenshot({ path: join(ARTIFACTS, "compare-coursedog-changes-only.png") });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await served.close();
    }
  }, 120_000);

  it("report --compare: the review lists the changes and marks them on the diagram", () => {
    const out = join(dir, "review.html");
    const r = asbuilt("report", later, "--spec", COURSEDOG_SPEC, "--compare", COURSEDOG, "-o", out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("5 added, 3 removed, 4 changed");
    const html = readFileSync(out, "utf8");
    expect(html).toContain("data-changes");
    expect(html).toContain('data-legend="changes"');
    expect(html).toContain('data-change="removed"');
    expect(html).toContain('data-change="added"');
    // The markup in a tag value is text.
    expect(html).toContain("tags.Team: + &lt;b&gt;ops|data&lt;/b&gt; (tag added)");
    expect(html).not.toContain("<b>ops");
  }, 60_000);
});
