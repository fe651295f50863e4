import { describe, expect, it } from "vitest";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { computeFacts } from "../analysis/facts.ts";
import { Graph } from "../model/graph.ts";
import { runRules } from "../rules/engine.ts";
import { RULES } from "../rules/index.ts";
import { draftSpec } from "./draft.ts";
import { parseSpec } from "./load.ts";

describe.each(fixtureNames)("asbuilt init on %s", (name) => {
  it("drafts a valid spec that documents the account as it runs today", () => {
    const graph = new Graph(FIXTURES[name].build());
    const facts = computeFacts(graph);
    const yaml = draftSpec(graph, facts, name);
    const spec = parseSpec(yaml, "architecture.yaml");
    expect(Object.keys(spec.spec.tiers).length).toBeGreaterThan(1);
    expect(spec.spec.flows.length).toBeGreaterThan(0);
    const findings = runRules(RULES, graph, { spec, facts, now: new Date("2026-11-01T09:00:00Z") });
    const conformance = findings.filter((f) =>
      [
        "flow-undocumented",
        "flow-broken",
        "tier-placement",
        "tier-empty",
        "resource-undocumented",
        "tier-waf-missing",
      ].includes(f.ruleId),
    );
    expect(conformance.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});
