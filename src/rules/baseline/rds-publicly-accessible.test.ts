import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./rds-publicly-accessible.ts";

describe("rds-publicly-accessible", () => {
  it("reports a publicly accessible instance in public subnets, critical", () => {
    const { b, a } = account();
    const { v, pub, pub2 } = network(a);
    a.dbInstance(v, "shop-db", {
      engine: "mysql",
      subnets: [pub, pub2],
      securityGroups: [a.securityGroup(v, "db")],
      publiclyAccessible: true,
    });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ["critical", 'RDS instance "shop-db" (mysql) is publicly accessible and sits in public subnets.'],
    ]);
    expect(f[0]?.evidence).toContain("PubliclyAccessible is true");
  });

  it("does not report a private database", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    a.dbInstance(v, "shop-db", {
      engine: "postgres",
      subnets: [priv],
      securityGroups: [a.securityGroup(v, "db")],
    });
    expect(findingsOf(rule, b)).toEqual([]);
  });
});
