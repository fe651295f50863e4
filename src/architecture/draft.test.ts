import { describe, expect, it } from "vitest";
import { tcp } from "../../fixtures/builder.ts";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { synthetic } from "../../fixtures/synthetic.ts";
import { computeFacts } from "../analysis/facts.ts";
import { draftWithDecisions } from "../cli/init.ts";
import { Graph } from "../model/graph.ts";
import type { Snapshot } from "../model/snapshot.ts";
import { runChecks } from "../rules/engine.ts";
import { RULES } from "../rules/index.ts";
import { account, NOW, network } from "../rules/test-helpers.ts";
import { oneLine } from "./draft.ts";
import { parseSpec } from "./load.ts";

/** The draft of an account, and what a check with it reports. */
function drafted(snapshot: Snapshot) {
  const graph = new Graph(snapshot);
  const yaml = draftWithDecisions(graph, "t", "schema/architecture.schema.json");
  const spec = parseSpec(yaml, "architecture.yaml");
  const checks = runChecks(RULES, graph, { spec, facts: computeFacts(graph), now: NOW });
  return { yaml, spec, ...checks };
}

/** Conformance the draft itself decides: it must hold for the account it was drafted from. */
const DRAFT_RULES = [
  "flow-undocumented",
  "flow-broken",
  "tier-placement",
  "tier-empty",
  "resource-undocumented",
  "tier-waf-missing",
  "tier-tls-missing",
  "tier-not-multi-az",
  "tier-encryption-missing",
];

function expectPassesItsOwnDraft(snapshot: Snapshot) {
  const { yaml, findings } = drafted(snapshot);
  expect(
    findings.filter((f) => DRAFT_RULES.includes(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`),
  ).toEqual([]);
  // Every other finding (the account's own problems) is listed in the draft for the team to decide.
  for (const f of findings) expect(yaml).toContain(`${f.ruleId}: ${oneLine(f.message)} (${f.resourceId})`);
  expect(yaml).toMatch(/^# To decide: /m);
}

describe.each(fixtureNames)("asbuilt init on %s", (name) => {
  it("drafts a spec its own account passes, listing what is left to decide", () => {
    expectPassesItsOwnDraft(FIXTURES[name].build());
  });
});

describe("asbuilt init", () => {
  it("passes its own draft on a synthetic account", () => {
    expectPassesItsOwnDraft(synthetic({ resources: 500, seed: 7 }));
  });

  it("puts untagged web, app and admin hosts in tiers of their own, by their security groups", () => {
    const { b, a } = account();
    const { v, pub, priv } = network(a);
    const web = a.securityGroup(v, "web", { ingress: [tcp(443, "0.0.0.0/0")] });
    const app = a.securityGroup(v, "app", { ingress: [tcp(8080, web)] });
    const admin = a.securityGroup(v, "admin", { ingress: [tcp(22, "203.0.113.0/24")] });
    for (const n of ["web-1", "web-2"]) a.instance(pub, n, { securityGroups: [web], publicIp: true });
    for (const n of ["app-1", "app-2"]) a.instance(priv, n, { securityGroups: [app] });
    a.instance(pub, "jump", { securityGroups: [admin], publicIp: true });
    const { spec } = drafted(b.build());
    const tiers = Object.entries(spec.spec.tiers).map(([n, t]) => [n, t.placement, t.select.name]);
    expect(tiers).toEqual(
      expect.arrayContaining([
        ["web", "public", ["web-1", "web-2"]],
        ["app", "private", ["app-1", "app-2"]],
        ["admin", "public", ["jump"]],
      ]),
    );
    expect(spec.spec.flows).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: "web", to: "app", ports: [8080] })]),
    );
    expectPassesItsOwnDraft(b.build());
  });

  it("splits a tier whose members sit in public and private subnets, instead of calling it all public", () => {
    const { b, a } = account();
    const { v, pub, priv } = network(a);
    const sg = a.securityGroup(v, "worker", { ingress: [] });
    a.instance(pub, "worker-1", { securityGroups: [sg], publicIp: true });
    a.instance(priv, "worker-2", { securityGroups: [sg] });
    const { spec } = drafted(b.build());
    expect(Object.entries(spec.spec.tiers).map(([n, t]) => [n, t.placement])).toEqual(
      expect.arrayContaining([
        ["worker-public", "public"],
        ["worker-private", "private"],
      ]),
    );
    expectPassesItsOwnDraft(b.build());
  });
});
