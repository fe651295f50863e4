import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./lb-single-az.ts";

describe("lb-single-az", () => {
  it("reports a load balancer in one AZ, not one in two", () => {
    const { b, a } = account();
    const { v, pub, pub2, priv } = network(a);
    a.loadBalancer(v, "internal", { scheme: "internal", subnets: [priv], securityGroups: [] });
    a.loadBalancer(v, "public", { scheme: "internet-facing", subnets: [pub, pub2], securityGroups: [] });
    expect(findingsOf(rule, b).map((x) => x.message)).toEqual([
      'Load balancer "internal" runs in one Availability Zone (us-east-2a).',
    ]);
  });
});
