import { describe, expect, it } from "vitest";
import { InputError } from "../../model/errors.ts";
import { configFileItems, configFileKind } from "./config-file.ts";

const item = (over: Record<string, unknown> = {}) => ({
  configurationItemCaptureTime: "2026-11-01T08:00:00.000Z",
  awsAccountId: "123456789012",
  configurationItemStatus: "OK",
  resourceType: "AWS::EC2::VPC",
  resourceId: "vpc-1",
  ARN: "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1",
  awsRegion: "eu-west-1",
  configuration: { vpcId: "vpc-1", cidrBlock: "10.0.0.0/16" },
  tags: { Name: "main" },
  relationships: [],
  ...over,
});

describe("AWS Config files", () => {
  it("tells a snapshot file and a query result from other JSON", () => {
    expect(configFileKind({ fileVersion: "1.0", configSnapshotId: "x", configurationItems: [] })).toBe(
      "AWS Config snapshot",
    );
    expect(configFileKind({ Results: ['{"resourceId":"vpc-1"}'], QueryInfo: { SelectFields: [] } })).toBe(
      "AWS Config query result",
    );
    expect(configFileKind({ Results: [] })).toBe("AWS Config query result");
    expect(configFileKind({ Results: ["plain text"] })).toBeUndefined();
    expect(configFileKind({ Vpcs: [] })).toBeUndefined();
    expect(configFileKind([1, 2])).toBeUndefined();
  });

  it("keeps each resource's latest item of a history file", () => {
    const data = {
      fileVersion: "1.0",
      configurationItems: [
        item({ configurationItemCaptureTime: "2026-11-01T09:00:00.000Z", tags: { Name: "new" } }),
        item({ configurationItemCaptureTime: "2026-10-01T09:00:00.000Z", tags: { Name: "old" } }),
      ],
    };
    const items = configFileItems(data, JSON.stringify(data), "history.json");
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      accountId: "123456789012",
      arn: "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1",
      tags: { Name: "new" },
    });
  });

  it("reads query results given as JSON strings", () => {
    const data = {
      Results: [
        JSON.stringify({
          ...item(),
          accountId: "123456789012",
          arn: "arn:x",
          tags: [{ key: "k", value: "v" }],
        }),
      ],
    };
    expect(configFileItems(data, JSON.stringify(data), "q.json")[0]).toMatchObject({
      arn: "arn:x",
      tags: { k: "v" },
    });
  });

  it("points at a broken item with its line", () => {
    const data = { configurationItems: [item(), { resourceType: "AWS::EC2::VPC" }] };
    const text = JSON.stringify(data, null, 2);
    const err = (() => {
      try {
        configFileItems(data, text, "snap.json");
      } catch (e) {
        return e;
      }
    })() as InputError;
    expect(err).toBeInstanceOf(InputError);
    expect(err.format()).toMatch(
      /^snap\.json:\d+:\d+: configurationItems\[1\] has no resourceId, accountId, awsRegion/,
    );
    expect(err.where?.line).toBeGreaterThan(15);
  });

  it("stops at an item whose configuration is a damaged JSON string, rather than reading it as empty", () => {
    const data = { configurationItems: [{ ...item(), configuration: '{"vpcId": "vpc-1", "cidr' }] };
    const text = JSON.stringify(data, null, 2);
    expect(() => configFileItems(data, text, "snap.json")).toThrow(
      /configurationItems\[0\] has a configuration that is a string that is not JSON/,
    );
  });
});
