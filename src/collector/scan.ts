import type { RetryStrategyV2 } from "@smithy/types";
import pLimit from "p-limit";
import type { Coverage, Edge, Resource, Snapshot } from "../model/snapshot.ts";
import { assembleSnapshot } from "./assemble.ts";
import { CallLog, clientFactory, countingHttpHandler, type HttpTimeouts } from "./clients.ts";
import { classifyError } from "./errors.ts";
import { SERVICES } from "./services.ts";
import type { ClientSettings, FetchContext, ServiceModule } from "./types.ts";

// The SDK warns that its releases after January 2027 will need Node 22; the versions asbuilt pins run
// on Node 20, so the warning would only alarm users about something that does not apply to them.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** One account to scan, with the credentials that reach it. */
export interface AccountTarget {
  account: string;
  credentials?: ClientSettings["credentials"];
  /** Regions enabled in this account (from DescribeRegions), or the regions the user named. */
  regions: string[];
}

export interface ScanOptions {
  targets: AccountTarget[];
  /** Service names to scan (default: all). */
  services?: string[];
  endpoint?: string;
  /** Service × region × account tasks in flight at once. */
  concurrency?: number;
  maxAttempts?: number;
  /**
   * The SDK's retry mode (default adaptive: it also slows a client down after throttling). Benchmarks
   * compare it with standard, which only backs off each retried call.
   */
  retryMode?: "standard" | "adaptive";
  /** Tests replace the SDK's adaptive retry with a zero-delay one. */
  retryStrategy?: RetryStrategyV2;
  /** The HTTP handler's timeouts (default DEFAULT_TIMEOUTS); tests shorten them. */
  timeouts?: HttpTimeouts;
  /** Coverage entries found before the scan (accounts that could not be assumed). */
  coverage?: Coverage[];
  onTaskDone?: (done: number, total: number, label: string) => void;
  now?: () => Date;
}

export interface ScanResult {
  snapshot: Snapshot;
  log: CallLog;
  seconds: number;
  /** Edges whose other end was not scanned (a denied service, another account), left out. */
  droppedEdges: number;
}

/** Scans accounts × regions × services with bounded concurrency; failures become coverage, never a crash. */
export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const log = new CallLog();
  const http = countingHttpHandler(log, opts.timeouts);
  const modules = selectServices(opts.services);
  const limit = pLimit(opts.concurrency ?? 16);
  const resources: Resource[] = [];
  const edges: Edge[] = [];
  const coverage: Coverage[] = [...(opts.coverage ?? [])];

  interface Task {
    target: AccountTarget;
    module: ServiceModule<unknown>;
    apiRegion: string;
    region: string;
  }
  const tasks: Task[] = [];
  for (const target of opts.targets) {
    for (const module of modules) {
      if (module.global) tasks.push({ target, module, apiRegion: "us-east-1", region: "global" });
      else for (const region of target.regions) tasks.push({ target, module, apiRegion: region, region });
    }
  }
  // Longest first: tasks with per-resource calls (S3's six per bucket, ELBv2's per load balancer…) are
  // the scan's critical path, so they start before the one-page tasks that can fill the gaps. Global
  // tasks first among those: one task carries a whole account's buckets. Measured in docs/benchmarks.md:
  // S3 queued behind 40 short tasks started 0.9 s late in a 10k-resource scan at 50 ms latency.
  const weight = (t: Task) => (t.module.concurrency ?? 1) * (t.module.global ? 4 : 1);
  tasks.sort((a, b) => weight(b) - weight(a));

  let done = 0;
  await Promise.all(
    tasks.map((t) =>
      limit(async () => {
        const settings: ClientSettings = {
          region: t.apiRegion,
          ...(t.target.credentials ? { credentials: t.target.credentials } : {}),
          ...(opts.endpoint ? { endpoint: opts.endpoint, forcePathStyle: true } : {}),
          ...(opts.retryStrategy
            ? { retryStrategy: opts.retryStrategy }
            : { retryMode: opts.retryMode ?? "adaptive", maxAttempts: opts.maxAttempts ?? 8 }),
        };
        const clients: { destroy(): void }[] = [];
        const make = clientFactory(settings, log, http.handler);
        const ctx: FetchContext = {
          account: t.target.account,
          region: t.apiRegion,
          settings,
          client: (ctor) => {
            const c = make(ctor);
            clients.push(c);
            return c;
          },
        };
        try {
          const raw = await t.module.fetch(ctx);
          const out = t.module.normalize(raw, { account: t.target.account, region: t.region });
          resources.push(...out.resources);
          edges.push(...out.edges);
          coverage.push({
            account: t.target.account,
            region: t.region,
            service: t.module.service,
            status: "scanned",
          });
        } catch (err) {
          coverage.push({
            account: t.target.account,
            region: t.region,
            service: t.module.service,
            ...classifyError(err),
          });
        } finally {
          for (const c of clients) c.destroy();
          done++;
          opts.onTaskDone?.(done, tasks.length, `${t.module.service} ${t.target.account}/${t.region}`);
        }
      }),
    ),
  );
  http.close();

  const { snapshot, droppedEdges } = assembleSnapshot({
    resources,
    edges,
    coverage,
    accounts: opts.targets.map((t) => t.account),
    regions: opts.targets.flatMap((t) => t.regions),
    source: "scan",
    scannedAt: opts.now?.() ?? new Date(),
  });
  return { snapshot, log, seconds: (performance.now() - started) / 1000, droppedEdges };
}

export function selectServices(names: string[] | undefined): ServiceModule<unknown>[] {
  if (!names || names.length === 0) return [...SERVICES];
  return SERVICES.filter((m) => names.includes(m.service));
}
