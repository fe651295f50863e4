import type { Log } from "sarif";
import { describe, expect, it } from "vitest";
import { fixtureChecks } from "../../fixtures/golden.ts";
import { FIXTURES } from "../../fixtures/index.ts";
import { ruleIndex } from "../cli/check.ts";
import { findingsReport } from "../report/json.ts";
import { formatJunit } from "../report/junit.ts";
import { formatSarif } from "../report/sarif.ts";
import { fingerprintsOf, groupFindings } from "./group.ts";

describe("one problem, one finding", () => {
  it("groups a public MySQL's exposure, encryption and availability findings, each problem once", async () => {
    const { findings } = await fixtureChecks("edroplets");
    const db = (f: { resourceId: string }) => f.resourceId.endsWith(":db:edroplets-mysql");
    expect(findings.filter(db).map((f) => f.ruleId)).toEqual([
      "rds-publicly-accessible",
      "flow-undocumented",
      "rds-storage-unencrypted",
      "tier-encryption-missing",
      "rds-single-az",
    ]);
    const grouped = groupFindings(findings, ruleIndex()).filter(db);
    expect(grouped.map((f) => [f.ruleId, f.severity, (f.related ?? []).map((r) => r.ruleId)])).toEqual([
      ["rds-publicly-accessible", "critical", ["flow-undocumented"]],
      ["rds-storage-unencrypted", "high", ["tier-encryption-missing"]],
      ["rds-single-az", "low", []],
    ]);
    // Nothing is lost: every rule's fingerprint is still there, for baselines and waivers.
    expect(grouped.flatMap(fingerprintsOf).sort()).toEqual(
      findings
        .filter(db)
        .map((f) => f.fingerprint)
        .sort(),
    );
  });

  it("reports an ALB without WAF once, whether the baseline rule or the spec's tier requirement found it", async () => {
    const { findings } = await fixtureChecks("coursedog");
    const grouped = groupFindings(findings, ruleIndex()).filter((f) =>
      f.resourceId.includes("coursedog-staging"),
    );
    const waf = grouped.filter((f) => f.ruleId === "alb-without-waf" || f.ruleId === "tier-waf-missing");
    expect(waf).toHaveLength(1);
    expect(waf[0]?.related?.map((r) => r.ruleId)).toEqual(["tier-waf-missing"]);
    // SARIF and JUnit keep each rule id addressable: both rules' results are there.
    const input = {
      version: "t",
      snapshotFile: "s.json",
      snapshot: FIXTURES.coursedog.build(),
      findings,
      unverified: [],
      rules: ruleIndex(),
      failOn: "high" as const,
    };
    const sarif = JSON.parse(formatSarif(input)) as Log;
    const staging = (sarif.runs[0]?.results ?? []).filter((r) =>
      r.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName?.includes(
        "loadbalancer/app/coursedog-staging",
      ),
    );
    expect(staging.map((r) => r.ruleId).sort()).toEqual(["alb-without-waf", "tier-waf-missing"]);
    expect(formatJunit(input)).toMatch(/tier-waf-missing: coursedog-staging/);
    // The JSON the UI reads has the grouped finding.
    const json = findingsReport(input);
    expect(json.findings.filter((f) => f.ruleId === "tier-waf-missing")).toEqual([]);
  });

  it("never groups a waived finding with an open one, nor findings on different resources", async () => {
    const { findings } = await fixtureChecks("status-page");
    const grouped = groupFindings(findings, ruleIndex());
    for (const f of grouped)
      for (const r of f.related ?? []) {
        const own = findings.find((x) => x.fingerprint === r.fingerprint);
        expect(own?.resourceId).toBe(f.resourceId);
        expect(Boolean(own?.waived)).toBe(Boolean(f.waived));
      }
    expect(grouped.flatMap(fingerprintsOf).length).toBe(findings.length);
  });
});
