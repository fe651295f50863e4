import { describe, expect, it } from "vitest";
import { normalizeConfigItems } from "../config/normalize.ts";
import { ACCOUNT, item } from "../config/test-item.ts";

describe("the account's S3 Block Public Access from AWS Config", () => {
  it("reads AWS::S3::AccountPublicAccessBlock's four settings in Config's case; one resource per account", () => {
    const block = (region: string, restrict: boolean) =>
      item({
        resourceType: "AWS::S3::AccountPublicAccessBlock",
        resourceId: ACCOUNT,
        awsRegion: region,
        configuration: {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: true,
          restrictPublicBuckets: restrict,
        },
      });
    const out = normalizeConfigItems([block("eu-west-1", false), block("us-east-1", false)]);
    const blocks = out.resources.filter((r) => r.type === "AWS::S3::AccountPublicAccessBlock");
    // Recorded in two regions, the same global resource (the snapshot keeps one by id).
    expect(new Set(blocks.map((b) => b.id)).size).toBe(1);
    expect(blocks[0]).toMatchObject({
      region: "global",
      props: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: false,
      },
    });
  });
});
