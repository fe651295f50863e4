import { describe, expect, it } from "vitest";
import { cloudFormationType, normalizeTagging, parseArn } from "./tagging.ts";

describe("the Tagging API as a source of otherwise invisible resources", () => {
  it.each([
    [
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/prod/db-AbCdEf",
      "AWS::SecretsManager::Secret",
      "app/prod/db",
    ],
    ["arn:aws:sqs:eu-west-1:123456789012:jobs", "AWS::SQS::Queue", "jobs"],
    ["arn:aws:batch:us-east-2:123456789012:job-queue/nightly", "AWS::Batch::JobQueue", "nightly"],
    ["arn:aws:kinesis:us-east-2:123456789012:stream/clicks", "AWS::Kinesis::Stream", "clicks"],
  ])("%s → %s named %s", (arn, type, name) => {
    const { resources } = normalizeTagging(
      { mappings: [{ ResourceARN: arn, Tags: [{ Key: "Team", Value: "x" }] }] },
      { account: "123456789012", region: "us-east-1" },
    );
    expect(resources.map((r) => [r.type, r.name])).toEqual([[type, name]]);
  });

  it("leaves modelled resources to their own modules", () => {
    const modelled = [
      "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc",
      "arn:aws:rds:us-east-1:123456789012:db:orders",
      "arn:aws:lambda:us-east-1:123456789012:function:resize",
      "arn:aws:s3:::bucket",
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/1",
    ];
    const { resources } = normalizeTagging(
      { mappings: modelled.map((ResourceARN) => ({ ResourceARN, Tags: [{ Key: "a", Value: "b" }] })) },
      { account: "123456789012", region: "us-east-1" },
    );
    expect(resources).toEqual([]);
    expect(parseArn("arn:aws:lambda:us-east-1:1:function:x")?.type).toBe("function");
    expect(cloudFormationType("rds", "snapshot")).toBe("AWS::Rds::Snapshot");
  });
});
