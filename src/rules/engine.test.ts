import { describe, expect, it } from "vitest";
import { parseSpec } from "../architecture/load.ts";
import { Graph } from "../model/graph.ts";
import { failing, runRules, summarize } from "./engine.ts";
import { account, NOW, network } from "./test-helpers.ts";
import { defineRule, type Rule } from "./types.ts";

const meta = (id: string, pack: "baseline" | "spec" = "baseline") => ({
  id,
  title: id,
  severity: "medium" as const,
  pack,
  resourceTypes: ["AWS::EC2::Instance"],
  what: "test rule what",
  why: "test rule why",
  fix: "test rule fix",
  references: [],
  needs: [],
});

const everyInstance = (id: string, pack: "baseline" | "spec" = "baseline"): Rule =>
  defineRule({
    meta: meta(id, pack),
    check: (ctx) =>
      ctx.graph
        .ofType("AWS::EC2::Instance")
        .map((i) => ({ resource: i, message: `${id} on ${i.name}`, evidence: [] })),
  });

function graph() {
  const { b, a } = account();
  const { v, priv } = network(a);
  a.instance(priv, "b-host", { securityGroups: [a.securityGroup(v, "x")], tags: { Name: "b-host" } });
  a.instance(priv, "a-host", { securityGroups: [], tags: { Name: "a-host", Role: "legacy" } });
  return new Graph(b.build());
}

describe("runRules", () => {
  it("turns a rule that throws into a finding and runs the other rules", () => {
    const broken = defineRule({
      meta: meta("broken"),
      check: () => {
        throw new Error("boom");
      },
    });
    const findings = runRules([broken, everyInstance("fine")], graph(), { now: NOW });
    expect(findings.map((f) => f.ruleId)).toEqual(["rule-error", "fine", "fine"]);
    expect(findings[0]).toMatchObject({
      severity: "high",
      pack: "engine",
      message: "Rule broken threw an error, so its checks did not run: boom",
    });
  });

  it("orders findings by severity, rule and resource, the same every time", () => {
    const g = graph();
    const a = runRules([everyInstance("zeta"), everyInstance("alpha")], g, { now: NOW });
    expect(a.map((f) => `${f.ruleId}:${f.resourceName}`)).toEqual([
      "alpha:a-host",
      "alpha:b-host",
      "zeta:a-host",
      "zeta:b-host",
    ]);
    expect(JSON.stringify(runRules([everyInstance("alpha"), everyInstance("zeta")], g, { now: NOW }))).toBe(
      JSON.stringify(a),
    );
    expect(new Set(a.map((f) => f.fingerprint)).size).toBe(4);
  });

  it("applies the spec: rules off, severity overrides, spec rules only with a spec, unexpired waivers only", () => {
    const g = graph();
    const spec = parseSpec(
      `name: t
rules:
  quiet: off
  loud: { severity: critical }
waivers:
  - { rule: loud, resource: "tag:Role=legacy", reason: "decommissioned next sprint", expires: 2026-12-31 }
  - { rule: loud, resource: "name:b-*", reason: "this waiver has already expired", expires: 2026-10-01 }
`,
      "architecture.yaml",
    );
    const rules = [everyInstance("quiet"), everyInstance("loud"), everyInstance("conformance", "spec")];
    expect(runRules(rules, g, { now: NOW }).map((f) => f.ruleId)).toEqual(["loud", "loud", "quiet", "quiet"]);
    const findings = runRules(rules, g, { spec, now: NOW });
    expect(findings.map((f) => [f.ruleId, f.severity, f.resourceName, f.waived?.reason ?? null])).toEqual([
      ["loud", "critical", "a-host", "decommissioned next sprint"],
      ["loud", "critical", "b-host", null],
      ["conformance", "medium", "a-host", null],
      ["conformance", "medium", "b-host", null],
    ]);
    expect(summarize(findings)).toEqual({ critical: 1, high: 0, medium: 2, low: 0, waived: 1, total: 4 });
    expect(failing(findings, "high").map((f) => f.resourceName)).toEqual(["b-host"]);
  });
});
