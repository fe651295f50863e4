import type { RuleContext } from "../types.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

const SETTINGS = [
  "blockPublicAcls",
  "ignorePublicAcls",
  "blockPublicPolicy",
  "restrictPublicBuckets",
] as const;
type Setting = (typeof SETTINGS)[number];

/**
 * The account-level block of `account`: its settings when recorded (all off when the account has none),
 * or why it was not recorded.
 */
function accountBlock(ctx: RuleContext, account: string): Record<Setting, boolean> | { gap: string } {
  const gap = ctx.graph.recorded.gap(account, "global", "AWS::S3::AccountPublicAccessBlock");
  if (gap) return { gap };
  const r = ctx.graph.ofType("AWS::S3::AccountPublicAccessBlock").find((x) => x.account === account);
  return r
    ? r.props
    : {
        blockPublicAcls: false,
        ignorePublicAcls: false,
        blockPublicPolicy: false,
        restrictPublicBuckets: false,
      };
}

export default defineRule({
  meta: {
    id: "s3-public-access-not-blocked",
    title: "S3 bucket does not block public access",
    severity: "high",
    pack: "baseline",
    resourceTypes: ["AWS::S3::Bucket"],
    what: "An S3 bucket whose public access is not blocked: one of the four Block Public Access settings is off both on the bucket and on the account (S3 applies whichever of the two is stricter).",
    why: "Without Block Public Access, one ACL or bucket-policy change can publish the bucket's objects to the internet. Buckets that must serve the public belong behind CloudFront with origin access control instead.",
    fix: "Block public access for the whole account (aws s3control put-public-access-block --account-id ACCOUNT --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true), or for the bucket: aws s3api put-public-access-block --bucket NAME --public-access-block-configuration (the same four settings).",
    references: ["FSBP S3.8", "FSBP S3.1", "CIS 2.1.4"],
    needs: [
      "AWS::S3::Bucket.publicAccessBlock",
      "AWS::S3::Bucket.policyIsPublic",
      "AWS::S3::AccountPublicAccessBlock",
    ],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    const accounts = new Map<string, ReturnType<typeof accountBlock>>();
    for (const b of ctx.graph.ofType("AWS::S3::Bucket")) {
      let acct = accounts.get(b.account);
      if (!acct) {
        acct = accountBlock(ctx, b.account);
        accounts.set(b.account, acct);
      }
      const accountOn = (s: Setting) => !("gap" in acct) && acct[s];
      // A setting is in force when the bucket or the account has it on.
      if (SETTINGS.every(accountOn)) continue;
      const pab = b.props.publicAccessBlock;
      const missing: string[] = [];
      if (pab === undefined) missing.push(notRecorded(b, "the public access block"));
      const off = pab === undefined ? [] : SETTINGS.filter((s) => !(pab?.[s] ?? false) && !accountOn(s));
      if (pab !== undefined && off.length === 0) continue;
      if ("gap" in acct) missing.push(`the account's S3 Block Public Access: ${acct.gap}`);
      if (missing.length > 0) {
        out.push(unverified(b, missing, { severity: "high" }));
        continue;
      }
      out.push({
        resource: b,
        severity: b.props.policyIsPublic ? "critical" : "high",
        message: `S3 bucket ${label(b)} does not block public access${b.props.policyIsPublic ? " and its policy makes it public" : ""}.`,
        evidence: [
          pab
            ? `public access block settings off: ${off.join(", ")}`
            : "the bucket has no public access block",
          SETTINGS.some(accountOn)
            ? `the account blocks only: ${SETTINGS.filter(accountOn).join(", ")}`
            : "the account has no S3 Block Public Access",
          ...(b.props.policyIsPublic ? ["GetBucketPolicyStatus: IsPublic is true"] : []),
        ],
      });
    }
    return out;
  },
});
