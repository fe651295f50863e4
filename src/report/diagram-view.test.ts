import { describe, expect, it } from "vitest";
import { FIXTURE_NOW } from "../../fixtures/golden.ts";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { loadSpec } from "../architecture/load.ts";
import { analyzeSnapshot } from "../cli/check.ts";

async function analyzed(name: keyof typeof FIXTURES) {
  const f = FIXTURES[name];
  return analyzeSnapshot(f.build(), await loadSpec(`${f.dir}/architecture.yaml`), FIXTURE_NOW);
}

describe("the flow map a diagram draws", () => {
  it.each(fixtureNames)(
    "%s: the flows that carry a finding are exactly check's flow-undocumented findings",
    async (name) => {
      const a = await analyzed(name);
      const view = a.view();
      const reported = a.findings.filter((x) => x.ruleId === "flow-undocumented");
      const shown = new Set(view.flows.flatMap((x) => (x.finding ? [x.finding] : [])));
      expect(shown).toEqual(new Set(reported.map((f) => f.fingerprint)));
      // A flow marked with a finding goes to that finding's resource, and is not documented.
      const byFp = new Map(reported.map((f) => [f.fingerprint, f]));
      for (const fl of view.flows.filter((x) => x.finding)) {
        expect(byFp.get(fl.finding ?? "")?.resourceId).toBe(fl.to);
        expect(fl.status).toBe("undocumented");
      }
    },
  );

  it("keeps documented flows with their evidence, and never starts a flow at a database, cache or load balancer without a finding", async () => {
    const a = await analyzed("coursedog");
    const view = a.view();
    const alb = a.snapshot.resources.find(
      (r) => r.name === "coursedog-production" && r.type.includes("LoadBalancer"),
    );
    const toAlb = view.flows.find((f) => f.from === "internet" && f.to === alb?.id);
    expect(toAlb).toMatchObject({ ports: "80, 443", status: "documented" });
    expect(toAlb?.evidence?.length).toBeGreaterThan(0);
    const byId = new Map(a.snapshot.resources.map((r) => [r.id, r]));
    const passive = view.flows.filter((f) =>
      /LoadBalancer$|DBInstance|DBCluster|CacheCluster/.test(byId.get(f.from)?.type ?? ""),
    );
    for (const f of passive) expect(f.finding, `${f.from} → ${f.to}`).toBeDefined();
    expect(view.flowsLeftOut).toBe(0);
    expect(view.tiers.app?.length).toBeGreaterThan(0);
    expect(view.environmentTag).toBe("Environment");
  });

  it("classes every subnet from its route table", async () => {
    const a = await analyzed("status-page");
    const classes = a.view().subnetClasses;
    const subnets = a.snapshot.resources.filter((r) => r.type === "AWS::EC2::Subnet");
    expect(Object.keys(classes).sort()).toEqual(subnets.map((s) => s.id).sort());
    expect(new Set(Object.values(classes))).toEqual(new Set(["public", "private", "isolated"]));
  });

  it("without a spec, draws what the internet reaches as unspecified and nothing between tiers", () => {
    const a = analyzeSnapshot(FIXTURES.edroplets.build(), undefined, FIXTURE_NOW);
    const view = a.view();
    expect(view.flows.length).toBeGreaterThan(0);
    expect(new Set(view.flows.map((f) => f.status))).toEqual(new Set(["unspecified"]));
    expect(view.flows.every((f) => f.from === "internet" && !f.finding)).toBe(true);
    expect(view.tiers).toEqual({});
  });
});
