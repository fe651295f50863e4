import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { scan } from "../src/collector/scan.ts";
import { SERVICES } from "../src/collector/services.ts";
import { loadSnapshot } from "../src/model/io.ts";
import { accessKeyFor } from "../test/aws-endpoint/server.ts";

// A scan of a synthetic account through the loopback AWS endpoint (ASBUILT_BENCH_WARM=1: measure a second
// scan in the same process, after the SDK's modules are loaded; its floor figures are then not meaningful) with added latency per request, and
// its floor: the longest chain of calls that ran one after another within one service task
// (account × region × service), or the total of those chains spread over the collector's task
// concurrency, whichever is larger, times the latency.
const [file, latencyText = "50"] = process.argv.slice(2);
if (!file) throw new Error("usage: scan-one FILE [LATENCY_MS]");
const latency = Number(latencyText);
const fixture = await loadSnapshot(file);
const child = fork(fileURLToPath(new URL("../bin/run-ts.js", import.meta.url)), [
  fileURLToPath(new URL("./endpoint-child.ts", import.meta.url)),
  file,
  String(latency),
]);
type Timeline = { key: string; account: string; region: string; start: number; end: number }[];
const url = await new Promise<string>((ok) => child.once("message", (m: { url: string }) => ok(m.url)));
const report = () =>
  new Promise<{ timeline: Timeline; calls: Record<string, number>; cpuMs: number }>((ok) => {
    child.once("message", (m: { timeline: Timeline; calls: Record<string, number>; cpuMs: number }) => ok(m));
    child.send("report");
  });
const CONCURRENCY = 16;
/** Signing names that differ from the module name. */
const SIGNING: Record<string, string> = { elasticloadbalancing: "elbv2" };
try {
  const regions = fixture.scope.regions.filter((r) => r !== "global");
  const scanOnce = () =>
    scan({
      targets: fixture.scope.accounts.map((account) => ({
        account,
        regions,
        credentials: { accessKeyId: accessKeyFor(account), secretAccessKey: "loopback" },
      })),
      endpoint: url,
      concurrency: CONCURRENCY,
    });
  if (process.env.ASBUILT_BENCH_WARM) {
    const w = performance.now();
    await scanOnce();
    // The calls of the warm-up are not the measured scan's: the floor is computed from a cold run.
    process.stderr.write(`warm-up scan: ${((performance.now() - w) / 1000).toFixed(2)} s\n`);
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage().user;
  const result = await scanOnce();
  const seconds = (performance.now() - t0) / 1000;
  const endpoint = await report();

  // The floor of each task (one module × account × region; global modules once per account): its calls
  // that had to wait for one another (the most that ran strictly one after another), or all its calls
  // spread over the module's own concurrency, whichever is larger. The scan's floor: the slowest task,
  // or all tasks' floors spread over the scan's task concurrency, whichever is larger.
  const moduleOf = (signing: string) => SERVICES.find((m) => m.service === (SIGNING[signing] ?? signing));
  const tasks = new Map<string, { calls: { start: number; end: number }[]; concurrency: number }>();
  for (const c of endpoint.timeline) {
    const m = moduleOf(c.key.split(":")[0] ?? "");
    const k = `${c.account}/${m?.global ? "global" : c.region}/${m?.service ?? c.key}`;
    const t = tasks.get(k) ?? { calls: [], concurrency: m?.concurrency ?? 1 };
    t.calls.push(c);
    tasks.set(k, t);
  }
  let longest = 0;
  let longestTask = "";
  let total = 0;
  for (const [k, t] of tasks) {
    // A task with per-resource calls: one wave of list pages, then its calls spread over its concurrency.
    // A task without: its calls that ran strictly one after another (its pages follow one another).
    let waves = Math.ceil(t.calls.length / t.concurrency) + 1;
    if (t.concurrency === 1) {
      t.calls.sort((a, b) => a.end - b.end);
      let last = Number.NEGATIVE_INFINITY;
      waves = 0;
      for (const c of t.calls)
        if (c.start >= last - 1) {
          waves++;
          last = c.end;
        }
    }
    // ASBUILT_BENCH_DEBUG=1: each task's calls, waves, first start and last end (ms), to see what waits on what.
    if (process.env.ASBUILT_BENCH_DEBUG)
      console.error(
        k,
        t.calls.length,
        waves,
        Math.round(Math.min(...t.calls.map((c) => c.start))),
        Math.round(Math.max(...t.calls.map((c) => c.end))),
      );
    total += waves;
    if (waves > longest) {
      longest = waves;
      longestTask = k;
    }
  }
  const floorSeconds = (Math.max(longest, Math.ceil(total / CONCURRENCY)) * latency) / 1000;
  const byOperation = Object.fromEntries(Object.entries(endpoint.calls).sort((a, b) => b[1] - a[1]));
  process.stdout.write(
    `${JSON.stringify({
      seconds,
      calls: result.log.calls,
      resources: result.snapshot.resources.length,
      expected: fixture.resources.length,
      gaps: result.snapshot.coverage.filter((c) => c.status !== "scanned").length,
      floorSeconds,
      longestChain: longest,
      longestTask,
      waves: total,
      byOperation,
      rssMiB: process.resourceUsage().maxRSS / 1024,
      collectorCpuSeconds: (process.cpuUsage().user - cpu0) / 1e6,
      endpointCpuSeconds: endpoint.cpuMs / 1000,
    })}\n`,
  );
} finally {
  child.kill();
}
