import { describe, expect, it } from "vitest";
import { documentedShop, SHOP_SPEC } from "../spec-test-scenario.ts";
import { findingsOf } from "../test-helpers.ts";
import rule from "./tier-encryption-missing.ts";

describe("tier-encryption-missing", () => {
  it("reports an unencrypted database in a tier that requires encryption", () => {
    expect(findingsOf(rule, documentedShop().b, SHOP_SPEC)).toEqual([]);
    const s = documentedShop();
    s.db.props.storageEncrypted = false;
    expect(findingsOf(rule, s.b, SHOP_SPEC).map((x) => x.message)).toEqual([
      '"orders" is in tier "data", which requires encryption at rest, but its data is not encrypted.',
    ]);
  });
});
