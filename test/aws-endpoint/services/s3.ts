import {
  GetBucketEncryption$,
  GetBucketLocation$,
  GetBucketPolicyStatus$,
  GetBucketTagging$,
  GetBucketVersioning$,
  GetBucketWebsite$,
  GetPublicAccessBlock$,
  ListBuckets$,
} from "@aws-sdk/client-s3";
import type { ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { RequestContext, ServiceHandler } from "../types.ts";

// S3 answers built from the snapshot: the inverse of src/collector/s3.ts. The bucket list is the
// account's, whatever region is asked; a bucket's own calls are answered only in the bucket's region
// (anywhere else: 301 PermanentRedirect naming it, as S3 does). A configuration the bucket does not have
// is the 404 code S3 answers with, so the collector's handling of absent configuration is exercised.

const schema = (s: unknown) => s as OperationSchema;
type Bucket = ResourceOf<"AWS::S3::Bucket">;

/** Parameters after which S3 names each bucket's region in ListBuckets (wire names). */
const LIST_PARAMS = ["max-buckets", "continuation-token", "prefix", "bucket-region"];

const buckets = (ctx: RequestContext) =>
  ctx.snapshot.resources.filter(
    (r): r is Bucket => r.type === "AWS::S3::Bucket" && r.account === ctx.account,
  );

const fail = (code: string, status: number, message: string, headers?: Record<string, string>) =>
  Object.assign(new Error(message), { code, status, ...(headers ? { headers } : {}) });

/** The bucket a request names, answered from its own region only. */
function bucketOf(ctx: RequestContext, opts: { anyRegion?: boolean } = {}): Bucket {
  const b = buckets(ctx).find((x) => x.props.bucketName === ctx.params.Bucket);
  if (!b) throw fail("NoSuchBucket", 404, "The specified bucket does not exist");
  if (!opts.anyRegion && b.region !== ctx.region)
    throw fail(
      "PermanentRedirect",
      301,
      "The bucket you are attempting to access must be addressed using the specified endpoint.",
      { "x-amz-bucket-region": b.region },
    );
  return b;
}

export const s3Handler: ServiceHandler = {
  signingName: "s3",
  protocol: "rest-xml",
  xmlNamespace: "http://s3.amazonaws.com/doc/2006-03-01/",
  operations: {
    ListBuckets: {
      schema: schema(ListBuckets$),
      paging: {
        items: "Buckets",
        token: "continuation-token",
        nextToken: "ContinuationToken",
        limit: "max-buckets",
      },
      handle: (ctx) => {
        const withRegion = LIST_PARAMS.some((p) => ctx.params[p] !== undefined);
        return {
          Buckets: buckets(ctx).map((b) => ({
            Name: b.props.bucketName,
            CreationDate: new Date("2026-01-01T00:00:00Z"),
            ...(withRegion ? { BucketRegion: b.region } : {}),
          })),
          Owner: { ID: "loopback-canonical-user-id" },
        };
      },
    },
    GetBucketLocation: {
      schema: schema(GetBucketLocation$),
      handle: (ctx) => {
        const b = bucketOf(ctx, { anyRegion: true });
        // us-east-1 buckets have no location constraint.
        return b.region === "us-east-1" ? {} : { LocationConstraint: b.region };
      },
    },
    GetPublicAccessBlock: {
      schema: schema(GetPublicAccessBlock$),
      handle: (ctx) => {
        const pab = bucketOf(ctx).props.publicAccessBlock;
        if (!pab)
          throw fail(
            "NoSuchPublicAccessBlockConfiguration",
            404,
            "The public access block configuration was not found",
          );
        return {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: pab.blockPublicAcls,
            IgnorePublicAcls: pab.ignorePublicAcls,
            BlockPublicPolicy: pab.blockPublicPolicy,
            RestrictPublicBuckets: pab.restrictPublicBuckets,
          },
        };
      },
    },
    GetBucketEncryption: {
      schema: schema(GetBucketEncryption$),
      handle: (ctx) => {
        const enc = bucketOf(ctx).props.encryption;
        if (!enc)
          throw fail(
            "ServerSideEncryptionConfigurationNotFoundError",
            404,
            "The server side encryption configuration was not found",
          );
        return {
          ServerSideEncryptionConfiguration: {
            Rules: [
              {
                ApplyServerSideEncryptionByDefault: {
                  SSEAlgorithm: enc.algorithm,
                  ...(enc.kmsKeyId ? { KMSMasterKeyID: enc.kmsKeyId } : {}),
                },
                BucketKeyEnabled: enc.algorithm !== "AES256",
              },
            ],
          },
        };
      },
    },
    GetBucketVersioning: {
      schema: schema(GetBucketVersioning$),
      handle: (ctx) => {
        const v = bucketOf(ctx).props.versioning;
        // A bucket that never had versioning answers an empty VersioningConfiguration.
        return v === "Disabled" ? {} : { Status: v };
      },
    },
    GetBucketPolicyStatus: {
      schema: schema(GetBucketPolicyStatus$),
      handle: (ctx) => {
        const isPublic = bucketOf(ctx).props.policyIsPublic;
        // A private bucket here has no policy at all (the other way to be private: IsPublic false).
        if (isPublic === false) throw fail("NoSuchBucketPolicy", 404, "The bucket policy does not exist");
        return { PolicyStatus: isPublic === null ? {} : { IsPublic: isPublic } };
      },
    },
    GetBucketWebsite: {
      schema: schema(GetBucketWebsite$),
      handle: (ctx) => {
        if (!bucketOf(ctx).props.websiteHosting)
          throw fail(
            "NoSuchWebsiteConfiguration",
            404,
            "The specified bucket does not have a website configuration",
          );
        return { IndexDocument: { Suffix: "index.html" }, ErrorDocument: { Key: "error.html" } };
      },
    },
    GetBucketTagging: {
      schema: schema(GetBucketTagging$),
      handle: (ctx) => {
        const tags = Object.entries(bucketOf(ctx).tags);
        if (tags.length === 0) throw fail("NoSuchTagSet", 404, "The TagSet does not exist");
        return { TagSet: tags.map(([Key, Value]) => ({ Key, Value })) };
      },
    },
  },
};
