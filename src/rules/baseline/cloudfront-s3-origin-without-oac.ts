import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "cloudfront-s3-origin-without-oac",
    title: "CloudFront S3 origin without origin access control",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::CloudFront::Distribution"],
    what: "A CloudFront distribution with an S3 origin that uses neither origin access control (OAC) nor a legacy origin access identity.",
    why: "Without OAC the bucket must be readable by everyone for CloudFront to serve it, so its objects can be fetched around CloudFront, its WAF and its logging.",
    fix: "Create an origin access control, attach it to the S3 origin, grant it s3:GetObject in the bucket policy, and block public access on the bucket.",
    references: ["FSBP CloudFront.13"],
    needs: ["AWS::CloudFront::Distribution.origins.originAccessControlId"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const d of ctx.graph.ofType("AWS::CloudFront::Distribution")) {
      for (const o of d.props.origins) {
        if (o.kind !== "s3" || o.originAccessControlId || o.originAccessIdentity) continue;
        if (o.originAccessControlId === undefined) {
          // AWS Config's distribution items carry no origin access control ids.
          out.push(
            unverified(d, [notRecorded(d, `the origin access control of origin ${o.originId}`)], {
              key: o.originId,
            }),
          );
          continue;
        }
        out.push({
          resource: d,
          key: o.originId,
          message: `CloudFront distribution ${label(d)} reads S3 origin ${o.domainName} without origin access control.`,
          evidence: [
            `origin ${o.originId}: no OriginAccessControlId and no S3OriginConfig.OriginAccessIdentity`,
          ],
        });
      }
    }
    return out;
  },
});
