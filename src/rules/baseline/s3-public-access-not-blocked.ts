import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "s3-public-access-not-blocked",
    title: "S3 bucket does not block public access",
    severity: "high",
    pack: "baseline",
    resourceTypes: ["AWS::S3::Bucket"],
    what: "An S3 bucket without a public access block, or with any of its four settings off.",
    why: "Without Block Public Access, one ACL or bucket-policy change can publish the bucket's objects to the internet. Buckets that must serve the public belong behind CloudFront with origin access control instead.",
    fix: "aws s3api put-public-access-block --bucket NAME --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
    references: ["FSBP S3.8", "CIS 2.1.4"],
    needs: ["AWS::S3::Bucket.publicAccessBlock", "AWS::S3::Bucket.policyIsPublic"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const b of ctx.graph.ofType("AWS::S3::Bucket")) {
      const pab = b.props.publicAccessBlock;
      if (pab === undefined) {
        out.push(unverified(b, [notRecorded(b, "the public access block")], { severity: "high" }));
        continue;
      }
      const off = pab
        ? Object.entries(pab)
            .filter(([, on]) => !on)
            .map(([k]) => k)
        : ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"];
      if (off.length === 0) continue;
      out.push({
        resource: b,
        severity: b.props.policyIsPublic ? "critical" : "high",
        message: `S3 bucket ${label(b)} does not block public access${b.props.policyIsPublic ? " and its policy makes it public" : ""}.`,
        evidence: [
          pab
            ? `public access block settings off: ${off.join(", ")}`
            : "the bucket has no public access block",
          ...(b.props.policyIsPublic ? ["GetBucketPolicyStatus: IsPublic is true"] : []),
        ],
      });
    }
    return out;
  },
});
