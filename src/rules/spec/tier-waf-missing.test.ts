import { describe, expect, it } from "vitest";
import { documentedShop, SHOP_SPEC } from "../spec-test-scenario.ts";
import { findingsOf } from "../test-helpers.ts";
import rule from "./tier-waf-missing.ts";

describe("tier-waf-missing", () => {
  it("reports an edge load balancer without a web ACL, and not once one protects it", () => {
    const s = documentedShop();
    expect(findingsOf(rule, s.b, SHOP_SPEC).map((x) => x.message)).toEqual([
      '"front" is in tier "edge", which requires WAF, but no web ACL protects it.',
    ]);
    const t = documentedShop();
    t.a.webAcl("front-waf", { protects: [t.lb] });
    expect(findingsOf(rule, t.b, SHOP_SPEC)).toEqual([]);
  });
});
