import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FindingsReport } from "../src/rules/finding.ts";
import { asbuilt, ROOT } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

// Where a command writes is input too: a bad -o is the user's to fix (exit 2, one paragraph naming the
// path they typed), found before any work, and leaves nothing behind. asbuilt creates the file, or the
// folder of several reports, that it is told to write, never a missing folder above it.

const snap = (name: string) => join(ROOT, "fixtures", name, "snapshot.json");
const spec = (name: string) => join(ROOT, "fixtures", name, "architecture.yaml");

function expectOutputError(r: { code: number | null; stderr: string }, path: string, pattern: RegExp) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(`${path}: `);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at |\.tmp/);
}

describe("output paths", () => {
  it("check -o in a folder that does not exist: exit 2, and the folder is not created", () => {
    const dir = tempDir();
    const out = join(dir, "missing", "f.txt");
    expectOutputError(
      asbuilt("check", snap("edroplets"), "-o", out),
      out,
      /folder .*missing does not exist[\s\S]*mkdir -p/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("check -o naming a folder for one format, or a file for several", () => {
    const dir = tempDir();
    expectOutputError(
      asbuilt("check", snap("edroplets"), "-o", dir),
      dir,
      new RegExp(`is a folder, not a file to write[\\s\\S]*${join(dir, "findings.txt")}`),
    );
    const file = join(dir, "reports");
    writeFileSync(file, "not a folder");
    expectOutputError(
      asbuilt("check", snap("edroplets"), "--format", "json,sarif", "-o", file),
      file,
      /is a file, but 2 formats need a folder/,
    );
    expect(readFileSync(file, "utf8")).toBe("not a folder");
  });

  it("check with several formats creates the folder named, but never the folders above it", () => {
    const dir = tempDir();
    const deep = join(dir, "a", "b", "reports");
    expectOutputError(
      asbuilt("check", snap("edroplets"), "--format", "json,sarif", "-o", deep),
      deep,
      /does not exist/,
    );
    expect(readdirSync(dir)).toEqual([]);
    const reports = join(dir, "reports");
    const r = asbuilt("check", snap("edroplets"), "--format", "json,sarif", "-o", reports);
    expect(r.code).toBe(1);
    expect(readdirSync(reports).sort()).toEqual(["findings.json", "findings.sarif"]);
  });

  it("a read-only place is named as the user typed it, not as the temp file", () => {
    // Root ignores permission bits; sysfs refuses new files even to root.
    const readOnly =
      process.getuid?.() === 0
        ? "/sys/kernel"
        : (() => {
            const d = tempDir();
            chmodSync(d, 0o555);
            return d;
          })();
    if (!existsSync(readOnly)) return;
    const out = join(readOnly, "findings.txt");
    expectOutputError(
      asbuilt("check", snap("edroplets"), "-o", out),
      out,
      /permission denied|not permitted|read-only/,
    );
  });

  it("report, init, merge, import and demo --save follow the same rule", () => {
    const dir = tempDir();
    const missing = (name: string) => join(dir, "nope", name);
    expectOutputError(
      asbuilt("report", snap("edroplets"), "-o", missing("r.html")),
      missing("r.html"),
      /does not exist/,
    );
    expectOutputError(asbuilt("report", snap("edroplets"), "-o", dir), dir, /is a folder/);
    expectOutputError(
      asbuilt("init", snap("edroplets"), "-o", missing("a.yaml")),
      missing("a.yaml"),
      /does not exist/,
    );
    expectOutputError(asbuilt("init", snap("edroplets"), "-o", dir, "--force"), dir, /is a folder/);
    expectOutputError(
      asbuilt("merge", snap("edroplets"), snap("coherence"), "-o", missing("m.json")),
      missing("m.json"),
      /does not exist/,
    );
    expectOutputError(asbuilt("merge", snap("edroplets"), "-o", dir), dir, /is a folder/);
    const configFile = join(dir, "items.json");
    writeFileSync(configFile, JSON.stringify({ Results: [] }));
    expectOutputError(
      asbuilt("import", configFile, "-o", missing("s.json")),
      missing("s.json"),
      /does not exist/,
    );
    expectOutputError(
      asbuilt("demo", "edroplets", "--save", missing("s.json")),
      missing("s.json"),
      /does not exist/,
    );
    expect(readdirSync(dir)).toEqual(["items.json"]);
  });

  it("scan checks its output path before any AWS call", () => {
    const out = join(tempDir(), "nope", "snapshot.json");
    // Port 9 on loopback (discard) has no AWS behind it: a call would fail differently, and slowly.
    const r = asbuilt("scan", "--regions", "us-east-1", "--endpoint-url", "http://127.0.0.1:9", "-o", out);
    expectOutputError(r, out, /does not exist/);
  });
});

describe("check says what it did", () => {
  it("with -o, prints the counts and the PASS/FAIL line on stderr", () => {
    const out = join(tempDir(), "findings.json");
    const r = asbuilt(
      "check",
      snap("status-page"),
      "--spec",
      spec("status-page"),
      "--format",
      "json",
      "-o",
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`wrote ${out}`);
    expect(r.stderr).toMatch(
      // One finding per problem (src/rules/group.ts): 17 rule findings, 12 as the report shows them.
      /56 resources in 1 account, 1 region; 10 findings: 0 critical, 4 high, 3 medium, 3 low; 2 waived/,
    );
    expect(r.stderr).toMatch(/^FAIL: 4 findings at or above high \(--fail-on high\)\.$/m);
    const written = FindingsReport.parse(JSON.parse(readFileSync(out, "utf8"))).findings;
    expect(written).toHaveLength(12);
    expect(written.flatMap((f) => [f, ...(f.related ?? [])])).toHaveLength(17);
  });

  it("--summary gives per-rule counts and the top findings instead of the full text", () => {
    const r = asbuilt("check", snap("status-page"), "--spec", spec("status-page"), "--summary");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Findings by rule \(11 rules\):\n {2}flow-undocumented +high +3 open\n/);
    expect(r.stdout).toMatch(/ {2}tier-placement +high +0 open, 2 waived\n/);
    expect(r.stdout).toMatch(/Top findings \(10 of 10, worst first\):\n {2}HIGH {6}admin-port-open-to-world/);
    expect(r.stdout).not.toContain("fix:");
    expect(r.stdout).toMatch(/FAIL: 4 findings at or above high/);
    // With a machine-readable format on stdout, the summary goes to stderr.
    const json = asbuilt("check", snap("status-page"), "--format", "json", "--summary");
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(json.stderr).toMatch(/Findings by rule/);
  });

  it("--fail-on none reports without failing; --format and --fail-on take any case", () => {
    const none = asbuilt("check", snap("edroplets"), "--fail-on", "none");
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/REPORT ONLY: \d+ findings \(--fail-on none/);
    const upper = asbuilt("check", snap("edroplets"), "--format", "JSON", "--fail-on", "Critical");
    expect([0, 1]).toContain(upper.code);
    expect(FindingsReport.parse(JSON.parse(upper.stdout)).findings.length).toBeGreaterThan(0);
    const bad = asbuilt("check", snap("edroplets"), "--fail-on", "severe");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--fail-on "severe" is not a severity[\s\S]*none/);
  });

  it("JUnit under --fail-on none fails no case", () => {
    const r = asbuilt("check", snap("edroplets"), "--format", "junit", "--fail-on", "none");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("<failure");
    expect(r.stdout).toContain("report only (--fail-on none)");
  });
});
