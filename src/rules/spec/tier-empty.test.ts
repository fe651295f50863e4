import { describe, expect, it } from "vitest";
import { documentedShop, SHOP_SPEC } from "../spec-test-scenario.ts";
import { findingsOf } from "../test-helpers.ts";
import rule from "./tier-empty.ts";

describe("tier-empty", () => {
  it("reports a documented tier that matches nothing", () => {
    const spec = SHOP_SPEC.replace(
      "flows:",
      "  cache: { select: { type: AWS::ElastiCache::CacheCluster } }\nflows:",
    );
    const f = findingsOf(rule, documentedShop().b, spec);
    expect(f.map((x) => [x.message, x.specLine])).toEqual([
      ['Tier "cache" is documented but no resource matches it.', 7],
    ]);
    expect(findingsOf(rule, documentedShop().b, SHOP_SPEC)).toEqual([]);
  });
});
