import { describe, expect, it } from "vitest";
import { account, findingsOf } from "../test-helpers.ts";
import rule from "./s3-public-access-not-blocked.ts";

describe("s3-public-access-not-blocked", () => {
  it("reports buckets without a full public access block; critical when the policy is public", () => {
    const { b, a } = account();
    a.bucket("backups");
    a.bucket("assets-open", { blockPublicAccess: false });
    a.bucket("leaky", { blockPublicAccess: false, policyIsPublic: true });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.resourceName])).toEqual([
      ["critical", "leaky"],
      ["high", "assets-open"],
    ]);
    expect(f[1]?.evidence[0]).toBe(
      "public access block settings off: blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets",
    );
  });
});
