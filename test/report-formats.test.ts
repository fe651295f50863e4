import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import AjvModule from "ajv-draft-04";
import type { Log } from "sarif";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_NOW } from "../fixtures/golden.ts";
import { FIXTURES } from "../fixtures/index.ts";
import { computeFacts } from "../src/analysis/facts.ts";
import { loadSpec } from "../src/architecture/load.ts";
import { ruleIndex } from "../src/cli/check.ts";
import { Graph } from "../src/model/graph.ts";
import { formatCodeQuality } from "../src/report/codequality.ts";
import { formatJson } from "../src/report/json.ts";
import { formatJunit } from "../src/report/junit.ts";
import { formatMarkdown } from "../src/report/markdown.ts";
import { formatSarif } from "../src/report/sarif.ts";
import { formatText } from "../src/report/text.ts";
import type { ReportInput } from "../src/report/types.ts";
import { runChecks } from "../src/rules/engine.ts";
import { groupFindings } from "../src/rules/group.ts";
import { RULES } from "../src/rules/index.ts";
import { asbuilt, ROOT } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

const require = createRequire(import.meta.url);

let input: ReportInput;
beforeAll(async () => {
  const f = FIXTURES["status-page"];
  const snapshot = f.build();
  // An XSS probe in a user-written tag: every format must keep it as text.
  const probe = snapshot.resources.find((r) => r.name === "test-server");
  if (probe) probe.name = "<img src=x onerror=alert(1)>";
  // A value the source did not record (an old AWS Config item without StorageEncrypted): unverified.
  const db = snapshot.resources.find((r) => r.type === "AWS::RDS::DBInstance");
  if (db) delete (db.props as { storageEncrypted?: boolean }).storageEncrypted;
  const graph = new Graph(snapshot);
  const specFile = join(f.dir, "architecture.yaml");
  const spec = await loadSpec(specFile);
  const { findings, unverified } = runChecks(RULES, graph, {
    spec,
    facts: computeFacts(graph),
    now: FIXTURE_NOW,
  });
  input = {
    version: "0.0.0-test",
    snapshotFile: "snapshot.json",
    specFile: "fixtures/status-page/architecture.yaml",
    snapshot,
    findings,
    unverified,
    rules: ruleIndex(),
    failOn: "high",
  };
});

describe("SARIF", () => {
  it("is valid SARIF 2.1.0 against the OASIS schema", () => {
    const schema = JSON.parse(
      require("node:fs").readFileSync(
        require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"),
        "utf8",
      ),
    );
    // The schema uses a language-tag pattern that is not valid in unicode mode.
    // CommonJS default export: the class is the module itself at run time.
    const Ajv = ((AjvModule as unknown as { default?: unknown }).default ??
      AjvModule) as unknown as typeof AjvModule.default;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const ok = validate(JSON.parse(formatSarif(input)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("lists each rule once, points results at them by index, ARNs as logical locations, spec findings at their line, waivers as suppressions", () => {
    const log = JSON.parse(formatSarif(input)) as Log;
    const run = log.runs[0];
    const rules = run?.tool.driver.rules ?? [];
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.length).toBe(RULES.length);
    for (const r of run?.results ?? []) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
    const ssh = run?.results?.find((r) => r.ruleId === "admin-port-open-to-world");
    expect(ssh?.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toMatch(
      /^arn:aws:ec2:eu-west-1:210987654321:security-group\//,
    );
    const tags = run?.results?.find((r) => r.ruleId === "required-tags-missing");
    const specText = require("node:fs").readFileSync(
      join(ROOT, "fixtures/status-page/architecture.yaml"),
      "utf8",
    ) as string;
    const requiredLine =
      specText.split("\n").findIndex((l) => l.includes("required: [Project, Environment]")) + 1;
    expect(tags?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(requiredLine);
    const waived = run?.results?.filter((r) => r.suppressions?.length) ?? [];
    expect(waived).toHaveLength(6);
    expect(waived[0]?.suppressions?.[0]).toMatchObject({
      kind: "external",
      status: "accepted",
      justification: expect.stringMatching(/Known compromise.*\(waived until 2027-06-30\)/),
    });
    expect(rules.find((r) => r.id === "rds-publicly-accessible")?.properties?.["security-severity"]).toBe(
      "9.5",
    );
  });

  it("always has results, even with no findings", () => {
    const log = JSON.parse(formatSarif({ ...input, findings: [] })) as Log;
    expect(log.runs[0]?.results).toEqual([]);
  });
});

describe("JUnit", () => {
  it("has a case per rule × resource: failures at or above --fail-on, waived ones skipped, clean rules passing", () => {
    const xml = formatJunit(input);
    const cases = xml.match(/<testcase /g)?.length ?? 0;
    const flagged = input.findings.length + input.unverified.length;
    const clean = RULES.filter(
      (r) => ![...input.findings, ...input.unverified].some((f) => f.ruleId === r.meta.id),
    ).length;
    expect(cases).toBe(flagged + clean);
    expect(xml.match(/<failure /g)?.length).toBe(
      input.findings.filter((f) => !f.waived && ["high", "critical"].includes(f.severity)).length,
    );
    // Six waived findings and the one check the data could not decide.
    expect(xml.match(/<skipped/g)?.length).toBe(7);
    expect(xml).toMatch(/rds-storage-unencrypted: [^"]+ \(unverified\)/);
    // Untrusted text stays inside attributes (escaped) or CDATA, never as markup.
    expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "")).not.toContain("<img");
  });
});

describe("unverified checks", () => {
  it("are neither findings nor passes: listed apart in every format, with what was not recorded", () => {
    expect(input.unverified.map((u) => [u.ruleId, u.resourceName, u.missing])).toEqual([
      [
        "rds-storage-unencrypted",
        "status-page-db",
        [expect.stringMatching(/^StorageEncrypted of DBInstance "status-page-db" is not recorded$/)],
      ],
    ]);
    expect(input.findings.some((f) => f.ruleId === "rds-storage-unencrypted")).toBe(false);
    const json = JSON.parse(formatJson(input));
    expect(json.unverified).toHaveLength(1);
    expect(json.summary.unverified).toBe(1);
    const sarif = JSON.parse(formatSarif(input)) as Log;
    const note = sarif.runs[0]?.invocations?.[0]?.toolExecutionNotifications?.[0];
    expect(note).toMatchObject({ level: "warning", descriptor: { id: "rds-storage-unencrypted" } });
    expect(note?.message.text).toMatch(/^Unverified: StorageEncrypted/);
    expect(sarif.runs[0]?.results?.some((r) => r.ruleId === "rds-storage-unencrypted")).toBe(false);
    expect(formatMarkdown(input)).toMatch(/### ❔ Unverified \(1\)/);
    expect(formatText(input)).toMatch(
      /UNVERIFIED \(1\): not checked, the data was not recorded\n {2}rds-storage-unencrypted {2}1 check \(high if it fails\)/,
    );
  });
});

describe("GitLab code quality", () => {
  it("lists every open finding once per problem, at its spec line or the snapshot, with GitLab's severities", () => {
    const entries = JSON.parse(formatCodeQuality(input)) as {
      check_name: string;
      severity: string;
      fingerprint: string;
      location: { path: string; lines: { begin: number } };
    }[];
    const open = groupFindings(input.findings, input.rules).filter((f) => !f.waived);
    expect(entries.map((e) => e.fingerprint)).toEqual(open.map((f) => f.fingerprint));
    const mapped = { low: "minor", medium: "major", high: "critical", critical: "blocker" } as const;
    expect(entries.map((e) => e.severity)).toEqual(open.map((f) => mapped[f.severity]));
    const tags = entries.find((e) => e.check_name === "required-tags-missing");
    expect(tags?.location.path).toBe("fixtures/status-page/architecture.yaml");
    expect(tags?.location.lines.begin).toBeGreaterThan(1);
    const ssh = entries.find((e) => e.check_name === "admin-port-open-to-world");
    expect(ssh?.location).toEqual({ path: "snapshot.json", lines: { begin: 1 } });
  });
});

describe("Markdown", () => {
  it("renders AWS text as text", () => {
    const md = formatMarkdown(input);
    expect(md).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(md).not.toMatch(/<img/);
    expect(md).toMatch(/^## asbuilt: ❌ \d+ findings at or above high/);
  });
});

describe("asbuilt check as a gate", () => {
  const snap = join(ROOT, "fixtures/coursedog/snapshot.json");
  const spec = join(ROOT, "fixtures/coursedog/architecture.yaml");

  it("writes several formats into a directory at once", async () => {
    const dir = join(tempDir("asbuilt-gate-"), "reports");
    const r = asbuilt("check", snap, "--spec", spec, "--format", "sarif,junit,markdown,json", "-o", dir);
    expect(r.code).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([
      "findings.json",
      "findings.junit.xml",
      "findings.md",
      "findings.sarif",
    ]);
  });

  it("needs a directory for several formats, and names unknown ones (exit 2)", () => {
    expect(asbuilt("check", snap, "--format", "sarif,junit").stderr).toMatch(
      /2 formats need an output directory/,
    );
    const bad = asbuilt("check", snap, "--format", "sarif,pdf");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown format "pdf" in --format/);
  });

  it("reports only new findings against a baseline", async () => {
    const dir = tempDir("asbuilt-gate-");
    const base = join(dir, "baseline.json");
    expect(asbuilt("check", snap, "--spec", spec, "--format", "json", "-o", base).code).toBe(1);
    const again = asbuilt("check", snap, "--spec", spec, "--baseline", base, "--format", "json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).findings).toEqual([]);
    expect(again.stderr).toMatch(/\d+ finding\(s\) already in the baseline/);
    expect(JSON.parse(await readFile(base, "utf8")).findings.length).toBeGreaterThan(0);
  });
});
