import {
  Bucket$,
  type PublicAccessBlockConfiguration,
  PublicAccessBlockConfiguration$,
  type ServerSideEncryptionConfiguration,
  ServerSideEncryptionConfiguration$,
} from "@aws-sdk/client-s3";
import { type ConfigItem, configTags } from "../config/item.ts";
import { type ConfigReader, configReader, nonEmpty, supplementary, tagList } from "../config/reader.ts";
import { fromJson, isRecord } from "../shape.ts";
import api, { type BucketRaw, type S3Raw } from "./api.ts";

// S3, CloudFront and Route 53. Their items are not the shapes of the APIs the modules read (ListBuckets and
// six Get calls per bucket, ListDistributions, ListHostedZones…), so each is rebuilt into the module's raw
// input. Shapes as the AWS Config resource schema (github.com/awslabs/aws-config-resource-schema) and
// Config's items write them; where that is an assumption, the comment says so.

/**
 * An AWS::S3::Bucket item → what a live scan reads for the bucket. `configuration` is {name, owner,
 * creationDate}; the settings are supplementaryConfiguration members, each present only when the bucket
 * has that configuration (Config omits PublicAccessBlockConfiguration, ServerSideEncryptionConfiguration,
 * BucketWebsiteConfiguration and BucketTaggingConfiguration the way S3 answers 404 for them; it writes
 * BucketPolicy as {"policyText": null} and BucketVersioningConfiguration as {"status": "Off"} when unset;
 * that is how recorded items and the tools reading them back, Cloud Custodian's Config source among them,
 * show it, not a documented contract):
 *   - PublicAccessBlockConfiguration {blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets};
 *   - ServerSideEncryptionConfiguration {rules: [{applyServerSideEncryptionByDefault: {sseAlgorithm, kmsMasterKeyID}}]};
 *   - BucketVersioningConfiguration {status: "Off" | "Enabled" | "Suspended"};
 *   - BucketPolicy {policyText}: Config has the policy, not GetBucketPolicyStatus. No policy is what S3's
 *     NoSuchBucketPolicy means (not public: false); a policy, or no BucketPolicy member at all, is unknown
 *     (null), as a live scan has it when the status has no IsPublic. Evaluating the text is not attempted;
 *   - BucketWebsiteConfiguration {indexDocumentSuffix, errorDocument, redirectAllRequestsTo, routingRules};
 *   - tags: the item's tags, else BucketTaggingConfiguration {tagSets: [{tags: {key: value}}]}.
 * The bucket's region is the item's awsRegion (Config records a bucket in its own region). An item
 * captured before Block Public Access existed, or without a capture time, leaves the block unknown.
 */
export function bucketFromConfig(i: ConfigItem): BucketRaw {
  const conf = i.configuration;
  const name = (typeof conf.name === "string" && conf.name) || i.resourceName || i.resourceId;
  const creation = fromJson<{ CreationDate?: Date }>(Bucket$, { CreationDate: conf.creationDate });
  const pab = fromJson<PublicAccessBlockConfiguration>(
    PublicAccessBlockConfiguration$,
    supplementary(i, "PublicAccessBlockConfiguration"),
  );
  const sse = fromJson<ServerSideEncryptionConfiguration>(
    ServerSideEncryptionConfiguration$,
    supplementary(i, "ServerSideEncryptionConfiguration"),
  );
  const versioning = supplementary(i, "BucketVersioningConfiguration");
  const status = isRecord(versioning) ? versioning.status : undefined;
  const policy = supplementary(i, "BucketPolicy");
  const website = supplementary(i, "BucketWebsiteConfiguration");
  const hosting =
    isRecord(website) &&
    ["indexDocumentSuffix", "errorDocument", "redirectAllRequestsTo", "routingRules"].some((k) =>
      nonEmpty(website[k]),
    );
  let tags = tagList(i.tags);
  if (tags.length === 0) {
    const tagging = supplementary(i, "BucketTaggingConfiguration");
    const sets = isRecord(tagging) && Array.isArray(tagging.tagSets) ? tagging.tagSets : [];
    tags = tagList(configTags(sets.flatMap((s) => (isRecord(s) && isRecord(s.tags) ? [s.tags] : []))[0]));
  }
  // Config writes several members for every bucket (AccessControlList, BucketPolicy, versioning…): none at
  // all is an item whose supplementary configuration was not selected or recorded, and then an absent
  // member says nothing about the bucket.
  const recorded = Object.keys(i.supplementaryConfiguration).length > 0;
  return {
    bucket: { Name: name, ...(creation?.CreationDate ? { CreationDate: creation.CreationDate } : {}) },
    region: i.awsRegion,
    // No member: the bucket has no block, unless the item predates Block Public Access (or says not when
    // it was captured), when nobody could have recorded one: unknown, never "not blocked".
    publicAccessBlock: pab
      ? { PublicAccessBlockConfiguration: pab }
      : recorded && i.capturedAt !== undefined && i.capturedAt >= BLOCK_PUBLIC_ACCESS_LAUNCH
        ? null
        : undefined,
    encryption: sse?.Rules?.length ? { ServerSideEncryptionConfiguration: sse } : recorded ? null : undefined,
    // Config writes {"status": "Off"} for a bucket never versioned; no member at all: unknown.
    versioning:
      status === "Enabled" || status === "Suspended"
        ? { Status: status }
        : isRecord(versioning)
          ? {}
          : undefined,
    policyStatus: isRecord(policy) && !nonEmpty(policy.policyText) ? null : {},
    website: hosting ? {} : recorded ? null : undefined,
    tagging: tags.length > 0 ? { TagSet: tags } : null,
  };
}

/**
 * When S3 Block Public Access was launched (2018-11-15): bucket items captured before carry no
 * PublicAccessBlockConfiguration whatever the bucket has now (Cloud Custodian's tests/data/config/s3.json,
 * captured 2017-02-04, is one).
 */
export const BLOCK_PUBLIC_ACCESS_LAUNCH = "2018-11-15T00:00:00.000Z";

const config: ConfigReader<unknown> = configReader<S3Raw>({
  module: api,
  empty: () => ({ buckets: [] }),
  types: {
    "AWS::S3::Bucket": (raw, i) => raw.buckets.push(bucketFromConfig(i)),
  },
});

export default config;
