import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../../fixtures/index.ts";
import { synthetic } from "../../fixtures/synthetic.ts";
import { discoverTargets } from "../../src/collector/accounts.ts";
import { type ScanResult, scan } from "../../src/collector/scan.ts";
import { serializeSnapshot } from "../../src/model/io.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { accessKeyFor, startEndpoint } from "../aws-endpoint/server.ts";
import { stsHandler } from "../aws-endpoint/services/identity.ts";
import { ALL_HANDLERS } from "../aws-endpoint/services/index.ts";
import type { ChaosFault } from "../aws-endpoint/types.ts";
import { compareWithGaps } from "./gaps.ts";

// The collector against a loopback AWS that misbehaves at random (seeded): whatever the faults, the
// snapshot equals the one scanned without them, or every difference is a coverage gap that names the
// service, region and error; never a silently missing resource, never a crash, never a hang.

/**
 * For scans with stalled answers: far shorter than any stall, long enough that a loaded machine seldom
 * times out a healthy call (and a retry covers it when it does). Scans without stalls keep the defaults.
 */
const TIMEOUTS = { connectionTimeout: 2_000, requestTimeout: 2_000 };
/** A stall no client waits out: only the client's own timeout can end the call. */
const STALL_MS = 600_000;

async function scanThrough(
  fixture: Snapshot,
  chaos: ChaosFault | undefined,
  attempts: number,
): Promise<{ result: ScanResult; injected: Map<string, number> }> {
  const endpoint = await startEndpoint({
    snapshot: fixture,
    services: [...ALL_HANDLERS],
    faults: chaos ? [chaos] : [],
    maxPageSize: 5,
  });
  try {
    const regions = [...new Set(fixture.resources.map((r) => r.region).filter((r) => r !== "global"))];
    const result = await scan({
      targets: fixture.scope.accounts.map((account) => ({
        account,
        regions,
        credentials: { accessKeyId: accessKeyFor(account), secretAccessKey: "loopback" },
      })),
      endpoint: endpoint.url,
      retryStrategy: new ConfiguredRetryStrategy(attempts, () => 0),
      ...(chaos?.rates.timeout ? { timeouts: TIMEOUTS } : {}),
    });
    return { result, injected: endpoint.injected };
  } finally {
    await endpoint.close();
  }
}

/** The snapshot as written to a file (sorted), without its time. */
const canonical = (s: Snapshot): unknown => JSON.parse(serializeSnapshot({ ...s, scannedAt: "" }));

const gapsOf = (s: Snapshot) => s.coverage.filter((c) => c.status !== "scanned");

/** The errors the faults produce once retries run out: a fault by name, never a TypeError from our code. */
const FAULT_ERROR =
  /^(RequestLimitExceeded|Throttling|ThrottlingException|TooManyRequestsException|SlowDown|InternalError|ServiceUnavailable|TimeoutError|ECONNRESET): /;

describe("a scan through a loopback AWS with faults", () => {
  const coursedog = FIXTURES.coursedog.build();
  let coursedogReference: Promise<Snapshot> | undefined;
  /** The fault-free scan of coursedog, once for every test that compares with it. */
  const reference = () => {
    coursedogReference ??= scanThrough(coursedog, undefined, 1).then((r) => r.result.snapshot);
    return coursedogReference;
  };

  it.each([
    { name: "throttling", kind: "throttle", error: /^(Throttling|ThrottlingException): Rate exceeded/ },
    { name: "a 5xx", kind: "server-error", error: /^(InternalError|ServiceUnavailable): / },
    {
      name: "a reset",
      kind: "reset",
      error: /^ECONNRESET: the connection closed before the answer was complete/,
    },
    {
      name: "a truncated body",
      kind: "truncate",
      error: /^ECONNRESET: the connection closed before the answer was complete \(aborted\)/,
    },
    {
      name: "an answer stalled before its headers",
      kind: "timeout",
      stallAt: "headers",
      error: /^TimeoutError: .*exceeded the configured 2000 ms requestTimeout/,
    },
    {
      name: "an answer stalled halfway through its body",
      kind: "timeout",
      stallAt: "body",
      error: /^TimeoutError: .*timed out after 2000 ms of inactivity/,
    },
  ] as const)(
    "$name on every call of one service: that service is a named gap, the rest is whole",
    async (c) => {
      const { result } = await scanThrough(
        coursedog,
        {
          kind: "chaos",
          seed: 1,
          service: "elasticache",
          rates: { [c.kind]: 1 },
          stallMs: STALL_MS,
          ...("stallAt" in c ? { stallAt: c.stallAt } : {}),
        },
        3,
      );
      const gaps = gapsOf(result.snapshot);
      expect(gaps.map((g) => `${g.service} ${g.region} ${g.status}`)).toEqual([
        "elasticache us-east-2 failed",
      ]);
      expect(gaps[0]?.error).toMatch(c.error);
      expect(gaps[0]?.error).toMatch(/\(after 3 attempts\)$/);
      const diff = compareWithGaps(await reference(), result.snapshot);
      expect(diff.unexplained).toEqual([]);
      expect(diff.missingResources).toBe(
        coursedog.resources.filter((r) => r.type.startsWith("AWS::ElastiCache::")).length,
      );
    },
  );

  it("recovers every resource when retries outlast the faults: the snapshot equals the fault-free one", async () => {
    const fixture = FIXTURES["status-page"].build();
    const reference = await scanThrough(fixture, undefined, 1);
    expect(gapsOf(reference.result.snapshot)).toEqual([]);
    const chaos = await scanThrough(
      fixture,
      {
        kind: "chaos",
        seed: "recovers",
        rates: { throttle: 0.2, "server-error": 0.05, reset: 0.05, truncate: 0.05, timeout: 0.01 },
        stallMs: STALL_MS,
      },
      8,
    );
    // Every kind of fault really happened.
    const kinds = new Set([...chaos.injected.keys()].map((k) => k.split(":")[1]));
    expect([...kinds].sort()).toEqual(["reset", "server-error", "throttle", "timeout", "truncate"]);
    expect(canonical(chaos.result.snapshot)).toEqual(canonical(reference.result.snapshot));
    expect(chaos.result.log.attempts).toBeGreaterThan(reference.result.log.attempts);
  });

  it("names every difference as a coverage gap when retries run out", async () => {
    const fixture = synthetic({ resources: 600, regions: ["us-east-2", "eu-west-1"] });
    const reference = await scanThrough(fixture, undefined, 1);
    expect(gapsOf(reference.result.snapshot)).toEqual([]);
    const { result } = await scanThrough(
      fixture,
      {
        kind: "chaos",
        seed: "runs out",
        rates: { throttle: 0.3, "server-error": 0.1, reset: 0.1, truncate: 0.1 },
      },
      2,
    );
    const diff = compareWithGaps(reference.result.snapshot, result.snapshot);
    expect(diff.unexplained).toEqual([]);
    // Not a vacuous pass: faults did cost resources, and each gap says which fault.
    expect(diff.missingResources).toBeGreaterThan(0);
    expect(diff.gaps.length).toBeGreaterThan(0);
    for (const g of gapsOf(result.snapshot)) expect(g.error).toMatch(FAULT_ERROR);
    // And some tasks came through whole.
    expect(result.snapshot.resources.length).toBeGreaterThan(0);
  });

  it("faults the same requests for the same seed", async () => {
    const chaos: ChaosFault = {
      kind: "chaos",
      seed: 42,
      rates: { throttle: 0.2, "server-error": 0.05, reset: 0.05, truncate: 0.05 },
    };
    const a = await scanThrough(coursedog, chaos, 8);
    const b = await scanThrough(coursedog, chaos, 8);
    expect(a.injected.size).toBeGreaterThan(0);
    expect(b.injected).toEqual(a.injected);
    expect(b.result.log.attempts).toBe(a.result.log.attempts);
  });

  it.each(["headers", "body"] as const)(
    "ends account discovery whose STS answer stalls at its %s with an error that says so",
    async (stallAt) => {
      const endpoint = await startEndpoint({
        snapshot: coursedog,
        services: [stsHandler],
        faults: [
          { kind: "chaos", seed: 1, service: "sts", rates: { timeout: 1 }, stallAt, stallMs: STALL_MS },
        ],
      });
      try {
        const found = discoverTargets({
          regions: ["us-east-2"],
          endpoint: endpoint.url,
          homeRegion: "us-east-2",
          credentials: { accessKeyId: accessKeyFor("123456789012"), secretAccessKey: "loopback" },
          timeouts: TIMEOUTS,
        });
        await expect(found).rejects.toThrow(/^cannot identify the AWS account \(TimeoutError: /);
      } finally {
        await endpoint.close();
      }
    },
  );
});
