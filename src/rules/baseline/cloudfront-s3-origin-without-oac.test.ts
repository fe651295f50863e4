import { describe, expect, it } from "vitest";
import { account, findingsOf } from "../test-helpers.ts";
import rule from "./cloudfront-s3-origin-without-oac.ts";

describe("cloudfront-s3-origin-without-oac", () => {
  it("reports an S3 origin read without OAC or OAI", () => {
    const { b, a } = account();
    const site = a.bucket("site");
    a.distribution("direct", { origins: [site], originAccessControl: false });
    a.distribution("controlled", { origins: [site] });
    const f = findingsOf(rule, b);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringMatching(
        /^CloudFront distribution "direct" reads S3 origin site\.s3\.us-east-2\.amazonaws\.com without origin access control\.$/,
      ),
    ]);
  });
});
