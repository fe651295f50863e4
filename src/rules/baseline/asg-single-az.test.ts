import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./asg-single-az.ts";

describe("asg-single-az", () => {
  it("reports a group whose subnets are in one AZ", () => {
    const { b, a } = account();
    const { v, pub, pub2, priv } = network(a);
    const sg = a.securityGroup(v, "app");
    a.autoScalingGroup("narrow", {
      subnets: [priv],
      instances: [a.instance(priv, "n1", { securityGroups: [sg] })],
    });
    a.autoScalingGroup("wide", {
      subnets: [pub, pub2],
      instances: [a.instance(pub, "w1", { securityGroups: [sg] })],
    });
    expect(findingsOf(rule, b).map((x) => x.resourceName)).toEqual(["narrow"]);
  });
});
