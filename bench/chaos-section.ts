// docs/benchmarks.md's section on the scan under faults, from what chaos-one.ts measured: one module so
// that bench/run.ts and a run of chaos-one.ts alone write the same text.

export interface ScanFigures {
  seconds: number;
  /** SDK commands sent (a retried call counts once). */
  calls: number;
  /** HTTP requests sent, retries included. */
  attempts: number;
  resources: number;
  gaps: number;
  /** The tasks that finished last, "s3 999900001111/global" at so many seconds. */
  slowest: { task: string; seconds: number }[];
}

export interface ChaosRun extends ScanFigures {
  mode: "adaptive" | "standard";
  /** Faults injected, by kind over every service. */
  injected: Record<string, number>;
  gapList: string[];
  missingResources: number;
  unexplained: string[];
}

export interface ChaosReport {
  expected: number;
  rates: Record<string, number | undefined>;
  seed: string;
  clean: ScanFigures;
  faulted: ChaosRun[];
  /** The 1-minute load average when the runs started and ended: the machine is shared. */
  load: [number, number];
}

const n = (x: number) => x.toLocaleString("en");
const percent = (x: number | undefined) => `${((x ?? 0) * 100).toFixed(0)}%`;

/** The Targets table's row: every difference under faults is a named coverage gap. */
export function chaosTarget(c: ChaosReport): string {
  const runs = c.faulted.map(
    (f) =>
      `${f.mode}: ${n(f.resources)} of ${n(c.clean.resources)} resources, ${n(f.gaps)} coverage gaps, ${n(f.unexplained.length)} differences no gap names`,
  );
  const met = c.faulted.every((f) => f.unexplained.length === 0);
  return `| scan at ${percent(c.rates.throttle)} throttling, ${percent(c.rates.reset)} resets, ${percent(c.rates.timeout)} timeouts: every difference a named coverage gap | ${runs.join("; ")} | ${met ? "**met**" : "**missed**"} |`;
}

export function chaosSection(c: ChaosReport, latencyMs: number): string {
  const row = (label: string, mode: string, f: ScanFigures, faults: string, unexplained: string) =>
    `| ${label} | ${mode} | ${f.seconds.toFixed(1)} s (${(f.seconds / c.clean.seconds).toFixed(1)}×) | ${n(f.calls)} | ${n(f.attempts)} | ${faults} | ${n(f.resources)} | ${n(f.gaps)} | ${unexplained} | ${f.slowest.map((s) => `${s.task} ${s.seconds.toFixed(0)} s`).join(", ")} |`;
  const faults = (f: ChaosRun) =>
    Object.entries(f.injected)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, count]) => `${n(count)} ${kind}`)
      .join(", ");
  const rows = [
    row("without faults", "adaptive", c.clean, "—", "—"),
    ...c.faulted.map((f) => row("with faults", f.mode, f, faults(f), n(f.unexplained.length))),
  ];
  const unexplained = c.faulted.flatMap((f) => f.unexplained.slice(0, 5).map((u) => `- ${f.mode}: ${u}`));
  const gaps = c.faulted.flatMap((f) => f.gapList.slice(0, 5).map((g) => `- ${f.mode}: ${g}`));
  return `## Scan under faults: seeded chaos, ${latencyMs} ms per request

The scan above (${n(c.expected)} resources in 4 regions) through an endpoint whose every service answers
${percent(c.rates.throttle)} of requests with its throttling error, resets ${percent(c.rates.reset)} of connections and holds
${percent(c.rates.timeout)} of answers (before their headers or halfway through their body) longer than the client waits.
Seed ${c.seed}: each request's fault is a hash of the seed, the request and its attempt, so the same requests are
faulted in every run. The collector's own settings: 8 attempts, a 30 s request timeout that also bounds a body's
silence, the SDK's adaptive retry; standard retry for comparison. Every scan is warm (a first, unmeasured one loads
the SDK) and each row is one run, the faulted ones taking minutes. Each faulted snapshot is compared with the one
without faults by test/collector/gaps.ts: a resource may be missing only where its service × region is a coverage gap.

| scan | retry mode | wall time (vs without faults) | SDK calls | HTTP requests | faults injected | resources | coverage gaps | differences no gap names | last tasks to finish |
|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}
${unexplained.length > 0 ? `\nDifferences no coverage gap names:\n${unexplained.join("\n")}\n` : ""}${gaps.length > 0 ? `\nCoverage gaps:\n${gaps.join("\n")}\n` : ""}
Every stalled answer costs the 30 s timeout before its retry, so a task with one stall takes at least 30 s
and the scan's wall time is set by its longest chain of stalls. Throttling costs more in adaptive mode: the SDK
lowers each client's sending rate after every throttling error, and this endpoint throttles at the same rate
however slowly it is called, so a client that makes hundreds of calls (S3's, six per bucket) ends near the
limiter's floor of one call every two seconds. Real AWS throttles by rate, where slowing down is what stops
the errors; standard mode only backs off each retried call. AWS's SDK guide recommends standard mode for all
workloads and adaptive only for a client that reads a single resource, since it slows everything one client
reads for the throttling of any of it (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html);
asbuilt's clients each read many buckets or APIs. The machine's load average (1 minute) was
${c.load.map((l) => l.toFixed(1)).join(" and ")} at the start and end of these runs: the scan without faults is CPU-bound (see above), the faulted ones
are bound by timeouts and back-off.
`;
}
