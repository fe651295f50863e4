import { describe, expect, it } from "vitest";
import { importPaths } from "../import/index.ts";
import { ACCOUNT, dump, REGION } from "../import/test-dump.ts";

describe("S3 from an AWS CLI dump", () => {
  it("reads S3 per bucket, a configuration the bucket lacks recorded as the error, and keeps what was not collected unknown", async () => {
    const at = (op: string, bucket: string) => `${ACCOUNT}/us-east-1/${op}/${bucket}`;
    const cliError = (code: string, op: string) =>
      `\nAn error occurred (${code}) when calling the ${op} operation: it does not exist\n`;
    const all = (bucket: string) => ({
      [at("s3-get-bucket-encryption", bucket)]: {
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
        },
      },
      [at("s3-get-bucket-versioning", bucket)]: { Status: "Enabled" },
      [at("s3-get-bucket-policy-status", bucket)]: { Error: { Code: "NoSuchBucketPolicy", Message: "none" } },
      [at("s3-get-bucket-website", bucket)]: { IndexDocument: { Suffix: "index.html" } },
      [at("s3-get-bucket-tagging", bucket)]: cliError("NoSuchTagSet", "GetBucketTagging"),
    });
    const root = await dump({
      [`${ACCOUNT}/us-east-1/s3-list-buckets.json`]: {
        Buckets: [
          { Name: "logs", CreationDate: "2024-01-01T00:00:00+00:00" },
          { Name: "eu-site", CreationDate: "2024-01-01T00:00:00+00:00" },
          { Name: "denied", CreationDate: "2024-01-01T00:00:00+00:00", BucketRegion: REGION },
          { Name: "uncollected", CreationDate: "2024-01-01T00:00:00+00:00", BucketRegion: REGION },
        ],
        Owner: { ID: "abc" },
      },
      // CloudMapper's files: no .json, the CLI's output; us-east-1 has no location constraint.
      [at("s3-get-bucket-location", "logs")]: { LocationConstraint: null },
      [at("s3-get-public-access-block", "logs")]: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      },
      [at("s3-get-bucket-encryption", "logs")]: {
        Error: { Code: "ServerSideEncryptionConfigurationNotFoundError", Message: "none" },
      },
      // The CLI prints nothing for a bucket never versioned.
      [at("s3-get-bucket-versioning", "logs.json")]: "",
      [at("s3-get-bucket-policy-status", "logs")]: { PolicyStatus: { IsPublic: true } },
      [at("s3-get-bucket-website", "logs")]: cliError("NoSuchWebsiteConfiguration", "GetBucketWebsite"),
      [at("s3-get-bucket-tagging", "logs")]: { TagSet: [{ Key: "Name", Value: "Logs" }] },
      ...all("eu-site"),
      [at("s3-get-bucket-location", "eu-site")]: { LocationConstraint: "EU" },
      [at("s3-get-public-access-block", "eu-site")]: cliError(
        "NoSuchPublicAccessBlockConfiguration",
        "GetPublicAccessBlock",
      ),
      ...all("denied"),
      [at("s3-get-public-access-block", "denied")]: cliError("AccessDenied", "GetPublicAccessBlock"),
      [at("s3-get-bucket-encryption", "uncollected")]: {
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
        },
      },
    });
    const r = await importPaths([root]);
    const props = Object.fromEntries(
      r.snapshot.resources
        .filter((x) => x.type === "AWS::S3::Bucket")
        .map((x) => [x.name, [x.region, x.props]]),
    );
    expect(props).toEqual({
      Logs: [
        "us-east-1",
        {
          bucketName: "logs",
          publicAccessBlock: {
            blockPublicAcls: true,
            ignorePublicAcls: true,
            blockPublicPolicy: true,
            restrictPublicBuckets: true,
          },
          encryption: null,
          versioning: "Disabled",
          policyIsPublic: true,
          websiteHosting: false,
        },
      ],
      "eu-site": [
        "eu-west-1",
        {
          bucketName: "eu-site",
          publicAccessBlock: null,
          encryption: { algorithm: "AES256", kmsKeyId: null },
          versioning: "Enabled",
          policyIsPublic: false,
          websiteHosting: true,
        },
      ],
      // A bucket whose public access block was not readable (AccessDenied) keeps it unknown, never "none".
      denied: [
        "eu-west-1",
        expect.objectContaining({
          bucketName: "denied",
          publicAccessBlock: undefined,
          versioning: "Enabled",
        }),
      ],
      // Only listed: every setting unknown (the policy status too), the bucket still there to be seen.
      uncollected: [
        "eu-west-1",
        {
          bucketName: "uncollected",
          publicAccessBlock: undefined,
          encryption: { algorithm: "AES256", kmsKeyId: null },
          versioning: undefined,
          policyIsPublic: null,
          websiteHosting: undefined,
        },
      ],
    });
    expect(r.snapshot.coverage.find((c) => c.service === "s3")).toEqual({
      account: ACCOUNT,
      region: "global",
      service: "s3",
      status: "partial",
      error:
        'partial import: 2 of 4 bucket(s) with settings not recorded (unknown, not "off"): denied (no s3-get-public-access-block (AccessDenied)); uncollected (no s3-get-public-access-block, s3-get-bucket-versioning, s3-get-bucket-policy-status, s3-get-bucket-website, s3-get-bucket-tagging)',
      notRecorded: [
        "AWS::S3::Bucket.policyIsPublic",
        "AWS::S3::Bucket.publicAccessBlock",
        "AWS::S3::Bucket.tags",
        "AWS::S3::Bucket.versioning",
        "AWS::S3::Bucket.websiteHosting",
      ],
    });
    expect(r.read.map((x) => x.kind)).toContain(
      "AWS CLI output (s3api get-bucket-website: NoSuchWebsiteConfiguration)",
    );
    expect(r.read.map((x) => x.kind)).toContain("AWS CLI output (s3api get-bucket-versioning, empty)");
  });
});
