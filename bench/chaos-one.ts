import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type ScanResult, scan } from "../src/collector/scan.ts";
import { loadSnapshot } from "../src/model/io.ts";
import { accessKeyFor } from "../test/aws-endpoint/server.ts";
import type { ChaosFault } from "../test/aws-endpoint/types.ts";
import { compareWithGaps } from "../test/collector/gaps.ts";

// A scan of a synthetic account through the loopback endpoint at the given latency, without faults and
// then with seeded chaos at the given rates for every service, both with the collector's own settings
// (adaptive retry, 8 attempts, its default timeouts): how many calls and how much time the faults cost,
// and whether every resource the faults cost is a named coverage gap. A first, unmeasured scan loads the
// SDK's modules, so that both measured scans are warm.
const [file, latencyText = "50", ratesJson = "{}", seed = "1"] = process.argv.slice(2);
if (!file) throw new Error("usage: chaos-one FILE [LATENCY_MS] [RATES_JSON] [SEED]");
const fixture = await loadSnapshot(file);
const chaos: ChaosFault = { kind: "chaos", seed, rates: JSON.parse(ratesJson) as ChaosFault["rates"] };

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
const scanAt = (url: string) =>
  scan({
    targets: fixture.scope.accounts.map((account) => ({
      account,
      regions,
      credentials: { accessKeyId: accessKeyFor(account), secretAccessKey: "loopback" },
    })),
    endpoint: url,
    concurrency: 16,
  });
const measured = async (url: string): Promise<{ result: ScanResult; seconds: number }> => {
  const t0 = performance.now();
  const result = await scanAt(url);
  return { result, seconds: (performance.now() - t0) / 1000 };
};

const clean = await withEndpoint([], async (url) => {
  await scanAt(url);
  return measured(url);
});
const faulted = await withEndpoint([chaos], measured);
const diff = compareWithGaps(clean.result.snapshot, faulted.result.snapshot);
const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const injected: Record<string, number> = {};
for (const [k, n] of Object.entries(faulted.endpoint.injected)) {
  const kind = k.split(":")[1] ?? k;
  injected[kind] = (injected[kind] ?? 0) + n;
}
const summary = (r: { result: ScanResult; seconds: number }) => ({
  seconds: r.seconds,
  calls: r.result.log.calls,
  attempts: r.result.log.attempts,
  resources: r.result.snapshot.resources.length,
  gaps: r.result.snapshot.coverage.filter((c) => c.status !== "scanned").length,
});
process.stdout.write(
  `${JSON.stringify({
    expected: fixture.resources.length,
    rates: chaos.rates,
    seed,
    clean: { ...summary(clean), requests: sum(clean.endpoint.calls) },
    faulted: { ...summary(faulted), requests: sum(faulted.endpoint.calls) },
    injected,
    gaps: diff.gaps,
    missingResources: diff.missingResources,
    unexplained: diff.unexplained,
  })}\n`,
);
