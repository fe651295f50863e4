import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FIXTURE_NOW } from "../../fixtures/golden.ts";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { SELECT_FIELDS } from "../../src/collector/config/scan.ts";
import { importPaths } from "../../src/collector/import/index.ts";
import { InputError } from "../../src/model/errors.ts";
import { Graph } from "../../src/model/graph.ts";
import { serializeSnapshot, validateSnapshot } from "../../src/model/io.ts";
import type { Resource, Snapshot } from "../../src/model/snapshot.ts";
import { runChecks } from "../../src/rules/engine.ts";
import { RULES } from "../../src/rules/index.ts";
import { configComparable } from "../aws-endpoint/services/config.ts";
import { ECS_TASK_SECRET } from "../aws-endpoint/services/ecs.ts";
import { LAMBDA_ENV_SECRET } from "../aws-endpoint/services/lambda.ts";
import { writeCliDump, writeConfigSnapshot, writeSelectOutput } from "./make-dumps.ts";

// `asbuilt import` gives the same snapshot as the fixture it was dumped from: exactly, for everything an
// AWS CLI dump carries; for AWS Config files, on everything AWS Config records (configComparable).

const tmp = () => mkdtemp(join(tmpdir(), "asbuilt-import-"));
const canonical = (s: Snapshot) => JSON.parse(serializeSnapshot(s)) as Snapshot;

/** Every module's types, S3's included. */
function dumpView(s: Snapshot): { resources: Resource[]; edges: Snapshot["edges"] } {
  const c = canonical(s);
  return { resources: c.resources, edges: c.edges };
}

describe.each(fixtureNames)("import of the %s fixture", (name) => {
  it("from an AWS CLI dump folder: the fixture, exactly", async () => {
    const fixture = FIXTURES[name].build();
    const dir = await tmp();
    await writeCliDump(fixture, dir, { extras: true });
    const r = await importPaths([dir]);
    expect(validateSnapshot(JSON.parse(serializeSnapshot(r.snapshot))).ok).toBe(true);
    const actual = dumpView(r.snapshot);
    const expected = dumpView(fixture);
    expect(actual.resources.map((x) => x.id)).toEqual(expected.resources.map((x) => x.id));
    expect(actual).toEqual(expected);
    expect(r.snapshot.source).toBe("import");
    const text = JSON.stringify(r.snapshot);
    expect(text).not.toContain(LAMBDA_ENV_SECRET);
    expect(text).not.toContain(ECS_TASK_SECRET);
  });

  it("from an AWS Config snapshot file (.json.gz): everything Config records", async () => {
    const fixture = FIXTURES[name].build();
    const file = join(
      await tmp(),
      "123456789012_Config_us-east-1_ConfigSnapshot_20261101T085500Z_4f3a.json.gz",
    );
    await writeConfigSnapshot(fixture, file);
    const r = await importPaths([file]);
    expect(r.read).toEqual([{ file, kind: "AWS Config snapshot" }]);
    expect(configComparable(canonical(r.snapshot))).toEqual(configComparable(canonical(fixture)));
    expect(r.snapshot.scannedAt).toBe("2026-11-01T08:55:00Z");
    expect(r.notes).toContainEqual(
      expect.stringMatching(/^AWS::EC2::VPC vpc-0deleted000000000 in .*: deleted \(ResourceDeleted at /),
    );
    expect(JSON.stringify(r.snapshot)).not.toContain(LAMBDA_ENV_SECRET);
  });
});

describe("asbuilt import", () => {
  it("reads the output of aws configservice select-resource-config", async () => {
    const fixture = FIXTURES.coursedog.build();
    const file = join(await tmp(), "items.json");
    await writeSelectOutput(fixture, file, SELECT_FIELDS);
    const r = await importPaths([file]);
    expect(r.read).toEqual([{ file, kind: "AWS Config query result" }]);
    expect(configComparable(canonical(r.snapshot))).toEqual(configComparable(canonical(fixture)));
  });

  it("reads S3, CloudFront and Route 53 zones from AWS Config, and says it has no record sets", async () => {
    const fixture = FIXTURES["beanstalk-app"].build();
    const file = join(await tmp(), "snapshot.json");
    await writeConfigSnapshot(fixture, file);
    const r = await importPaths([file]);
    expect(r.notes.filter((n) => !/: deleted \(ResourceDeleted/.test(n))).toEqual([]);
    const types = (s: Snapshot) =>
      s.resources.map((x) => x.type).filter((t) => /S3|CloudFront|Route53/.test(t));
    expect(types(r.snapshot).sort()).toEqual(
      types(fixture)
        .filter((t) => t !== "AWS::Route53::RecordSet")
        .sort(),
    );
    expect(r.snapshot.coverage.find((c) => c.service === "route53")).toMatchObject({
      account: fixture.scope.accounts[0],
      region: "global",
      status: "partial",
      notRecorded: ["AWS::Route53::RecordSet"],
      error: expect.stringMatching(/^AWS Config records hosted zones, not their record sets/),
    });
  });

  it("joins a dump folder and a Config file, and lists what it did not read", async () => {
    const fixture = FIXTURES.coherence.build();
    const dir = await tmp();
    await writeCliDump(fixture, join(dir, "cli"), { extras: true });
    await writeConfigSnapshot(fixture, join(dir, "config", "snapshot.json.gz"));
    await writeFile(join(dir, "README.txt"), "collected 2026-11-01\n");
    await writeFile(join(dir, "other.json"), JSON.stringify({ hello: "world" }));
    const r = await importPaths([dir]);
    const skipped = r.skipped.map((s) => `${s.file.slice(dir.length + 1)}: ${s.reason}`);
    expect(skipped).toContain("README.txt: not a JSON file");
    expect(skipped).toContain(
      "other.json: neither an AWS CLI dump file (<account>/<region>/<service>-<operation>.json) nor an AWS Config file",
    );
    expect(
      skipped.some((s) =>
        /ec2-describe-images\.json: AWS CLI output asbuilt does not read \(aws ec2 describe-images\)/.test(s),
      ),
    ).toBe(true);
    // CloudMapper's list of the regions it collected is read, not skipped.
    expect(skipped.filter((s) => /describe-regions\.json/.test(s))).toEqual([]);
    expect(r.read.filter((f) => f.file.endsWith("describe-regions.json")).map((f) => f.kind)).toEqual([
      "AWS CLI output (ec2 describe-regions: the regions collected)",
      "AWS CLI output (ec2 describe-regions: the regions collected)",
    ]);
    expect(skipped.some((s) => /ecs-list-tasks/.test(s))).toBe(true);
    // The CLI dump's resources come first: for the same id, the dump's copy is kept.
    expect(dumpView(r.snapshot)).toEqual(dumpView(fixture));
    expect(r.snapshot.scope.accounts.sort()).toEqual([...fixture.scope.accounts].sort());
  });

  it("takes the account from sts-get-caller-identity.json when the folder is named after the account (CloudMapper)", async () => {
    const fixture = FIXTURES.edroplets.build();
    const dir = await tmp();
    await writeCliDump(fixture, dir, { accountDir: () => "production" });
    const r = await importPaths([dir]);
    expect(r.snapshot.scope.accounts).toEqual(fixture.scope.accounts);
    expect(dumpView(r.snapshot)).toEqual(dumpView(fixture));
  });

  it("asks for --account when a folder names no account and has no caller identity", async () => {
    const fixture = FIXTURES.edroplets.build();
    const dir = await tmp();
    await writeCliDump(fixture, dir, { accountDir: () => "production" });
    const { rm } = await import("node:fs/promises");
    await rm(join(dir, "production", "us-west-1", "sts-get-caller-identity.json"));
    await expect(importPaths([dir])).rejects.toThrow(/cannot tell which account this dump is/);
    const r = await importPaths([dir], { account: "345678901234" });
    expect(r.snapshot.scope.accounts).toEqual(["345678901234"]);
  });

  it("records what a partial dump lacks as coverage gaps", async () => {
    const fixture = FIXTURES.edroplets.build();
    const dir = await tmp();
    await writeCliDump(fixture, dir);
    const { rm } = await import("node:fs/promises");
    await rm(join(dir, "345678901234", "us-west-1", "ec2-describe-nat-gateways.json"));
    await rm(join(dir, "345678901234", "us-west-1", "resourcegroupstaggingapi-get-resources.json"));
    const r = await importPaths([dir]);
    const gap = (service: string) =>
      r.snapshot.coverage.find((c) => c.service === service && c.region === "us-west-1");
    expect(gap("ec2")).toMatchObject({
      status: "partial",
      error: "partial import: no ec2-describe-nat-gateways.json",
      notRecorded: ["AWS::EC2::NatGateway"],
    });
    expect(gap("tagging")).toMatchObject({
      status: "skipped",
      error: expect.stringMatching(/^not in the import/),
    });
    expect(gap("lambda")?.error).toMatch(/no resourcegroupstaggingapi-get-resources\.json/);
    // Global services' files sit in us-east-1 (or global), which this dump of us-west-1 has not.
    expect(r.snapshot.coverage.find((c) => c.service === "cloudfront")).toMatchObject({
      region: "global",
      status: "skipped",
      error: expect.stringMatching(/^not in the import \(no cloudfront-list-distributions\.json\)/),
    });
    // S3 is in the account's "global" folder here (nothing in us-east-1), whole.
    expect(r.snapshot.coverage.find((c) => c.service === "s3")).toMatchObject({
      region: "global",
      status: "scanned",
    });
  });

  it("keeps a bucket whose per-bucket files are missing, its settings unknown, never read as absent", async () => {
    const fixture = FIXTURES.coherence.build();
    const dir = await tmp();
    await writeCliDump(fixture, dir);
    const { rm } = await import("node:fs/promises");
    const s3 = join(dir, "678901234567", "us-east-1");
    await rm(join(s3, "s3-get-public-access-block", "acme-shop-exports"));
    await rm(join(s3, "s3-get-bucket-tagging", "acme-shop-exports"));
    const r = await importPaths([dir]);
    const exports = r.snapshot.resources.find((x) => x.id === "arn:aws:s3:::acme-shop-exports");
    expect(exports?.props).toHaveProperty("publicAccessBlock", undefined);
    expect(r.snapshot.coverage.find((c) => c.service === "s3" && c.account === "678901234567")).toEqual({
      account: "678901234567",
      region: "global",
      service: "s3",
      status: "partial",
      error:
        'partial import: 1 of 2 bucket(s) with settings not recorded (unknown, not "off"): acme-shop-exports (no s3-get-public-access-block, s3-get-bucket-tagging)',
      notRecorded: ["AWS::S3::Bucket.publicAccessBlock", "AWS::S3::Bucket.tags"],
    });
    // The other account's buckets are whole.
    expect(r.snapshot.coverage.find((c) => c.service === "s3" && c.account === "567890123456")?.status).toBe(
      "scanned",
    );
    // The planted "public access not blocked" is now unverified, not passed and not failed on a guess.
    const { findings, unverified } = runChecks(RULES, new Graph(r.snapshot), { now: FIXTURE_NOW });
    const onExports = (l: { resourceId: string; ruleId: string }[]) =>
      l.filter((f) => f.resourceId === "arn:aws:s3:::acme-shop-exports").map((f) => f.ruleId);
    expect(onExports(findings)).not.toContain("s3-public-access-not-blocked");
    expect(onExports(unverified)).toContain("s3-public-access-not-blocked");
    // Everything else is as dumped.
    const rest = (s: Snapshot) =>
      dumpView(s).resources.filter((x) => x.id !== "arn:aws:s3:::acme-shop-exports");
    expect(rest(r.snapshot)).toEqual(rest(fixture));
  });

  it("stops at a truncated file with its name and line, whatever else the folder holds", async () => {
    const fixture = FIXTURES.edroplets.build();
    const dir = await tmp();
    await writeCliDump(fixture, dir);
    const file = join(dir, "345678901234", "us-west-1", "ec2-describe-security-groups.json");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    const err = await importPaths([dir]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.where?.file).toBe(file);
    expect(e.where?.line).toBeGreaterThan(1);
    expect(e.format()).toMatch(/truncated/);
    expect(e.format()).toMatch(/aws ec2 describe-security-groups/);
  });

  it("rejects a truncated .json.gz and a damaged Config item with where and how to fix it", async () => {
    const fixture = FIXTURES.edroplets.build();
    const dir = await tmp();
    const gz = join(dir, "snapshot.json.gz");
    await writeConfigSnapshot(fixture, gz);
    const bytes = await readFile(gz);
    await writeFile(gz, bytes.subarray(0, bytes.length - 20));
    await expect(importPaths([gz])).rejects.toThrow(/gzip file is truncated/);

    const bad = join(dir, "bad.json");
    await writeFile(
      bad,
      JSON.stringify(
        {
          fileVersion: "1.0",
          configurationItems: [{ resourceType: "AWS::EC2::VPC", awsRegion: "us-east-1" }],
        },
        null,
        2,
      ),
    );
    const err = (await importPaths([bad]).catch((e: unknown) => e)) as InputError;
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/configurationItems\[0\] has no resourceId, accountId/);
    expect(err.where).toMatchObject({ file: bad, line: 4 });

    const gzipped = join(dir, "ok.json.gz");
    await writeFile(gzipped, gzipSync(Buffer.from('{"fileVersion":"1.0","configurationItems":[]}')));
    await expect(importPaths([gzipped])).resolves.toMatchObject({ read: [{ kind: "AWS Config snapshot" }] });
  });

  it("says so when nothing can be imported", async () => {
    const dir = await tmp();
    await writeFile(join(dir, "notes.txt"), "nothing here");
    await expect(importPaths([dir])).rejects.toThrow(/nothing to import/);
    await expect(importPaths([join(dir, "missing")])).rejects.toThrow(/no such file or folder/);
  });
});
