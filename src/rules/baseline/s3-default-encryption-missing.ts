import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "s3-default-encryption-missing",
    title: "S3 bucket has no default encryption",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::S3::Bucket"],
    what: "An S3 bucket whose default server-side encryption configuration is absent.",
    why: "Objects written without an explicit encryption header are stored unencrypted. (Buckets created since January 2023 get SSE-S3 by default; an absent configuration means an old bucket or one read without permission.)",
    fix: 'aws s3api put-bucket-encryption --bucket NAME --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"}}]}\'',
    references: ["FSBP S3.4"],
    problem: "encryption",
    needs: ["AWS::S3::Bucket.encryption"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const b of ctx.graph.ofType("AWS::S3::Bucket")) {
      if (b.props.encryption === undefined) {
        out.push(unverified(b, [notRecorded(b, "the default encryption")]));
        continue;
      }
      if (b.props.encryption !== null) continue;
      out.push({
        resource: b,
        message: `S3 bucket ${label(b)} has no default encryption.`,
        evidence: ["GetBucketEncryption returned no configuration"],
      });
    }
    return out;
  },
});
