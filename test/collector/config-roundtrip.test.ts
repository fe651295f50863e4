import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { describe, expect, it } from "vitest";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { scanConfig } from "../../src/collector/config/scan.ts";
import { loadSnapshot, serializeSnapshot, validateSnapshot } from "../../src/model/io.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { accessKeyFor, startEndpoint } from "../aws-endpoint/server.ts";
import { configComparable, configHandler, LOOPBACK_AGGREGATOR } from "../aws-endpoint/services/config.ts";
import { organizationsHandler, stsHandler } from "../aws-endpoint/services/identity.ts";
import { LAMBDA_ENV_SECRET } from "../aws-endpoint/services/lambda.ts";
import type { Fault } from "../aws-endpoint/types.ts";

// Every fixture served as AWS Config would record it (configuration items built from the other loopback
// handlers' SDK-shaped answers, camelCased the way Config writes them) and scanned back with
// `scan --source config`'s code: the snapshot must equal the fixture on everything AWS Config records.

const canonical = (s: Snapshot) => JSON.parse(serializeSnapshot(s)) as Snapshot;

async function configRoundTrip(
  fixture: Snapshot,
  opts: { aggregator?: string; faults?: Fault[]; maxPageSize?: number; regions?: string[] } = {},
) {
  const endpoint = await startEndpoint({
    snapshot: fixture,
    services: [configHandler],
    faults: opts.faults ?? [],
    maxPageSize: opts.maxPageSize ?? 7,
  });
  try {
    const regions =
      opts.regions ??
      [...new Set(fixture.resources.map((r) => (r.region === "global" ? "us-east-1" : r.region)))].sort();
    const accounts = opts.aggregator ? [fixture.scope.accounts[0] ?? ""] : fixture.scope.accounts;
    const result = await scanConfig({
      targets: accounts.map((account) => ({
        account,
        regions,
        credentials: { accessKeyId: accessKeyFor(account), secretAccessKey: "loopback" },
      })),
      homeRegion: regions[0] ?? "us-east-1",
      ...(opts.aggregator ? { aggregator: opts.aggregator } : {}),
      endpoint: endpoint.url,
      retryStrategy: new ConfiguredRetryStrategy(4, () => 0),
    });
    return { result, calls: endpoint.calls };
  } finally {
    await endpoint.close();
  }
}

describe.each(fixtureNames)("the %s fixture through AWS Config's advanced query", (name) => {
  it("scans back everything Config records, through SelectResourceConfig in each account × region", async () => {
    const fixture = FIXTURES[name].build();
    const { result, calls } = await configRoundTrip(fixture);
    expect(validateSnapshot(JSON.parse(serializeSnapshot(result.snapshot))).ok).toBe(true);
    expect(result.snapshot.coverage.filter((c) => c.status !== "scanned" && c.service === "config")).toEqual(
      [],
    );
    const actual = configComparable(canonical(result.snapshot));
    const expected = configComparable(canonical(fixture));
    expect(actual.resources.map((r) => r.id)).toEqual(expected.resources.map((r) => r.id));
    expect(actual).toEqual(expected);
    // Pages of 7: NextToken was followed.
    expect(calls.get("config:SelectResourceConfig") ?? 0).toBeGreaterThan(fixture.scope.accounts.length);
    // Deleted items are left out; modelled types asbuilt cannot read from Config are reported.
    expect(result.snapshot.resources.some((r) => r.id.includes("vpc-0deleted"))).toBe(false);
    expect(JSON.stringify(result.snapshot)).not.toContain(LAMBDA_ENV_SECRET);
    // S3, CloudFront and Route 53 zones come from Config too; record sets do not (Config has no such type).
    for (const type of ["AWS::S3::Bucket", "AWS::CloudFront::Distribution", "AWS::Route53::HostedZone"])
      expect(result.snapshot.resources.filter((r) => r.type === type).length).toBe(
        fixture.resources.filter((r) => r.type === type).length,
      );
    expect(result.snapshot.resources.some((r) => r.type === "AWS::Route53::RecordSet")).toBe(false);
  });
});

describe("scan --source config", () => {
  it("covers every account of a multi-account fixture with one aggregator query", async () => {
    const fixture = FIXTURES.coherence.build();
    const { result, calls } = await configRoundTrip(fixture, { aggregator: LOOPBACK_AGGREGATOR });
    expect(result.snapshot.scope.accounts.sort()).toEqual([...fixture.scope.accounts].sort());
    expect(calls.get("config:SelectResourceConfig")).toBeUndefined();
    expect(calls.get("config:SelectAggregateResourceConfig")).toBeGreaterThan(1);
    expect(result.snapshot.source).toBe(`aws-config:${LOOPBACK_AGGREGATOR}`);
    expect(configComparable(canonical(result.snapshot))).toEqual(configComparable(canonical(fixture)));
    const covered = result.snapshot.coverage.filter((c) => c.service === "config" && c.status === "scanned");
    expect(new Set(covered.map((c) => c.account))).toEqual(new Set(fixture.scope.accounts));
  });

  it("reports what it cannot read from Config as coverage gaps, not as empty: Route 53 record sets", async () => {
    const fixture = FIXTURES["beanstalk-app"].build();
    const { result } = await configRoundTrip(fixture);
    const gaps = result.snapshot.coverage.filter((c) => c.status !== "scanned");
    // Partial, never silently complete: each names what AWS Config does not record.
    expect([...new Set(gaps.map((g) => `${g.service} ${g.status}`))].sort()).toEqual([
      // AWS Config records no API Gateway routes.
      "apigateway partial",
      "apigatewayv2 partial",
      "cloudfront partial",
      "efs partial",
      "elasticache partial",
      // AWS Config records no Lambda function URLs and no OpenSearch access policies.
      "lambda partial",
      "opensearch partial",
      "rds partial",
      "route53 partial",
    ]);
    expect(gaps.find((g) => g.service === "efs")).toMatchObject({ notRecorded: ["AWS::EFS::MountTarget"] });
    expect(gaps.find((g) => g.service === "route53")).toMatchObject({
      region: "global",
      notRecorded: ["AWS::Route53::RecordSet"],
      error: expect.stringMatching(/not their record sets.*--source live --services route53$/),
    });
  });

  it("says CloudFront and Route 53 were not queried when us-east-1 is not among the regions", async () => {
    const fixture = FIXTURES.coursedog.build();
    const { result } = await configRoundTrip(fixture, { regions: ["us-east-2"] });
    const gaps = result.snapshot.coverage.filter((c) => c.status === "skipped");
    expect(gaps.map((g) => `${g.region} ${g.service}`).sort()).toEqual([
      "global cloudfront",
      "global route53",
    ]);
    for (const g of gaps) expect(g.error).toMatch(/^not queried: AWS Config records .* in us-east-1/);
    // The bucket is recorded in its own region.
    expect(result.snapshot.resources.filter((r) => r.type === "AWS::S3::Bucket")).toHaveLength(2);
  });

  it("records a denied query as a coverage gap and keeps going", async () => {
    const fixture = FIXTURES.edroplets.build();
    const { result } = await configRoundTrip(fixture, {
      faults: [{ kind: "access-denied", service: "config" }],
    });
    expect(result.snapshot.resources).toEqual([]);
    expect(result.snapshot.coverage.filter((c) => c.service === "config")).toEqual([
      expect.objectContaining({ service: "config", status: "denied" }),
    ]);
  });

  it("retries throttled pages", async () => {
    const fixture = FIXTURES.edroplets.build();
    const { result } = await configRoundTrip(fixture, {
      faults: [{ kind: "throttle", service: "config", operation: "SelectResourceConfig", times: 2 }],
    });
    expect(result.snapshot.coverage.filter((c) => c.service === "config").map((c) => c.status)).toEqual([
      "scanned",
    ]);
    expect(configComparable(canonical(result.snapshot))).toEqual(configComparable(canonical(fixture)));
  });

  it("names an unknown aggregator in the coverage gap", async () => {
    const fixture = FIXTURES.edroplets.build();
    const { result } = await configRoundTrip(fixture, { aggregator: "nope" });
    expect(result.snapshot.coverage.filter((c) => c.service === "config")).toEqual([
      expect.objectContaining({
        service: "config",
        status: "failed",
        error: expect.stringMatching(/NoSuchConfigurationAggregatorException/),
      }),
    ]);
  });
});

describe("asbuilt scan --source config (CLI)", () => {
  /** The real CLI against the loopback endpoint (spawned asynchronously: the endpoint answers in this process). */
  function cli(args: string[], endpoint: string, account: string) {
    return new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [join(import.meta.dirname, "../../bin/asbuilt.js"), "scan", "--endpoint-url", endpoint, ...args],
        {
          env: {
            PATH: process.env.PATH ?? "",
            HOME: tmpdir(),
            AWS_ACCESS_KEY_ID: accessKeyFor(account),
            AWS_SECRET_ACCESS_KEY: "loopback",
            AWS_EC2_METADATA_DISABLED: "true",
            CI: "true",
          },
        },
      );
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => {
        stderr += d;
      });
      child.on("close", (code) => resolve({ code, stderr }));
    });
  }

  it("scans a whole organization through an aggregator and lists what Config cannot give", async () => {
    const fixture = FIXTURES.coherence.build();
    const endpoint = await startEndpoint({
      snapshot: fixture,
      services: [stsHandler, organizationsHandler, configHandler],
      maxPageSize: 25,
    });
    try {
      const out = join(await mkdtemp(join(tmpdir(), "asbuilt-config-cli-")), "org.json");
      const account = fixture.scope.accounts[0] ?? "";
      const args = ["--source", "config", "--aggregator", LOOPBACK_AGGREGATOR, "--regions", "us-east-1"];
      const r = await cli([...args, "-o", out], endpoint.url, account);
      expect(r.stderr).not.toMatch(/internal error|Warning/);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^asbuilt scan: \d+ resources from 2 accounts × 1 region, \d+ API calls/);
      expect(r.stderr).toMatch(
        /global route53: partial \(AWS Config records hosted zones, not their record sets/,
      );
      expect(r.stderr).not.toMatch(/global s3/);
      const snapshot = await loadSnapshot(out);
      expect(configComparable(canonical(snapshot))).toEqual(configComparable(canonical(fixture)));

      const bad = await cli(
        ["--aggregator", LOOPBACK_AGGREGATOR, "--regions", "us-east-1", "-o", out],
        endpoint.url,
        account,
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--aggregator reads AWS Config: it needs --source config/);
    } finally {
      await endpoint.close();
    }
  });
});
