import { type ChildProcess, fork } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { type ScanResult, scan } from "../src/collector/scan.ts";
import { loadSnapshot } from "../src/model/io.ts";
import { accessKeyFor } from "../test/aws-endpoint/server.ts";
import type { ChaosFault } from "../test/aws-endpoint/types.ts";
import { compareWithGaps } from "../test/collector/gaps.ts";
import type { ChaosReport, ChaosRun } from "./chaos-section.ts";

// A scan of a synthetic account through the loopback endpoint at the given latency, without faults and
// then with seeded chaos at the given rates for every service, once per retry mode named, each with the
// collector's other settings (8 attempts, its default timeouts): how many calls and how much time the
// faults cost, and whether every resource they cost is a named coverage gap. A first, unmeasured scan
// loads the SDK's modules, so that every measured scan is warm.
const [file, latencyText = "50", ratesJson = "{}", seed = "1", modesText = "adaptive"] =
  process.argv.slice(2);
if (!file) throw new Error("usage: chaos-one FILE [LATENCY_MS] [RATES_JSON] [SEED] [adaptive,standard]");
const fixture = await loadSnapshot(file);
const chaos: ChaosFault = { kind: "chaos", seed, rates: JSON.parse(ratesJson) as ChaosFault["rates"] };
const modes = modesText.split(",").map((m) => {
  if (m !== "adaptive" && m !== "standard") throw new Error(`unknown retry mode ${m}`);
  return m;
});

interface EndpointReport {
  calls: Record<string, number>;
  injected: Record<string, number>;
}

async function withEndpoint<T>(
  faults: ChaosFault[],
  run: (url: string) => Promise<T>,
): Promise<T & { endpoint: EndpointReport }> {
  const child: ChildProcess = fork(fileURLToPath(new URL("../bin/run-ts.js", import.meta.url)), [
    fileURLToPath(new URL("./endpoint-child.ts", import.meta.url)),
    file as string,
    latencyText,
    JSON.stringify(faults),
  ]);
  try {
    const url = await new Promise<string>((ok) => child.once("message", (m: { url: string }) => ok(m.url)));
    const out = await run(url);
    const endpoint = await new Promise<EndpointReport>((ok) => {
      child.once("message", (m: EndpointReport) => ok(m));
      child.send("report");
    });
    return { ...out, endpoint };
  } finally {
    child.kill();
  }
}

const regions = fixture.scope.regions.filter((r) => r !== "global");
/** When each task finished (seconds from the scan's start), for the slowest ones. */
let finished: { task: string; seconds: number }[] = [];
const scanAt = (url: string, retryMode: "adaptive" | "standard") => {
  const t0 = performance.now();
  finished = [];
  return scan({
    targets: fixture.scope.accounts.map((account) => ({
      account,
      regions,
      credentials: { accessKeyId: accessKeyFor(account), secretAccessKey: "loopback" },
    })),
    endpoint: url,
    concurrency: 16,
    retryMode,
    onTaskDone: (_done, _total, task) => finished.push({ task, seconds: (performance.now() - t0) / 1000 }),
  });
};
const measured = async (url: string, retryMode: "adaptive" | "standard") => {
  const t0 = performance.now();
  const result = await scanAt(url, retryMode);
  const slowest = [...finished].sort((a, b) => b.seconds - a.seconds).slice(0, 3);
  return { result, seconds: (performance.now() - t0) / 1000, slowest };
};
const summary = (r: { result: ScanResult; seconds: number; slowest: typeof finished }) => ({
  seconds: r.seconds,
  calls: r.result.log.calls,
  attempts: r.result.log.attempts,
  resources: r.result.snapshot.resources.length,
  gaps: r.result.snapshot.coverage.filter((c) => c.status !== "scanned").length,
  slowest: r.slowest,
});

const loadAtStart = loadavg()[0] ?? Number.NaN;
const clean = await withEndpoint([], async (url) => {
  await scanAt(url, "adaptive");
  return measured(url, "adaptive");
});
const faulted: ChaosRun[] = [];
for (const mode of modes) {
  const r = await withEndpoint([chaos], (url) => measured(url, mode));
  const diff = compareWithGaps(clean.result.snapshot, r.result.snapshot);
  // By kind over every service: "throttle" 385, "reset" 52…
  const injected: Record<string, number> = {};
  for (const [k, n] of Object.entries(r.endpoint.injected)) {
    const kind = k.split(":")[1] ?? k;
    injected[kind] = (injected[kind] ?? 0) + n;
  }
  faulted.push({
    mode,
    ...summary(r),
    injected,
    gapList: diff.gaps,
    missingResources: diff.missingResources,
    unexplained: diff.unexplained,
  });
}
const report: ChaosReport = {
  expected: fixture.resources.length,
  rates: chaos.rates,
  seed,
  clean: summary(clean),
  faulted,
  load: [loadAtStart, loadavg()[0] ?? Number.NaN],
};
process.stdout.write(`${JSON.stringify(report)}\n`);
