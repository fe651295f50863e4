import { prepareServeData, startServer } from "../src/cli/serve.ts";
import { ensureWebBuilt, launch } from "../test/browser/browser.ts";

// The UI in Debian's Chromium for synthetic accounts: layout time in the worker, time to the first drawn
// diagram (from navigation start: fetch, parse, model, layout, routing, render, paint), and interactions,
// measured from the click to the DOM showing the result: select a finding from the list (selection, zoom,
// highlight, inspector), and toggle a VPC (model, layout, routing, render again). Large accounts open
// collapsed to VPC level, so the toggle opens one; a smaller one closes one.
const [spec, ...files] = process.argv.slice(2);
if (!spec || files.length === 0) throw new Error("usage: browser-one SPEC FILE…");
await ensureWebBuilt();
const browser = await launch();
const out: Record<string, unknown>[] = [];
try {
  for (const file of files) {
    const served = await startServer(await prepareServeData(file, spec), { port: 0, host: "127.0.0.1" });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    try {
      await page.goto(served.url);
      await page.waitForSelector("[data-layout-ms]", { timeout: 300_000 });
      await page.waitForFunction(() => window.__asbuilt?.firstDrawMs !== undefined, undefined, {
        timeout: 300_000,
      });
      const timing = await page.evaluate(() => window.__asbuilt);
      const nodes = await page.$$eval(".asb-node", (els) => els.length);
      const edges = await page.$$eval(".asb-edge", (els) => els.length);
      const finding = page.locator("[data-finding]").first();
      const resource = await finding.getAttribute("data-resource");
      let t = performance.now();
      await finding.click();
      await page.waitForSelector(`[data-inspecting="${resource}"]`);
      const selectMs = performance.now() - t;
      const vpc = await page.getAttribute('[data-kind="vpc"]', "data-id");
      const wasCollapsed = await page.$(`[data-id="${vpc}"].collapsed`);
      t = performance.now();
      await page.dispatchEvent(`[data-toggle="${vpc}"]`, "click");
      await page.waitForSelector(`[data-id="${vpc}"]${wasCollapsed ? ":not(.collapsed)" : ".collapsed"}`, {
        timeout: 120_000,
      });
      const toggleMs = performance.now() - t;
      out.push({
        file,
        ...timing,
        nodes,
        edges,
        selectMs,
        toggleMs,
        toggled: wasCollapsed ? "expand" : "collapse",
      });
    } finally {
      await page.close();
      await served.close();
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify(out)}\n`);
