import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "cloudfront-allows-http",
    title: "CloudFront serves plain HTTP",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::CloudFront::Distribution"],
    what: "A CloudFront distribution whose default cache behaviour allows viewers to use HTTP (viewer protocol policy allow-all).",
    why: "Plain HTTP between viewers and CloudFront can be read and altered in transit.",
    fix: "Set the viewer protocol policy of every cache behaviour to redirect-to-https (or https-only).",
    references: ["FSBP CloudFront.3"],
    problem: "tls",
    needs: ["AWS::CloudFront::Distribution.viewerProtocolPolicy"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const d of ctx.graph.ofType("AWS::CloudFront::Distribution")) {
      if (!d.props.enabled) continue;
      if (d.props.viewerProtocolPolicy === undefined) {
        out.push(unverified(d, [notRecorded(d, "the default cache behaviour's viewer protocol policy")]));
        continue;
      }
      if (d.props.viewerProtocolPolicy !== "allow-all") continue;
      out.push({
        resource: d,
        message: `CloudFront distribution ${label(d)} serves viewers over plain HTTP.`,
        evidence: [`default cache behaviour: ViewerProtocolPolicy allow-all (${d.props.domainName})`],
      });
    }
    return out;
  },
});
