import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigServiceClient, SelectResourceConfigCommand } from "@aws-sdk/client-config-service";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { runImport } from "../../src/cli/import.ts";
import { scanConfig } from "../../src/collector/config/scan.ts";
import { importPaths } from "../../src/collector/import/index.ts";
import { Graph } from "../../src/model/graph.ts";
import { loadSnapshot, serializeSnapshot, validateSnapshot } from "../../src/model/io.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { runChecks } from "../../src/rules/engine.ts";
import { RULES } from "../../src/rules/index.ts";

// Real configuration items, recorded by AWS Config in real accounts (Cloud Custodian's tests/data/config,
// tests/data/cwe and Config-shaped placebo recordings; minimized and anonymized into each service's
// testdata/config/, every file naming its source and case in `_source` and `_case`). Each is read twice: as
// `asbuilt import` reads the file, and as `scan --source config` reads SelectResourceConfig's results
// (the same items as JSON strings, through the real scan code against a mocked Config client). Both must
// load, give the same resources, and get the model right on what the item says.

const ROOT = join(import.meta.dirname, "../../src/collector");
const SERVICES = ["ec2", "ecs", "elbv2", "lambda", "rds", "s3", "tagging"];

interface Input {
  service: string;
  file: string;
  items: unknown[];
}

async function inputs(): Promise<Input[]> {
  const out: Input[] = [];
  for (const service of SERVICES) {
    const dir = join(ROOT, service, "testdata/config");
    for (const f of (await readdir(dir)).filter((x) => x.endsWith(".json")).sort()) {
      const data = JSON.parse(await readFile(join(dir, f), "utf8")) as Record<string, unknown>;
      const items = (data.configurationItems ?? data.Results) as unknown[];
      out.push({ service, file: join(dir, f), items });
    }
  }
  return out;
}

/** Files that must not load, with the message that says why (a damaged or too narrow input). */
const REFUSED: Record<string, RegExp> = {
  // GetResourceConfigHistory as recorded: the deleted item carries no accountId.
  "volume-history-deleted.json": /configurationItems\[0\] has no accountId/,
  // Queries that selected only configuration and supplementaryConfiguration.
  "lambda-select-query.json": /Results\[0\] has no resourceType, resourceId, accountId, awsRegion/,
  "s3-select-query.json": /Results\[0\] has no resourceType, resourceId, accountId/,
};

const BASELINE_RULES = RULES.filter((r) => r.meta.pack === "baseline");
const name = (i: Input) => i.file.split("/").pop() ?? "";
const canonical = (s: Snapshot) => JSON.parse(serializeSnapshot(s)) as Snapshot;
const config = mockClient(ConfigServiceClient);
afterEach(() => config.reset());

/** The items as scan --source config reads them: SelectResourceConfig's JSON strings, one account and region. */
async function scanItems(items: unknown[]) {
  const first = items[0] as { accountId?: string; awsAccountId?: string; awsRegion: string };
  config
    .on(SelectResourceConfigCommand)
    .resolves({ Results: items.map((i) => (typeof i === "string" ? i : JSON.stringify(i))) });
  return scanConfig({
    targets: [{ account: first.accountId ?? first.awsAccountId ?? "", regions: [first.awsRegion] }],
    homeRegion: first.awsRegion,
    retryStrategy: new ConfiguredRetryStrategy(1, () => 0),
    now: () => new Date("2026-12-01T00:00:00Z"),
  });
}

describe("real AWS Config items", async () => {
  const all = await inputs();
  const loadable = all.filter((i) => !REFUSED[name(i)]);

  it.each(all.map((i) => [`${i.service}/${name(i)}`, i] as const))(
    "%s: loads through import, or is refused with a reason",
    async (_, input) => {
      const refused = REFUSED[name(input)];
      if (refused) {
        await expect(importPaths([input.file])).rejects.toThrow(refused);
        return;
      }
      const r = await importPaths([input.file]);
      expect(validateSnapshot(JSON.parse(serializeSnapshot(r.snapshot))).ok).toBe(true);
      // Through the scan path: the same resources, props and edges.
      const scanned = await scanItems(input.items);
      expect(canonical(scanned.snapshot).resources).toEqual(canonical(r.snapshot).resources);
      expect(canonical(scanned.snapshot).edges).toEqual(canonical(r.snapshot).edges);
    },
  );

  it("counts what the tests import, per service and per source kind", async () => {
    const perService: Record<string, number> = {};
    for (const i of loadable) perService[i.service] = (perService[i.service] ?? 0) + i.items.length;
    expect(perService).toEqual({ ec2: 8, ecs: 1, elbv2: 1, rds: 2, s3: 11, tagging: 4 });
    // Distinct recorded items: two files re-shape recorded items as query output, the history of one
    // security group is in two files, and one bucket item is recorded twice (with and without accelerator).
    const distinct: Record<string, Set<string>> = {};
    for (const i of loadable)
      for (const raw of i.items) {
        const x = (typeof raw === "string" ? JSON.parse(raw) : raw) as Record<string, unknown>;
        const key = `${String(x.resourceType)} ${String(x.resourceId)} ${String(x.configurationItemCaptureTime)}`;
        const set = distinct[i.service] ?? new Set<string>();
        set.add(key);
        distinct[i.service] = set;
      }
    expect(Object.fromEntries(Object.entries(distinct).map(([k, v]) => [k, v.size]))).toEqual({
      ec2: 5,
      ecs: 1,
      elbv2: 1,
      rds: 2,
      s3: 9,
      tagging: 4,
    });
    const r = await importPaths(loadable.map((i) => i.file));
    const kinds: Record<string, number> = {};
    for (const f of r.read) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
    expect(kinds).toEqual({ "AWS Config snapshot": 23, "AWS Config query result": 2 });
    expect(all.length - loadable.length).toBe(3);
  });

  it("reads an item alike from a snapshot file and from select-resource-config's output", async () => {
    for (const [a, b] of [
      [
        "ec2/testdata/config/sg-rule-event-both-shapes.json",
        "ec2/testdata/config/sg-select-resource-config.json",
      ],
      ["s3/testdata/config/s3.json", "s3/testdata/config/s3-select-resource-config.json"],
    ] as const) {
      const [x, y] = await Promise.all([importPaths([join(ROOT, a)]), importPaths([join(ROOT, b)])]);
      expect(canonical(y.snapshot).resources).toEqual(canonical(x.snapshot).resources);
    }
  });

  it("reads an old security group's bare CIDR strings: 8080 open to the world is seen", async () => {
    const r = await importPaths([join(ROOT, "ec2/testdata/config/sg-history-v1.2-bare-cidrs.json")]);
    const sg = r.snapshot.resources.find((x) => x.type === "AWS::EC2::SecurityGroup");
    expect(sg?.props).toMatchObject({
      groupId: "sg-a38ed1de",
      ingress: [
        { protocol: "tcp", fromPort: 8080, toPort: 8080, ipv4Ranges: ["0.0.0.0/0"] },
        { protocol: "tcp", fromPort: 443, toPort: 443, ipv4Ranges: ["10.42.1.0/24"] },
      ],
      egress: [{ protocol: "-1", ipv4Ranges: ["0.0.0.0/0"] }],
    });
  });

  it("reads both shapes of a 1.2 item alike, and finds SSH open to the world", async () => {
    const r = await importPaths([join(ROOT, "ec2/testdata/config/sg-rule-event-both-shapes.json")]);
    const { findings } = runChecks(BASELINE_RULES, new Graph(r.snapshot));
    expect(findings.map((f) => f.ruleId)).toContain("admin-port-open-to-world");
  });

  it("leaves the public access block of a bucket recorded before Block Public Access unknown", async () => {
    const r = await importPaths([join(ROOT, "s3/testdata/config/s3.json")]);
    const bucket = r.snapshot.resources.find((x) => x.type === "AWS::S3::Bucket");
    expect(bucket).toBeDefined();
    expect((bucket?.props as { publicAccessBlock?: unknown } | undefined)?.publicAccessBlock).toBeUndefined();
    expect(bucket?.tags).toEqual({ Planet: "Earth", Verbose: "Game" });
    const checks = runChecks(BASELINE_RULES, new Graph(r.snapshot));
    expect(checks.findings.filter((f) => f.ruleId === "s3-public-access-not-blocked")).toEqual([]);
    expect(checks.unverified.filter((u) => u.ruleId === "s3-public-access-not-blocked")).toHaveLength(1);
  });

  it("reads a CloudFormation-shaped ECS service: its running count, which Config does not record, unknown", async () => {
    const r = await importPaths([join(ROOT, "ecs/testdata/config/ecs-service-history.json")]);
    const service = r.snapshot.resources.find((x) => x.type === "AWS::ECS::Service");
    expect(service?.props).toMatchObject({
      serviceName: "queue-processor",
      clusterArn: "arn:aws:ecs:us-east-2:123456789012:cluster/dev",
      desiredCount: 1,
      networkConfiguration: { securityGroupIds: ["sg-04f520370e79f229f"], assignPublicIp: true },
    });
    expect((service?.props as { runningCount?: number } | undefined)?.runningCount).toBeUndefined();
  });

  it("keeps unmodelled types generic, without their configuration", async () => {
    const r = await importPaths([join(ROOT, "tagging/testdata/config/ecs-task-definition-history.json")]);
    expect(r.snapshot.resources).toMatchObject([
      { type: "AWS::ECS::TaskDefinition", name: "TEST:1", props: {} },
    ]);
    expect(JSON.stringify(r.snapshot)).not.toContain("awslogs-group");
  });

  it("reports a deleted bucket as deleted, by name", async () => {
    const r = await importPaths([join(ROOT, "s3/testdata/config/s3-deleted-notification.json")]);
    expect(r.snapshot.resources).toEqual([]);
    expect(r.notes).toEqual([
      "AWS::S3::Bucket custodian-test-data-21 in 123456789012/us-east-1: deleted (ResourceDeleted at 2017-08-10T14:13:24.727Z): left out",
    ]);
  });

  it("reads every loadable file at once with asbuilt import, and writes a snapshot its loader accepts", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "asbuilt-real-config-")), "snapshot.json");
    let stderr = "";
    const code = await runImport(
      loadable.map((i) => i.file),
      {
        output: out,
        stderr: {
          write: (s: string) => {
            stderr += s;
            return true;
          },
        } as NodeJS.WritableStream,
      },
    );
    expect(code).toBe(0);
    const snapshot = await loadSnapshot(out);
    const count = (t: string) => snapshot.resources.filter((x) => x.type === t).length;
    // sg-a38ed1de is in two files (its history, and its point-in-time items): one resource.
    expect(count("AWS::EC2::SecurityGroup")).toBe(3);
    expect(count("AWS::EC2::Instance")).toBe(1);
    expect(count("AWS::S3::Bucket")).toBe(5);
    expect(count("AWS::ElasticLoadBalancingV2::LoadBalancer")).toBe(1);
    expect(count("AWS::RDS::DBInstance")).toBe(1);
    expect(count("AWS::RDS::DBCluster")).toBe(1);
    expect(stderr).toMatch(/AWS::S3::Bucket custodian-test-data-21 in 123456789012\/us-east-1: deleted/);
  });
});
