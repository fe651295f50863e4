import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./alb-without-waf.ts";

describe("alb-without-waf", () => {
  function lbs() {
    const { b, a } = account();
    const { v, pub, pub2, priv } = network(a);
    const sg = a.securityGroup(v, "lb");
    const open = a.loadBalancer(v, "staging-alb", {
      scheme: "internet-facing",
      subnets: [pub, pub2],
      securityGroups: [sg],
    });
    const guarded = a.loadBalancer(v, "prod-alb", {
      scheme: "internet-facing",
      subnets: [pub, pub2],
      securityGroups: [sg],
    });
    a.loadBalancer(v, "internal-alb", { scheme: "internal", subnets: [priv], securityGroups: [sg] });
    a.loadBalancer(v, "public-nlb", {
      scheme: "internet-facing",
      type: "network",
      subnets: [pub],
      securityGroups: [],
    });
    a.webAcl("prod-waf", { protects: [guarded] });
    return { b, open };
  }

  it("reports only internet-facing ALBs that no web ACL protects", () => {
    const { b, open } = lbs();
    const f = findingsOf(rule, b);
    expect(f.map((x) => x.resourceId)).toEqual([open.id]);
    expect(f[0]?.message).toBe('Internet-facing load balancer "staging-alb" has no WAF web ACL.');
  });
});
