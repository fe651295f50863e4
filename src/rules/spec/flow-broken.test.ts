import { describe, expect, it } from "vitest";
import { documentedShop, SHOP_SPEC } from "../spec-test-scenario.ts";
import { findingsOf } from "../test-helpers.ts";
import rule from "./flow-broken.ts";

describe("flow-broken", () => {
  it("finds nothing when every documented flow is possible", () => {
    expect(findingsOf(rule, documentedShop().b, SHOP_SPEC)).toEqual([]);
  });

  it("reports a documented flow that the security groups block, at its spec line", () => {
    const s = documentedShop();
    s.dbSg.props.ingress = [];
    const f = findingsOf(rule, s.b, SHOP_SPEC);
    expect(f.map((x) => [x.message, x.specLine])).toEqual([
      ["The documented flow app → data on tcp/5432 is not possible.", 12],
    ]);
    expect(f[0]?.evidence[1]).toBe("what is possible between them: nothing");
  });
});
