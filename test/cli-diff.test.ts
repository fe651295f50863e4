import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiffReport } from "../src/diff/schema.ts";
import { serializeSnapshot } from "../src/model/io.ts";
import { COURSEDOG, COURSEDOG_SPEC, coursedogAWeekLater } from "./diff-story.ts";
import { asbuilt } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

// `asbuilt diff` end to end, as a user runs it: coursedog as scanned, and a week later (test/diff-story.ts).

const dir = tempDir("asbuilt-diff-");
const later = join(dir, "later.json");
writeFileSync(later, serializeSnapshot(coursedogAWeekLater()));

describe("asbuilt diff", () => {
  it("text: the summary first, then exposure, findings with their cause, resources by VPC and type; exit 1", () => {
    const r = asbuilt("diff", COURSEDOG, later, "--spec", COURSEDOG_SPEC);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines[1]).toBe("  resources: 5 added, 3 removed, 4 changed; edges: 6 added, 4 removed");
    expect(lines[4]).toBe("FAIL: 2 new findings at or above high");
    expect(r.stdout).toMatch(
      /\+ internet → debug-box \(i-0d3b06b0c5e1a2f47\) tcp\/22 from any address\n {6}opened by: .*security group "debug-ssh" \(sg-0d3b06b0c5e1a2f47\) ingress tcp\/22 from 0\.0\.0\.0\/0/,
    );
    expect(r.stdout).toContain("  + edge → cache tcp/6379 now possible");
    expect(r.stdout).toMatch(
      /HIGH environments-share-vpc {2}staging-to-production: Peering .*\n {6}caused by: staging-to-production was added/,
    );
    expect(r.stdout).toMatch(
      /MEDIUM db-port-open-to-world {2}production-redis: .*\n {6}caused by: production-redis: ingress: \+ tcp\/6379 from 0\.0\.0\.0\/0/,
    );
    expect(r.stdout).toContain(
      "  MEDIUM required-tags-missing  coursedog-staging-app-hotfix (resource removed)",
    );
    expect(r.stdout).toMatch(
      /VPC coursedog-production \(vpc-[0-9a-f]+\)\n {4}AWS::EC2::RouteTable\n {6}~ production-private-a \(rtb-[0-9a-f]+\)\n {10}routes: \+ 10\.20\.0\.0\/16 → pcx-0f1e2d3c4b5a69788 \(vpc-peering\)/,
    );
    expect(r.stdout).toMatch(/~ dev-data-sync \(i-[0-9a-f]+\)\n {10}tags\.Environment: dev → staging/);
    expect(r.stdout).toContain("      − coursedog-staging-app-hotfix (i-dde82dbffa3ba8b46)");
    expect(r.stdout).toContain("      + staging-to-production (pcx-0f1e2d3c4b5a69788)");
    expect(r.stdout).toContain("  + routes: rtb-39f39ce625f6b0a91 → pcx-0f1e2d3c4b5a69788");
    // A new high finding fails the gate; --fail-on critical lets it through.
    expect(asbuilt("diff", COURSEDOG, later, "--spec", COURSEDOG_SPEC, "--fail-on", "critical").code).toBe(0);
  });

  it("identical snapshots: an empty diff, exit 0", () => {
    const r = asbuilt("diff", COURSEDOG, COURSEDOG, "--spec", COURSEDOG_SPEC, "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const d = DiffReport.parse(JSON.parse(r.stdout));
    expect([
      d.added,
      d.removed,
      d.changed,
      d.edges.added,
      d.edges.removed,
      d.findings.new,
      d.findings.fixed,
    ]).toEqual([[], [], [], [], [], [], []]);
    expect(d.exposure).toEqual({ internet: [], tierFlows: [] });
    expect(d.findings.open.length).toBeGreaterThan(0);
  });

  it("snapshots of different accounts: a clear error and exit 2, unless --allow-different-scope", () => {
    const other = join(dir, "other-account.json");
    writeFileSync(other, readFileSync(COURSEDOG, "utf8").replaceAll("123456789012", "210987654321"));
    const r = asbuilt("diff", COURSEDOG, other);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /different accounts \(only in .*coursedog\/snapshot\.json: 123456789012; only in .*other-account\.json: 210987654321\)/,
    );
    expect(r.stderr).toContain("--allow-different-scope");
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    const ok = asbuilt("diff", COURSEDOG, other, "--allow-different-scope", "--format", "json");
    expect(ok.code, ok.stderr).toBe(0);
    const d = DiffReport.parse(JSON.parse(ok.stdout));
    expect(d.scope.accountsOnlyInNew).toEqual(["210987654321"]);
    expect(d.removed).toEqual([]);
    expect(d.unrecorded.length).toBeGreaterThan(0);
  });

  it("markdown, sarif and json into a folder: AWS strings escaped, SARIF with only the new findings", () => {
    const out = join(dir, "reports");
    const r = asbuilt(
      "diff",
      COURSEDOG,
      later,
      "--spec",
      COURSEDOG_SPEC,
      "--format",
      "markdown,sarif,json",
      "-o",
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("diff.md");
    expect(r.stderr).toContain("FAIL: 2 new findings at or above high");
    const md = readFileSync(join(out, "diff.md"), "utf8");
    expect(md).toMatch(/^## asbuilt diff: ❌ FAIL/);
    expect(md).toContain("<details>\n<summary>New findings (10)</summary>");
    expect(md).toContain("tags.Team: + &lt;b&gt;ops\\|data&lt;/b&gt; (tag added)");
    expect(md).not.toContain("<b>ops");
    const d = DiffReport.parse(JSON.parse(readFileSync(join(out, "diff.json"), "utf8")));
    const sarif = JSON.parse(readFileSync(join(out, "diff.sarif"), "utf8")) as {
      runs: { results: { partialFingerprints: Record<string, string> }[] }[];
    };
    const fps = sarif.runs[0]?.results.map((x) => x.partialFingerprints["asbuiltFinding/v1"]);
    expect(fps?.sort()).toEqual(d.findings.new.map((f) => f.fingerprint).sort());
    expect(d.findings.new.length).toBe(10);
  });

  it("control characters in AWS strings cannot reach the terminal", () => {
    const s = coursedogAWeekLater();
    const bucket = s.resources.find((x) => x.name === "coursedog-artifacts");
    if (bucket) bucket.tags.Team = "\u001b[2J\u001b]0;pwned\u0007";
    const f = join(dir, "control.json");
    writeFileSync(f, serializeSnapshot(s));
    const r = asbuilt("diff", COURSEDOG, f);
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).toContain("tags.Team: + \\x1b[2J\\x1b]0;pwned\\x07 (tag added)");
  });

  it("bad input: an unknown format, a missing snapshot: exit 2, one paragraph", () => {
    const bad = asbuilt("diff", COURSEDOG, later, "--format", "junit");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown format "junit"[\s\S]*text, json, markdown, sarif/);
    const missing = asbuilt("diff", join(dir, "nope.json"), later);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.json");
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
