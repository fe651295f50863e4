import { describe, expect, it } from "vitest";
import { account, findingsOf } from "../test-helpers.ts";
import rule from "./cloudfront-allows-http.ts";

describe("cloudfront-allows-http", () => {
  it("reports allow-all, not redirect-to-https", () => {
    const { b, a } = account();
    const bucket = a.bucket("site");
    a.distribution("old-cdn", { origins: [bucket], viewerProtocolPolicy: "allow-all" });
    a.distribution("cdn", { origins: [bucket] });
    expect(findingsOf(rule, b).map((x) => x.resourceName)).toEqual(["old-cdn"]);
  });
});
