import { describe, expect, it } from "vitest";
import { documentedShop, SHOP_SPEC } from "../spec-test-scenario.ts";
import { findingsOf } from "../test-helpers.ts";
import rule from "./waiver-expired.ts";

describe("waiver-expired", () => {
  it("reports waivers past their date (tests run at 2026-11-01), not current ones", () => {
    const spec = `${SHOP_SPEC}waivers:
  - { rule: tier-placement, resource: "tag:Role=ci", reason: "accepted until the CI move", expires: 2026-09-30 }
  - { rule: tier-placement, resource: "tag:Role=test", reason: "accepted until the CI move", expires: 2027-09-30 }
`;
    const f = findingsOf(rule, documentedShop().b, spec);
    expect(f.map((x) => [x.message, x.specLine])).toEqual([
      ["The waiver of tier-placement for tag:Role=ci expired on 2026-09-30.", 14],
    ]);
  });
});
