import { describe, expect, it } from "vitest";
import { parseConfigItem } from "./item.ts";

describe("parseConfigItem", () => {
  it("a capture time beyond what a date can hold is unknown, not a crash (found by the importers' fuzz test)", () => {
    const parsed = parseConfigItem({
      accountId: "123456789012",
      awsRegion: "us-east-1",
      resourceType: "AWS::EC2::VPC",
      resourceId: "vpc-1",
      configuration: {},
      configurationItemCaptureTime: 8640000000000001,
    });
    expect("error" in parsed ? parsed.error : parsed.capturedAt).toBeUndefined();
  });
});
