import { describe, expect, it } from "vitest";
import { tcp } from "../../../fixtures/builder.ts";
import { documentedShop, SHOP_SPEC } from "../spec-test-scenario.ts";
import { findingsOf } from "../test-helpers.ts";
import rule from "./flow-undocumented.ts";

describe("flow-undocumented", () => {
  it("finds nothing when reachability matches the documented flows", () => {
    expect(findingsOf(rule, documentedShop().b, SHOP_SPEC)).toEqual([]);
  });

  it("reports a database the bastion can reach, with the evidence path", () => {
    const s = documentedShop();
    s.a.allowIngress(s.dbSg, tcp(5432, s.bastionSg));
    const f = findingsOf(rule, s.b, SHOP_SPEC);
    expect(f.map((x) => x.message)).toEqual([
      '"orders" can be reached from tier "bastion" on tcp/5432, which no documented flow allows.',
    ]);
    expect(f[0]?.evidence[0]).toBe('documented from tier "bastion": nothing');
    expect(f[0]?.evidence.join("\n")).toMatch(
      /security group "db" \(sg-[0-9a-f]+\) ingress tcp\/5432 from sg-[0-9a-f]+ \(a group the peer is in\)/,
    );
  });

  it("reports an app port the internet can reach directly, at high severity", () => {
    const s = documentedShop();
    const open = s.a.securityGroup(s.v, "oops", { ingress: [tcp(8080, "0.0.0.0/0")] });
    s.a.instance(s.pub, "app-3", { securityGroups: [open], publicIp: true, tags: { Role: "app" } });
    const f = findingsOf(rule, s.b, SHOP_SPEC);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      [
        "high",
        expect.stringMatching(
          /^"app-3" \(i-[0-9a-f]+\) can be reached from internet on tcp\/8080, which no documented flow allows\.$/,
        ),
      ],
    ]);
  });

  it("never reports a flow from a database tier: a database opens no connections", () => {
    const s = documentedShop();
    // The app group lets the database's group in on 9000: no connection is ever opened that way.
    s.a.allowIngress(s.appSg, tcp(9000, s.dbSg));
    expect(findingsOf(rule, s.b, SHOP_SPEC)).toEqual([]);
  });
});
