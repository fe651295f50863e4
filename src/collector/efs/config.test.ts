import { describe, expect, it } from "vitest";
import { configCoverage } from "../config/coverage.ts";
import { normalizeConfigItems } from "../config/normalize.ts";
import { ACCOUNT, item, REGION } from "../config/test-item.ts";

// AWS Config's item for AWS::EFS::FileSystem is CloudFormation-shaped (the AWS Config resource schema:
// FileSystemId, Arn, Encrypted, KmsKeyId, PerformanceMode, ThroughputMode, FileSystemTags, BackupPolicy…).
const arn = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/fs-0123456789abcdef0`;

describe("EFS from AWS Config", () => {
  it("reads a file system in CloudFormation's shape; its mount targets are recorded as not recorded", () => {
    const out = normalizeConfigItems([
      item({
        resourceType: "AWS::EFS::FileSystem",
        resourceId: "fs-0123456789abcdef0",
        arn,
        tags: { Name: "uploads" },
        configuration: {
          FileSystemId: "fs-0123456789abcdef0",
          Arn: arn,
          Encrypted: false,
          PerformanceMode: "generalPurpose",
          ThroughputMode: "bursting",
          FileSystemTags: [{ Key: "Name", Value: "uploads" }],
          BackupPolicy: { Status: "DISABLED" },
        },
      }),
    ]);
    expect(out.resources).toEqual([
      {
        id: arn,
        type: "AWS::EFS::FileSystem",
        account: ACCOUNT,
        region: REGION,
        name: "uploads",
        tags: { Name: "uploads" },
        props: {
          fileSystemId: "fs-0123456789abcdef0",
          encrypted: false,
          kmsKeyId: null,
          performanceMode: "generalPurpose",
          throughputMode: "bursting",
        },
      },
    ]);
    const coverage = configCoverage([
      { account: ACCOUNT, region: REGION, service: "config", status: "scanned" },
    ]);
    expect(coverage.find((c) => c.service === "efs")).toMatchObject({
      status: "partial",
      notRecorded: ["AWS::EFS::MountTarget"],
    });
  });

  it("an item without Encrypted leaves it unknown", () => {
    const out = normalizeConfigItems([
      item({
        resourceType: "AWS::EFS::FileSystem",
        resourceId: "fs-1",
        arn,
        configuration: { FileSystemId: "fs-1", Arn: arn },
      }),
    ]);
    expect(out.resources[0]?.props).not.toHaveProperty("encrypted");
  });
});
