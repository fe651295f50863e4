import {
  type Bucket,
  GetBucketEncryption$,
  type GetBucketEncryptionOutput,
  GetBucketLocation$,
  type GetBucketLocationOutput,
  GetBucketPolicyStatus$,
  type GetBucketPolicyStatusOutput,
  GetBucketTagging$,
  type GetBucketTaggingOutput,
  GetBucketVersioning$,
  type GetBucketVersioningOutput,
  GetBucketWebsite$,
  type GetBucketWebsiteOutput,
  GetPublicAccessBlock$,
  type GetPublicAccessBlockOutput,
  ListBuckets$,
} from "@aws-sdk/client-s3";
import { type DumpReader, dumpReader, items, LISTED, type OperationFile, uniqueBy } from "../import/dump.ts";
import type { SdkSchema } from "../shape.ts";
import api, { type BucketRaw, type S3Raw } from "./api.ts";

// S3: the bucket list, and one response per bucket for each of the calls a live scan makes. S3 answers 404
// when a bucket has no such configuration, and the AWS CLI then prints nothing (an error, on stderr), as
// CloudMapper writes nothing: a missing file is "no such configuration" or "not collected", and reading it
// as the former would report buckets without a public access block that have one. So a configuration the
// bucket lacks is read only from its recorded error (DumpResponse.error); a file that is not there leaves
// that setting unknown on the bucket (kept, never dropped), and the coverage partial with what is missing.
// CloudMapper collects s3-get-bucket-location and s3-get-bucket-encryption only (and writes no file for a
// bucket without encryption): collect the others alongside with the AWS CLI.

/** Per-bucket files, each with the error code that means "the bucket has no such configuration". */
const S3_PER_BUCKET = {
  "s3-get-public-access-block": { op: GetPublicAccessBlock$, absent: "NoSuchPublicAccessBlockConfiguration" },
  "s3-get-bucket-encryption": {
    op: GetBucketEncryption$,
    absent: "ServerSideEncryptionConfigurationNotFoundError",
  },
  "s3-get-bucket-versioning": { op: GetBucketVersioning$, absent: undefined },
  "s3-get-bucket-policy-status": { op: GetBucketPolicyStatus$, absent: "NoSuchBucketPolicy" },
  "s3-get-bucket-website": { op: GetBucketWebsite$, absent: "NoSuchWebsiteConfiguration" },
  "s3-get-bucket-tagging": { op: GetBucketTagging$, absent: "NoSuchTagSet" },
} as const;
type S3PerBucket = keyof typeof S3_PER_BUCKET;

/** What each per-bucket file records, as the bucket's prop (its absence leaves that prop unknown). */
const ASPECT: Record<S3PerBucket | "s3-get-bucket-location", string> = {
  "s3-get-public-access-block": "AWS::S3::Bucket.publicAccessBlock",
  "s3-get-bucket-encryption": "AWS::S3::Bucket.encryption",
  "s3-get-bucket-versioning": "AWS::S3::Bucket.versioning",
  "s3-get-bucket-policy-status": "AWS::S3::Bucket.policyIsPublic",
  "s3-get-bucket-website": "AWS::S3::Bucket.websiteHosting",
  "s3-get-bucket-tagging": "AWS::S3::Bucket.tags",
  "s3-get-bucket-location": "AWS::S3::Bucket.region",
};

const perBucket = (op: SdkSchema, extra: Partial<OperationFile> = {}): OperationFile => ({
  op,
  perResource: "bucket name",
  errorRecords: true,
  ...extra,
});

const dump: DumpReader<unknown> = dumpReader<S3Raw>({
  module: api,
  files: {
    "s3-list-buckets": { op: ListBuckets$, list: "Buckets" },
    // Where ListBuckets gives no BucketRegion (the CLI asks for it only with --max-buckets or --bucket-region).
    "s3-get-bucket-location": perBucket(GetBucketLocation$),
    ...Object.fromEntries(
      Object.entries(S3_PER_BUCKET).map(([name, f]) => [
        name,
        perBucket(f.op, name === "s3-get-bucket-versioning" ? { emptyResponse: true } : {}),
      ]),
    ),
  },
  required: ["s3-list-buckets"],
  build: (get) => {
    const byBucket = (name: string) =>
      new Map(get(name).flatMap((r) => (r.param !== undefined ? [[r.param, r] as const] : [])));
    const location = byBucket("s3-get-bucket-location");
    const files = new Map(Object.keys(S3_PER_BUCKET).map((name) => [name, byBucket(name)]));
    const listed = uniqueBy(items<Bucket>(get, "s3-list-buckets", "Buckets"), (b) => b.Name);
    const buckets: BucketRaw[] = [];
    const vague: string[] = [];
    const unknown = new Set<string>();
    for (const b of listed) {
      const name = b.Name;
      if (!name) continue;
      const lacking: string[] = [];
      /** The response; null: the bucket has no such configuration; undefined: not collected (or failed). */
      const answer = <T>(file: S3PerBucket): T | null | undefined => {
        const r = files.get(file)?.get(name);
        if (!r) lacking.push(file);
        else if (r.error === undefined) return r.out as T;
        else if (r.error === S3_PER_BUCKET[file].absent) return null;
        else lacking.push(`${file} (${r.error})`);
        return undefined;
      };
      let region = b.BucketRegion;
      if (!region) {
        const r = location.get(name);
        if (!r || r.error !== undefined)
          lacking.push(r?.error ? `s3-get-bucket-location (${r.error})` : "s3-get-bucket-location");
        else {
          // No constraint is us-east-1; "EU" is eu-west-1's old name.
          const c = (r.out as GetBucketLocationOutput).LocationConstraint as string | undefined;
          region = !c ? "us-east-1" : c === "EU" ? "eu-west-1" : c;
        }
      }
      const publicAccessBlock = answer<GetPublicAccessBlockOutput>("s3-get-public-access-block");
      const encryption = answer<GetBucketEncryptionOutput>("s3-get-bucket-encryption");
      const versioning = answer<GetBucketVersioningOutput>("s3-get-bucket-versioning");
      const policyStatus = answer<GetBucketPolicyStatusOutput>("s3-get-bucket-policy-status");
      const website = answer<GetBucketWebsiteOutput>("s3-get-bucket-website");
      const tagging = answer<GetBucketTaggingOutput>("s3-get-bucket-tagging");
      // What was not collected stays unknown on the bucket (never "no block", never "not public").
      if (lacking.length > 0) {
        vague.push(`${name} (no ${lacking.join(", ")})`);
        for (const l of lacking) {
          const what = ASPECT[l.split(" ")[0] as keyof typeof ASPECT];
          if (what) unknown.add(what);
        }
      }
      buckets.push({
        bucket: b,
        region,
        publicAccessBlock,
        encryption,
        versioning: versioning ?? undefined,
        policyStatus,
        website,
        tagging,
      });
    }
    return {
      raw: { buckets },
      gaps:
        vague.length > 0
          ? [
              `${vague.length} of ${listed.length} bucket(s) with settings not recorded (unknown, not "off"): ${vague.slice(0, LISTED).join("; ")}${vague.length > LISTED ? "; …" : ""}`,
            ]
          : [],
      notRecorded: [...unknown].sort(),
    };
  },
});

export default dump;
