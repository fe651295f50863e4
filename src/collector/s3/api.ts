import type {
  Bucket,
  GetBucketEncryptionOutput,
  GetBucketPolicyStatusOutput,
  GetBucketTaggingOutput,
  GetBucketVersioningOutput,
  GetBucketWebsiteOutput,
  GetPublicAccessBlockOutput,
  S3Client,
  S3ClientConfig,
} from "@aws-sdk/client-s3";
import pLimit from "p-limit";
import { arns } from "../../model/arn.ts";
import type { BucketProps } from "../../model/props.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, tagsOf } from "../util.ts";

/**
 * What S3 answered for one bucket. null: the call said the configuration does not exist (a 404 code
 * below); undefined: the answer was not recorded (an offline source without it), so the setting is unknown.
 */
export interface BucketRaw {
  /** ListBuckets' entry: Name, CreationDate, BucketRegion. */
  bucket: Bucket;
  /** The bucket's region (BucketRegion, else GetBucketLocation); undefined when neither was recorded. */
  region: string | undefined;
  publicAccessBlock: GetPublicAccessBlockOutput | null | undefined;
  encryption: GetBucketEncryptionOutput | null | undefined;
  versioning: GetBucketVersioningOutput | undefined;
  policyStatus: GetBucketPolicyStatusOutput | null | undefined;
  website: GetBucketWebsiteOutput | null | undefined;
  tagging: GetBucketTaggingOutput | null | undefined;
}

export interface S3Raw {
  buckets: BucketRaw[];
}

/**
 * The error codes S3 answers with when a bucket simply has no such configuration. They are data
 * (no block, no default encryption, no policy, no website, no tags), not coverage gaps.
 */
export const ABSENT_CONFIGURATION = new Set([
  "NoSuchPublicAccessBlockConfiguration",
  "ServerSideEncryptionConfigurationNotFoundError",
  "NoSuchBucketPolicy",
  "NoSuchWebsiteConfiguration",
  "NoSuchTagSet",
]);

/** ListBuckets' page size: S3 accepts 1 to 10,000; asking for a size also makes it return BucketRegion. */
const MAX_BUCKETS = 1000;

/** Calls one s3 task keeps in flight (its per-resource calls). */
const CONCURRENCY = 32;

export default defineService<S3Raw>({
  service: "s3",
  // The bucket list is account-wide; each bucket's configuration is read from its own region.
  global: true,
  concurrency: CONCURRENCY,
  operations: [
    { command: "ListBuckets", iam: ["s3:ListAllMyBuckets"] },
    { command: "GetBucketLocation", iam: ["s3:GetBucketLocation"] },
    { command: "GetPublicAccessBlock", iam: ["s3:GetBucketPublicAccessBlock"] },
    { command: "GetBucketEncryption", iam: ["s3:GetEncryptionConfiguration"] },
    { command: "GetBucketVersioning", iam: ["s3:GetBucketVersioning"] },
    { command: "GetBucketPolicyStatus", iam: ["s3:GetBucketPolicyStatus"] },
    { command: "GetBucketWebsite", iam: ["s3:GetBucketWebsite"] },
    { command: "GetBucketTagging", iam: ["s3:GetBucketTagging"] },
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.S3Client);
    // MaxBuckets makes S3 page the list (with ContinuationToken) and name each bucket's region.
    const buckets = await all(
      sdk.paginateListBuckets({ client, pageSize: MAX_BUCKETS }, { MaxBuckets: MAX_BUCKETS }),
      (p) => p.Buckets,
    );
    // A bucket's configuration calls must go to its region: any other region answers 301
    // PermanentRedirect. One client per region; followRegionRedirects covers a region that changed
    // since the list (a bucket deleted and re-created elsewhere).
    const clients = new Map<string, S3Client>();
    const clientFor = (region: string): S3Client => {
      let c = clients.get(region);
      if (!c) {
        c = ctx.client(inRegion(sdk.S3Client, region));
        clients.set(region, c);
      }
      return c;
    };
    // Six calls per bucket and no account-wide alternative. S3's request rates are per bucket prefix
    // (thousands per second), so the bound is for the scan's socket pool: 32 in flight, measured in
    // docs/benchmarks.md (at 8, S3 alone took 5 s of a 10k-resource scan at 50 ms latency).
    const limit = pLimit(CONCURRENCY);
    const read = async (b: Bucket): Promise<BucketRaw | undefined> => {
      const Bucket = b.Name;
      if (!Bucket) return undefined;
      const region = b.BucketRegion ?? (await limit(() => locationOf(client, Bucket)));
      const s3 = clientFor(region);
      const absentToNull = <T>(p: Promise<T>): Promise<T | null> =>
        p.catch((err: unknown) => {
          if (ABSENT_CONFIGURATION.has(errorCode(err))) return null;
          throw err;
        });
      const [publicAccessBlock, encryption, versioning, policyStatus, website, tagging] = await Promise.all([
        limit(() => absentToNull(s3.send(new sdk.GetPublicAccessBlockCommand({ Bucket })))),
        limit(() => absentToNull(s3.send(new sdk.GetBucketEncryptionCommand({ Bucket })))),
        limit(() => s3.send(new sdk.GetBucketVersioningCommand({ Bucket }))),
        limit(() => absentToNull(s3.send(new sdk.GetBucketPolicyStatusCommand({ Bucket })))),
        limit(() => absentToNull(s3.send(new sdk.GetBucketWebsiteCommand({ Bucket })))),
        limit(() => absentToNull(s3.send(new sdk.GetBucketTaggingCommand({ Bucket })))),
      ]);
      return { bucket: b, region, publicAccessBlock, encryption, versioning, policyStatus, website, tagging };
    };
    const out = await Promise.all(buckets.map(read));
    return { buckets: out.filter((b): b is BucketRaw => b !== undefined) };
  },

  normalize: normalizeS3,
});

/** An S3Client class bound to one region, for FetchContext.client (which builds clients with the scan's settings). */
function inRegion(Client: typeof S3Client, region: string): new (config: S3ClientConfig) => S3Client {
  return class extends Client {
    constructor(config: S3ClientConfig) {
      super({ ...config, region, followRegionRedirects: true });
    }
  };
}

/** GetBucketLocation, for a list entry without BucketRegion: null means us-east-1, "EU" is eu-west-1's old name. */
async function locationOf(client: S3Client, Bucket: string): Promise<string> {
  const sdk = await import("./sdk.ts");
  const { LocationConstraint } = await client.send(new sdk.GetBucketLocationCommand({ Bucket }));
  if (!LocationConstraint) return "us-east-1";
  return LocationConstraint === "EU" ? "eu-west-1" : LocationConstraint;
}

function errorCode(err: unknown): string {
  const e = err as { name?: string; Code?: string } | null;
  return e?.Code ?? e?.name ?? "";
}

/** Pure: S3 API output → buckets, each in its own region. */
export function normalizeS3(raw: S3Raw, where: Where) {
  const out = new Collected();
  for (const b of raw.buckets) {
    const bucketName = b.bucket.Name;
    if (!bucketName) continue;
    const tags = tagsOf(b.tagging?.TagSet);
    const pab = b.publicAccessBlock?.PublicAccessBlockConfiguration;
    const byDefault =
      b.encryption?.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
    out.add<ResourceOf<"AWS::S3::Bucket">>({
      id: arns.s3Bucket(bucketName),
      type: "AWS::S3::Bucket",
      account: where.account,
      // A bucket whose region was not recorded is kept, as a global resource, rather than dropped.
      region: b.region ?? "global",
      name: nameOf(tags, bucketName) ?? bucketName,
      tags,
      props: {
        bucketName,
        // An absent field in a configuration that exists is false (the setting is off).
        publicAccessBlock:
          b.publicAccessBlock === undefined
            ? undefined
            : pab
              ? {
                  blockPublicAcls: pab.BlockPublicAcls ?? false,
                  ignorePublicAcls: pab.IgnorePublicAcls ?? false,
                  blockPublicPolicy: pab.BlockPublicPolicy ?? false,
                  restrictPublicBuckets: pab.RestrictPublicBuckets ?? false,
                }
              : null,
        encryption:
          b.encryption === undefined
            ? undefined
            : encryptionOf(byDefault?.SSEAlgorithm, byDefault?.KMSMasterKeyID),
        // A bucket that never had versioning has no Status at all.
        versioning:
          b.versioning === undefined
            ? undefined
            : b.versioning.Status === "Enabled" || b.versioning.Status === "Suspended"
              ? b.versioning.Status
              : "Disabled",
        // No bucket policy (NoSuchBucketPolicy) cannot make the bucket public; not recorded: unknown (null).
        policyIsPublic:
          b.policyStatus === null
            ? false
            : b.policyStatus === undefined
              ? null
              : (b.policyStatus.PolicyStatus?.IsPublic ?? null),
        websiteHosting: b.website === undefined ? undefined : b.website !== null,
      },
    });
  }
  return out.result();
}

function encryptionOf(
  algorithm: string | undefined,
  kmsKeyId: string | undefined,
): BucketProps["encryption"] {
  if (algorithm !== "AES256" && algorithm !== "aws:kms" && algorithm !== "aws:kms:dsse") return null;
  return { algorithm, kmsKeyId: kmsKeyId ?? null };
}
