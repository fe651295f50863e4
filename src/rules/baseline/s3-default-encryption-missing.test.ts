import { describe, expect, it } from "vitest";
import { account, findingsOf } from "../test-helpers.ts";
import rule from "./s3-default-encryption-missing.ts";

describe("s3-default-encryption-missing", () => {
  it("reports a bucket with no default encryption only", () => {
    const { b, a } = account();
    a.bucket("legacy", { encryption: null });
    a.bucket("kms", { encryption: "aws:kms" });
    a.bucket("default");
    expect(findingsOf(rule, b).map((x) => x.resourceName)).toEqual(["legacy"]);
  });
});
