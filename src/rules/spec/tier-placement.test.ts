import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./tier-placement.ts";

const SPEC = `name: t
tiers:
  app:
    select: { tags: { Role: app } }
    placement: private
  edge:
    select: { type: AWS::ElasticLoadBalancingV2::LoadBalancer }
    placement: public
waivers:
  - { rule: tier-placement, resource: "tag:Name=ci-*", reason: "CI runner in a public subnet, accepted until the move", expires: 2027-06-30 }
`;

describe("tier-placement", () => {
  it("reports a private-tier resource in a public subnet and a public tier with no public subnet", () => {
    const { b, a } = account();
    const { v, pub, priv } = network(a);
    a.instance(pub, "app-1", { securityGroups: [], tags: { Role: "app" } });
    a.instance(priv, "app-2", { securityGroups: [], tags: { Role: "app" } });
    a.loadBalancer(v, "inward", { scheme: "internal", subnets: [priv], securityGroups: [] });
    const f = findingsOf(rule, b, SPEC);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringMatching(
        /^"app-1" \(i-[0-9a-f]+\) is in tier "app" \(placement: private\) but sits in public subnet "main-public-a"/,
      ),
      expect.stringMatching(
        /^"inward" is in tier "edge" \(placement: public\) but sits in private subnet "main-private-a"/,
      ),
    ]);
    expect(f[0]?.specLine).toBe(5);
  });

  it("keeps a waived finding, marked with its reason, so it no longer fails the gate", () => {
    const { b, a } = account();
    const { pub } = network(a);
    a.instance(pub, "ci-runner", { securityGroups: [], tags: { Role: "app" } });
    const [f] = findingsOf(rule, b, SPEC);
    expect(f?.waived).toEqual({
      reason: "CI runner in a public subnet, accepted until the move",
      expires: "2027-06-30",
      specLine: 10,
    });
  });
});
