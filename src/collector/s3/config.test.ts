import { describe, expect, it } from "vitest";
import type { ConfigItem } from "../config/item.ts";
import { normalizeConfigItems } from "../config/normalize.ts";
import { ACCOUNT, item, REGION } from "../config/test-item.ts";

describe("S3 from AWS Config", () => {
  const bucket = (name: string, over: Partial<ConfigItem>) =>
    item({
      resourceType: "AWS::S3::Bucket",
      resourceId: name,
      resourceName: name,
      arn: `arn:aws:s3:::${name}`,
      configuration: {
        name,
        owner: { displayName: null, id: "abc" },
        creationDate: "2024-05-01T10:00:00.000Z",
      },
      ...over,
    });

  it("reads a bucket's settings from supplementaryConfiguration, as a snapshot file writes it (JSON strings)", () => {
    const out = normalizeConfigItems([
      bucket("site", {
        awsRegion: "eu-central-1",
        supplementaryConfiguration: {
          AccessControlList: JSON.stringify(JSON.stringify({ grantList: [], owner: { id: "abc" } })),
          PublicAccessBlockConfiguration: JSON.stringify({
            blockPublicAcls: true,
            ignorePublicAcls: true,
            blockPublicPolicy: false,
            restrictPublicBuckets: false,
          }),
          ServerSideEncryptionConfiguration: JSON.stringify({
            rules: [
              {
                applyServerSideEncryptionByDefault: {
                  sseAlgorithm: "aws:kms",
                  kmsMasterKeyID: "arn:aws:kms:k",
                },
                bucketKeyEnabled: true,
              },
            ],
          }),
          BucketVersioningConfiguration: JSON.stringify({ status: "Suspended", isMfaDeleteEnabled: null }),
          BucketPolicy: JSON.stringify({ policyText: '{"Statement":[{"Effect":"Allow","Principal":"*"}]}' }),
          BucketWebsiteConfiguration: JSON.stringify({
            indexDocumentSuffix: "index.html",
            errorDocument: null,
            redirectAllRequestsTo: null,
            routingRules: [],
          }),
          BucketTaggingConfiguration: JSON.stringify({ tagSets: [{ tags: { Name: "Site", team: "web" } }] }),
          IsRequesterPaysEnabled: "false",
        },
      }),
    ]);
    expect(out.skipped).toEqual([]);
    expect(out.resources).toEqual([
      {
        id: "arn:aws:s3:::site",
        type: "AWS::S3::Bucket",
        account: ACCOUNT,
        region: "eu-central-1",
        name: "Site",
        tags: { Name: "Site", team: "web" },
        props: {
          bucketName: "site",
          publicAccessBlock: {
            blockPublicAcls: true,
            ignorePublicAcls: true,
            blockPublicPolicy: false,
            restrictPublicBuckets: false,
          },
          encryption: { algorithm: "aws:kms", kmsKeyId: "arn:aws:kms:k" },
          versioning: "Suspended",
          // Config has the policy, not its status: unknown.
          policyIsPublic: null,
          websiteHosting: true,
        },
      },
    ]);
  });

  it("reads what a bucket lacks as S3's 404s mean it, and an unknown policy as unknown", () => {
    const out = normalizeConfigItems([
      bucket("plain", {
        tags: { env: "prod" },
        supplementaryConfiguration: {
          BucketPolicy: { policyText: null },
          BucketVersioningConfiguration: { status: "Off", isMfaDeleteEnabled: null },
          BucketTaggingConfiguration: { tagSets: [{ tags: { ignored: "the item's tags win" } }] },
        },
      }),
      // A partial query result without supplementaryConfiguration: every setting is unknown, not absent.
      bucket("bare", { supplementaryConfiguration: {} }),
    ]);
    const props = (id: string) => out.resources.find((r) => r.id === `arn:aws:s3:::${id}`);
    expect(props("plain")).toMatchObject({
      region: REGION,
      tags: { env: "prod" },
      props: {
        publicAccessBlock: null,
        encryption: null,
        versioning: "Disabled",
        policyIsPublic: false,
        websiteHosting: false,
      },
    });
    // Nothing of the bucket's settings recorded: each is unknown, none "off" (no block, no encryption).
    const bare = props("bare")?.props as Record<string, unknown> | undefined;
    expect(bare).toMatchObject({ bucketName: "bare", policyIsPublic: null });
    for (const k of ["publicAccessBlock", "encryption", "versioning", "websiteHosting"])
      expect(bare?.[k], k).toBeUndefined();
  });
});
