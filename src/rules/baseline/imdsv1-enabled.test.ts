import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./imdsv1-enabled.ts";

describe("imdsv1-enabled", () => {
  it("reports IMDSv1, not IMDSv2-only instances", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const sg = a.securityGroup(v, "app");
    a.instance(priv, "legacy", { securityGroups: [sg], imdsV2: false, instanceProfile: "legacy-role" });
    a.instance(priv, "modern", { securityGroups: [sg] });
    const f = findingsOf(rule, b);
    expect(f.map((x) => x.resourceName)).toEqual(["legacy"]);
    expect(f[0]?.evidence[1]).toMatch(/instance-profile\/legacy-role credentials are reachable/);
  });
});
