import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./rds-single-az.ts";

describe("rds-single-az", () => {
  it("reports single-AZ instances, low severity", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const sg = a.securityGroup(v, "db");
    a.dbInstance(v, "single", { engine: "postgres", subnets: [priv], securityGroups: [sg] });
    a.dbInstance(v, "ha", { engine: "postgres", subnets: [priv], securityGroups: [sg], multiAz: true });
    expect(findingsOf(rule, b).map((x) => [x.severity, x.resourceName])).toEqual([["low", "single"]]);
  });
});
