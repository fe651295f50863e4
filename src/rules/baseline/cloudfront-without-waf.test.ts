import { describe, expect, it } from "vitest";
import { account, findingsOf } from "../test-helpers.ts";
import rule from "./cloudfront-without-waf.ts";

describe("cloudfront-without-waf", () => {
  it("reports a distribution without a web ACL, not a protected one", () => {
    const { b, a } = account();
    const site = a.bucket("site");
    const open = a.distribution("open", { origins: [site] });
    const guarded = a.distribution("guarded", { origins: [site] });
    a.webAcl("edge", { scope: "CLOUDFRONT", protects: [guarded] });
    expect(findingsOf(rule, b).map((x) => x.resourceId)).toEqual([open.id]);
  });
});
