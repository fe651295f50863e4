import { describe, expect, it } from "vitest";
import { FIXTURE_NOW } from "../../fixtures/golden.ts";
import { FIXTURES } from "../../fixtures/index.ts";
import { loadSpec } from "../architecture/load.ts";
import { analyzeSnapshot } from "../cli/check.ts";

describe("the flow map a diagram draws", () => {
  it("marks every flow the flow-undocumented rule reports as undocumented, and the documented ones as such", async () => {
    const f = FIXTURES.coursedog;
    const a = analyzeSnapshot(f.build(), await loadSpec(`${f.dir}/architecture.yaml`), FIXTURE_NOW);
    const view = a.view();
    const undocumentedTargets = new Set(
      view.flows.filter((x) => x.status === "undocumented").map((x) => x.to),
    );
    const reported = a.findings.filter((x) => x.ruleId === "flow-undocumented").map((x) => x.resourceId);
    expect(reported.length).toBeGreaterThan(0);
    for (const r of reported) expect(undocumentedTargets.has(r), r).toBe(true);
    // The documented internet → ALB flow on 80/443 is there and documented.
    const alb = a.snapshot.resources.find(
      (r) => r.name === "coursedog-production" && r.type.includes("LoadBalancer"),
    );
    expect(view.flows).toContainEqual({
      from: "internet",
      to: alb?.id,
      ports: "80, 443",
      status: "documented",
    });
    expect(view.flowsLeftOut).toBe(0);
    expect(view.tiers.app?.length).toBeGreaterThan(0);
    expect(view.environmentTag).toBe("Environment");
  });

  it("without a spec, draws what the internet reaches as unspecified and nothing between tiers", () => {
    const a = analyzeSnapshot(FIXTURES.edroplets.build(), undefined, FIXTURE_NOW);
    const view = a.view();
    expect(view.flows.length).toBeGreaterThan(0);
    expect(new Set(view.flows.map((f) => f.status))).toEqual(new Set(["unspecified"]));
    expect(view.flows.every((f) => f.from === "internet")).toBe(true);
    expect(view.tiers).toEqual({});
  });
});
