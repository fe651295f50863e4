import { describe, expect, it } from "vitest";
import { tcp } from "../../../fixtures/builder.ts";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./db-port-open-to-world.ts";

describe("db-port-open-to-world", () => {
  it("reports a database port open to the world one step lower when nothing routes the internet to it", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const sg = a.securityGroup(v, "db", { ingress: [tcp(3306, "0.0.0.0/0")] });
    a.dbInstance(v, "orders", { engine: "mysql", subnets: [priv], securityGroups: [sg] });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      [
        "medium",
        expect.stringMatching(
          /allows MySQL \(tcp\/3306\) from 0\.0\.0\.0\/0, though nothing using it is reachable from the internet today\.$/,
        ),
      ],
    ]);
  });

  it("reports a publicly accessible database the internet can reach at high severity, with the path", () => {
    const { b, a } = account();
    const { v, pub, pub2 } = network(a);
    const sg = a.securityGroup(v, "db", { ingress: [tcp(3306, "0.0.0.0/0")] });
    a.dbInstance(v, "orders", {
      engine: "mysql",
      subnets: [pub, pub2],
      securityGroups: [sg],
      publiclyAccessible: true,
    });
    const f = findingsOf(rule, b);
    expect(f.map((x) => x.severity)).toEqual(["high"]);
    expect(f[0]?.evidence.at(-1)).toMatch(/^reachable from the internet: DBInstance "orders" via public IP/);
  });

  it("does not report a database reachable only from the app tier's group", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const app = a.securityGroup(v, "app");
    const sg = a.securityGroup(v, "db", { ingress: [tcp(5432, app)] });
    a.dbInstance(v, "orders", { engine: "postgres", subnets: [priv], securityGroups: [sg] });
    expect(findingsOf(rule, b)).toEqual([]);
  });
});
