import { describe, expect, it } from "vitest";
import { cidrContains, cidrOverlaps, isWorld, parseCidr } from "./cidr.ts";

describe("CIDR arithmetic", () => {
  it.each([
    ["0.0.0.0/0", "10.0.1.0/24", true],
    ["10.0.0.0/16", "10.0.1.0/24", true],
    ["10.0.1.0/24", "10.0.0.0/16", false],
    ["10.0.0.0/16", "10.1.0.0/24", false],
    ["10.0.0.0/16", "10.0.5.7/32", true],
    ["::/0", "2600:1f18:abcd::/56", true],
    ["2600:1f18:abcd::/48", "2600:1f18:abcd:12::/64", true],
    ["2600:1f18:abcd::/48", "2600:1f18:abce::/64", false],
    ["0.0.0.0/0", "::/0", false],
  ])("%s contains %s: %s", (outer, inner, expected) => {
    expect(cidrContains(outer, inner)).toBe(expected);
  });

  it("overlap is symmetric and family-aware", () => {
    expect(cidrOverlaps("10.0.0.0/16", "10.0.128.0/17")).toBe(true);
    expect(cidrOverlaps("10.0.128.0/17", "10.0.0.0/16")).toBe(true);
    expect(cidrOverlaps("10.0.0.0/17", "10.0.128.0/17")).toBe(false);
    expect(cidrOverlaps("::/0", "10.0.0.0/8")).toBe(false);
  });

  it("normalises host bits and rejects garbage", () => {
    expect(parseCidr("10.0.1.7/24")?.start).toBe(parseCidr("10.0.1.0/24")?.start);
    expect(parseCidr("10.0.300.0/24")).toBeNull();
    expect(parseCidr("1::2::3/64")).toBeNull();
    expect(isWorld("::/0")).toBe(true);
  });
});
