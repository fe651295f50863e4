import { describe, expect, it } from "vitest";
import { documentedShop, SHOP_SPEC } from "../spec-test-scenario.ts";
import { findingsOf } from "../test-helpers.ts";
import rule from "./tier-not-multi-az.ts";

describe("tier-not-multi-az", () => {
  it("accepts app instances over two AZs and a Multi-AZ database", () => {
    expect(findingsOf(rule, documentedShop().b, SHOP_SPEC)).toEqual([]);
  });

  it("reports a tier whose compute sits in one AZ, and a database without a standby", () => {
    const s = documentedShop();
    s.app2.props.subnetId = s.app1.props.subnetId;
    s.app2.props.availabilityZone = s.app1.props.availabilityZone;
    s.db.props.multiAz = false;
    expect(findingsOf(rule, s.b, SHOP_SPEC).map((x) => x.message)).toEqual([
      '"orders" is in tier "data", which requires several AZs, but it has no Multi-AZ standby.',
      'Tier "app" requires several AZs, but all its compute runs in us-east-2a.',
    ]);
  });
});
