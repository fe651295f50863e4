import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./compute-in-public-subnet.ts";

describe("compute-in-public-subnet", () => {
  it("reports instances, ECS services and Lambda functions in public subnets, with the route as evidence", () => {
    const { b, a } = account();
    const { v, pub, priv } = network(a);
    const sg = a.securityGroup(v, "app");
    a.instance(pub, "ci-runner", { securityGroups: [sg] });
    a.instance(priv, "app-1", { securityGroups: [sg] });
    a.ecsService(a.ecsCluster("jobs"), "nightly", { subnets: [pub], securityGroups: [sg] });
    a.lambda("resize", { vpc: { v, subnets: [priv], securityGroups: [sg] } });
    const f = findingsOf(rule, b);
    expect(f.map((x) => x.resourceName)).toEqual(["ci-runner", "nightly"]);
    expect(f[0]?.message).toBe(
      'Instance "ci-runner" (i-' +
        f[0]?.resourceId.split("/i-")[1] +
        ') runs in public subnet "main-public-a" (' +
        f[0]?.evidence[0]?.match(/subnet-[0-9a-f]+/)?.[0] +
        ").",
    );
    expect(f[0]?.evidence[0]).toMatch(
      /is public: route table "main-public" \(rtb-[0-9a-f]+\) has 0\.0\.0\.0\/0 → igw-/,
    );
  });

  it("does not report a resource documented in a public tier", () => {
    const { b, a } = account();
    const { v, pub } = network(a);
    a.instance(pub, "bastion", {
      securityGroups: [a.securityGroup(v, "bastion")],
      tags: { Role: "bastion" },
    });
    const spec = "name: t\ntiers:\n  bastion: { select: { tags: { Role: bastion } }, placement: public }\n";
    expect(findingsOf(rule, b, spec)).toEqual([]);
    expect(findingsOf(rule, b)).toHaveLength(1);
  });
});
