import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./rds-backups-disabled.ts";

describe("rds-backups-disabled", () => {
  it("reports retention 0, not 7", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const sg = a.securityGroup(v, "db");
    a.dbInstance(v, "preview", {
      engine: "postgres",
      subnets: [priv],
      securityGroups: [sg],
      backupRetentionPeriod: 0,
    });
    a.dbInstance(v, "main", { engine: "postgres", subnets: [priv], securityGroups: [sg] });
    expect(findingsOf(rule, b).map((x) => x.message)).toEqual([
      'RDS instance "preview" keeps no automated backups.',
    ]);
  });
});
