import { describe, expect, it } from "vitest";
import { documentedShop, SHOP_SPEC } from "../spec-test-scenario.ts";
import { findingsOf } from "../test-helpers.ts";
import rule from "./resource-undocumented.ts";

describe("resource-undocumented", () => {
  it("reports workloads and data stores that no tier selects, not network plumbing", () => {
    const s = documentedShop();
    expect(findingsOf(rule, s.b, SHOP_SPEC)).toEqual([]);
    s.a.instance(s.pub, "debug-box", { securityGroups: [s.bastionSg], tags: { Owner: "j.doe" } });
    s.a.bucket("exports");
    expect(findingsOf(rule, s.b, SHOP_SPEC).map((x) => x.message)).toEqual([
      expect.stringMatching(/^EC2 Instance "debug-box" \(i-[0-9a-f]+\) is in no documented tier\.$/),
      'S3 Bucket "exports" is in no documented tier.',
    ]);
  });
});
