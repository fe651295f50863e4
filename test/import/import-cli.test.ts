import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../../fixtures/index.ts";
import { loadSnapshot } from "../../src/model/io.ts";
import { asbuilt } from "../run-cli.ts";
import { writeCliDump, writeConfigSnapshot } from "./make-dumps.ts";

// The real CLI, as a user runs it: `asbuilt import <dir> -o snapshot.json`.

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "asbuilt-import-cli-"));
  const fixture = FIXTURES.edroplets.build();
  await writeCliDump(fixture, join(dir, "account-data"), { extras: true });
  await writeConfigSnapshot(fixture, join(dir, "config", "ConfigSnapshot.json.gz"));
  await writeFile(join(dir, "account-data", "NOTES.md"), "# collected by hand\n");
});

describe("asbuilt import (CLI)", () => {
  it("writes the snapshot, lists the skipped files on stderr and exits 0", async () => {
    const out = join(dir, "snapshot.json");
    const r = asbuilt("import", join(dir, "account-data"), join(dir, "config"), "-o", out);
    expect(r.stderr).not.toMatch(/internal error|Warning/);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^asbuilt import: \d+ resources from 1 account × 1 region \(read \d+ AWS CLI outputs, 1 AWS Config snapshot\) → /,
    );
    expect(r.stderr).toMatch(/Skipped \(\d+ files\), not read:/);
    expect(r.stderr).toMatch(/NOTES\.md: not a JSON file/);
    expect(r.stderr).toMatch(/ec2-describe-images\.json: AWS CLI output asbuilt does not read/);
    // S3 is read from both (the dump's per-bucket files, the Config items): no S3 gap, nothing unconverted.
    expect(r.stderr).not.toMatch(/ s3: /);
    expect(r.stderr).toMatch(
      /Notes on the data \(1\): not converted, deleted, contradicted or dangling:\n {2}AWS::EC2::VPC vpc-0deleted000000000 in \d{12}\/[a-z0-9-]+: deleted \(ResourceDeleted at 2026-11-01T08:55:00.000Z\): left out\n/,
    );
    const snapshot = await loadSnapshot(out);
    expect(snapshot.source).toBe("import");
    expect(snapshot.resources.filter((x) => x.type === "AWS::EC2::Instance")).toHaveLength(1);
    expect(snapshot.resources.filter((x) => x.type === "AWS::S3::Bucket")).toHaveLength(1);
  });

  it("stops at a truncated file: exit 2, the file and line named, nothing written", async () => {
    const broken = await mkdtemp(join(tmpdir(), "asbuilt-import-cli-"));
    await writeCliDump(FIXTURES.edroplets.build(), broken);
    const file = join(broken, "345678901234", "us-west-1", "ec2-describe-instances.json");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, text.length - 40));
    const out = join(broken, "snapshot.json");
    const r = asbuilt("import", broken, "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:`);
    expect(r.stderr).toMatch(
      /ec2-describe-instances\.json:\d+:\d+: the file ends in the middle of its JSON: it is truncated/,
    );
    expect(r.stderr).toMatch(/Re-run the command that wrote it/);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect((await readdir(broken)).filter((f) => f.includes("snapshot"))).toEqual([]);
  });

  it("explains the layouts in --help", () => {
    const r = asbuilt("import", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<dir>\/<account>\/<region>\/<service>-<operation>\.json/);
    expect(r.stdout).toMatch(/select-resource-config/);
    expect(asbuilt("scan", "--help").stdout).toMatch(/--source <source>[\s\S]*--aggregator <name>/);
  });
});
