import { describe, expect, it } from "vitest";
import { parseConfigItem } from "./item.ts";

describe("parseConfigItem", () => {
  const base = {
    accountId: "123456789012",
    awsRegion: "eu-west-1",
    resourceType: "AWS::EC2::VPC",
    resourceId: "vpc-1",
    configuration: {},
  };

  // Found by test/fuzz/importers.fuzz.test.ts: a capture time past the range of a Date threw
  // "RangeError: Invalid time value" out of the importer (an internal error with a stack trace).
  it("reads a capture time outside the range of a Date as no capture time, not a crash", () => {
    for (const t of [-8640000000000001, 8.64e15 + 1, "99999999999999999999"]) {
      const item = parseConfigItem({ ...base, configurationItemCaptureTime: t });
      expect(item).not.toHaveProperty("error");
      expect((item as { capturedAt?: string }).capturedAt).toBeUndefined();
    }
    const ok = parseConfigItem({ ...base, configurationItemCaptureTime: 1735689600 });
    expect((ok as { capturedAt?: string }).capturedAt).toBe("2025-01-01T00:00:00.000Z");
  });
});
