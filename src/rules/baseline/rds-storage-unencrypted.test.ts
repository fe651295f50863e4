import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./rds-storage-unencrypted.ts";

describe("rds-storage-unencrypted", () => {
  it("reports unencrypted instances only", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const sg = a.securityGroup(v, "db");
    a.dbInstance(v, "plain", { engine: "mysql", subnets: [priv], securityGroups: [sg], encrypted: false });
    a.dbInstance(v, "sealed", { engine: "mysql", subnets: [priv], securityGroups: [sg] });
    expect(findingsOf(rule, b).map((x) => x.message)).toEqual([
      'RDS instance "plain" stores its data unencrypted.',
    ]);
  });
});
