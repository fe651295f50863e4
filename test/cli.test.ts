import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FindingsReport } from "../src/rules/finding.ts";
import { asbuilt, ROOT } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

const fixture = (name: string, file: string) => join(ROOT, "fixtures", name, file);

function expectCleanError(r: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(pattern);
  // A user mistake is one paragraph, never a stack trace.
  expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  expect(r.stderr).not.toMatch(/internal error/);
}

describe("asbuilt check", () => {
  it("exits 1 when findings reach --fail-on, 0 when none do", () => {
    const failing = asbuilt(
      "check",
      fixture("edroplets", "snapshot.json"),
      "--spec",
      fixture("edroplets", "architecture.yaml"),
    );
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/FAIL: \d+ findings? at or above high/);
    const report = FindingsReport.parse(
      JSON.parse(
        asbuilt("check", fixture("edroplets", "snapshot.json"), "--format", "json", "--fail-on", "critical")
          .stdout,
      ),
    );
    expect(report.findings.length).toBeGreaterThan(0);
    const lowOnly = report.findings.every((f) => f.severity !== "critical");
    const strict = asbuilt("check", fixture("edroplets", "snapshot.json"), "--fail-on", "critical");
    expect(strict.code).toBe(lowOnly ? 0 : 1);
  });

  it("writes the report atomically with -o and prints nothing on stdout", async () => {
    const dir = tempDir("asbuilt-cli-");
    const out = join(dir, "findings.json");
    const r = asbuilt(
      "check",
      fixture("status-page", "snapshot.json"),
      "--spec",
      fixture("status-page", "architecture.yaml"),
      "--format",
      "json",
      "-o",
      out,
    );
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toBe("");
    expect(FindingsReport.parse(JSON.parse(await readFile(out, "utf8"))).spec).toContain("architecture.yaml");
  });

  it("rejects a malformed snapshot with the JSON path and line, exit 2", async () => {
    const dir = tempDir("asbuilt-cli-");
    const data = JSON.parse(await readFile(fixture("edroplets", "snapshot.json"), "utf8"));
    const i = data.resources.findIndex((r: { type: string }) => r.type === "AWS::EC2::VPC");
    data.resources[i].props.cidrBlock = 10;
    const file = join(dir, "bad.json");
    await writeFile(file, JSON.stringify(data, null, 2));
    expectCleanError(
      asbuilt("check", file),
      new RegExp(
        `bad\\.json:\\d+:\\d+: not a valid asbuilt snapshot[\\s\\S]*resources\\[${i}\\]\\.props\\.cidrBlock: expected string, received number`,
      ),
    );
  });

  it("rejects a truncated snapshot, exit 2, and writes no output file", async () => {
    const dir = tempDir("asbuilt-cli-");
    const text = await readFile(fixture("coursedog", "snapshot.json"), "utf8");
    const file = join(dir, "cut.json");
    await writeFile(file, text.slice(0, 5000));
    expectCleanError(
      asbuilt("check", file, "-o", join(dir, "out.txt")),
      /cut\.json:\d+:\d+: the snapshot ends in the middle of its JSON: the file is truncated/,
    );
    expect(await readdir(dir)).toEqual(["cut.json"]);
  });

  it("rejects a bad spec with file:line:column, exit 2", async () => {
    const dir = tempDir("asbuilt-cli-");
    const spec = join(dir, "architecture.yaml");
    await writeFile(
      spec,
      "name: x\ntiers:\n  app:\n    select: { type: AWS::EC2::Instance }\n    placement: sideways\n",
    );
    expectCleanError(
      asbuilt("check", fixture("edroplets", "snapshot.json"), "--spec", spec),
      /architecture\.yaml:5:16: tiers\.app\.placement: expected one of/,
    );
  });

  it("holds waivers to the rules that exist and to --max-waiver-days (exit 2, nothing written)", async () => {
    const dir = tempDir("asbuilt-cli-");
    const spec = join(dir, "architecture.yaml");
    const out = join(dir, "findings.json");
    const waiver = (rule: string, expires: string) =>
      `name: x\nwaivers:\n  - { rule: ${rule}, resource: "*", reason: "accepted during the migration", expires: ${expires} }\n`;
    await writeFile(spec, waiver("instance-public-ipp", "2099-01-01"));
    expectCleanError(
      asbuilt("check", fixture("edroplets", "snapshot.json"), "--spec", spec, "-o", out),
      /architecture\.yaml:3:13: waivers\[0\]\.rule: no rule is called "instance-public-ipp"; did you mean "instance-public-ip"\?/,
    );
    await writeFile(spec, waiver("instance-public-ip", "2099-01-01"));
    expectCleanError(
      asbuilt(
        "check",
        fixture("edroplets", "snapshot.json"),
        "--spec",
        spec,
        "--max-waiver-days",
        "90",
        "-o",
        out,
      ),
      /waivers\[0\]\.expires: 2099-01-01 is \d+ days away; --max-waiver-days allows waivers of at most 90 days/,
    );
    expectCleanError(
      asbuilt("check", fixture("edroplets", "snapshot.json"), "--max-waiver-days", "90"),
      /--max-waiver-days limits the waivers of a spec: it needs --spec/,
    );
    expectCleanError(
      asbuilt("check", fixture("edroplets", "snapshot.json"), "--spec", spec, "--max-waiver-days", "soon"),
      /--max-waiver-days "soon" is not a number of days/,
    );
    await writeFile(spec, "");
    expectCleanError(
      asbuilt("check", fixture("edroplets", "snapshot.json"), "--spec", spec),
      /architecture\.yaml: the spec file is empty\./,
    );
    expect(await readdir(dir)).toEqual(["architecture.yaml"]);
  });

  it("reports a waiver that matches no resource (waiver-unused, low)", async () => {
    const spec = join(tempDir("asbuilt-cli-"), "architecture.yaml");
    await writeFile(
      spec,
      `name: x\nwaivers:\n  - { rule: instance-public-ip, resource: "name:edroplets-webb", reason: "the one web server is public on purpose", expires: 2099-01-01 }\n`,
    );
    const r = asbuilt("check", fixture("edroplets", "snapshot.json"), "--spec", spec, "--format", "json");
    const unused = FindingsReport.parse(JSON.parse(r.stdout)).findings.filter(
      (f) => f.ruleId === "waiver-unused",
    );
    expect(unused.map((f) => [f.severity, f.message, f.specLine])).toEqual([
      [
        "low",
        "The waiver of instance-public-ip for name:edroplets-webb matches no resource in the snapshot.",
        3,
      ],
    ]);
  });

  it("rejects missing files and bad flags with exit 2", () => {
    expectCleanError(asbuilt("check", "nope.json"), /nope\.json: no such snapshot file/);
    expectCleanError(
      asbuilt("check", fixture("edroplets", "snapshot.json"), "--format", "xml"),
      /unknown format "xml" in --format[\s\S]*Choose from text, json, sarif, junit, markdown/,
    );
    expectCleanError(asbuilt("check"), /missing required argument 'snapshot'/);
    expectCleanError(asbuilt("frobnicate"), /unknown command 'frobnicate'/);
  });

  it("explains itself with --help", () => {
    const r = asbuilt("check", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--fail-on <severity>/);
    expect(r.stdout).toMatch(/Exit codes: 0/);
  });
});

describe("asbuilt demo", () => {
  it("builds a seed account and prints its findings, exit 0", () => {
    const r = asbuilt("demo", "status-page");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/the "status-page" seed architecture/);
    expect(r.stdout).toMatch(/Subnets by their routes: \d+ public/);
    expect(r.stdout).toMatch(/WAIVED/);
  });
  it("names the choices for an unknown demo", () => {
    expectCleanError(asbuilt("demo", "nope"), /unknown demo account "nope"[\s\S]*coursedog/);
  });
});
