import { describe, expect, it } from "vitest";
import { account, findingsOf } from "../test-helpers.ts";
import rule from "./default-security-group-allows-traffic.ts";

describe("default-security-group-allows-traffic", () => {
  it("reports a default group that keeps AWS's default rules; higher when something uses it", () => {
    const { b, a } = account();
    const v = a.vpc("main", { cidr: "10.0.0.0/16" });
    const s = a.subnet(v, "s", { cidr: "10.0.1.0/24", az: "us-east-2a" });
    const other = a.vpc("empty", { cidr: "10.1.0.0/16" });
    a.instance(s, "forgot-sg", { securityGroups: [v.defaultSecurityGroup] });
    other.defaultSecurityGroup.props.ingress = [];
    other.defaultSecurityGroup.props.egress = [];
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.resourceId])).toEqual([["medium", v.defaultSecurityGroup.id]]);
    expect(f[0]?.message).toMatch(/has 1 inbound and 1 outbound rule\(s\)\.$/);
  });
});
