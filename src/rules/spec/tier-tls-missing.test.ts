import { describe, expect, it } from "vitest";
import { documentedShop, SHOP_SPEC } from "../spec-test-scenario.ts";
import { findingsOf } from "../test-helpers.ts";
import rule from "./tier-tls-missing.ts";

describe("tier-tls-missing", () => {
  it("accepts HTTPS with a redirecting port 80; reports a forwarding port 80", () => {
    const ok = documentedShop();
    ok.a.listener(ok.lb, { protocol: "HTTP", port: 80, redirectToHttps: true });
    expect(findingsOf(rule, ok.b, SHOP_SPEC)).toEqual([]);
    const bad = documentedShop();
    bad.a.listener(bad.lb, { protocol: "HTTP", port: 80, forwardTo: bad.tg });
    expect(findingsOf(rule, bad.b, SHOP_SPEC).map((x) => x.message)).toEqual([
      '"front" is in tier "edge", which requires TLS, but listener HTTP:80 serves plaintext.',
    ]);
  });
});
