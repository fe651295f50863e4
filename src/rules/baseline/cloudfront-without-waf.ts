import { defineRule, type RuleResult } from "../types.ts";
import { label } from "../util.ts";

export default defineRule({
  meta: {
    id: "cloudfront-without-waf",
    title: "CloudFront distribution without a web ACL",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::CloudFront::Distribution"],
    what: "An enabled CloudFront distribution with no AWS WAF web ACL.",
    why: "The edge is the cheapest place to stop bots, injection and layer-7 floods; without a web ACL every request reaches the origin.",
    fix: "Create a CLOUDFRONT-scope web ACL in us-east-1 and set it on the distribution (aws cloudfront update-distribution … WebACLId).",
    references: ["FSBP CloudFront.6"],
    problem: "waf",
    needs: ["AWS::CloudFront::Distribution.webAclId"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const d of ctx.graph.ofType("AWS::CloudFront::Distribution")) {
      if (!d.props.enabled || d.props.webAclId !== null) continue;
      out.push({
        resource: d,
        message: `CloudFront distribution ${label(d)} has no WAF web ACL.`,
        evidence: [
          `${d.props.domainName}${d.props.aliases.length ? ` (${d.props.aliases.join(", ")})` : ""}: WebACLId is empty`,
        ],
      });
    }
    return out;
  },
});
