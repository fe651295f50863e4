import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "cloudfront-allows-http",
    title: "CloudFront serves plain HTTP",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::CloudFront::Distribution"],
    what: "A CloudFront distribution with a cache behaviour, the default or one for a path pattern, that allows viewers to use HTTP (viewer protocol policy allow-all).",
    why: "Plain HTTP between viewers and CloudFront can be read and altered in transit. One behaviour is enough: a redirect on the default does not cover /api/* when that path's own behaviour allows HTTP.",
    fix: "Set the viewer protocol policy of every cache behaviour to redirect-to-https (or https-only): aws cloudfront get-distribution-config, edit DefaultCacheBehavior and each CacheBehaviors item, update-distribution.",
    references: ["FSBP CloudFront.3"],
    problem: "tls",
    needs: [
      "AWS::CloudFront::Distribution.viewerProtocolPolicy",
      "AWS::CloudFront::Distribution.cacheBehaviors",
    ],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const d of ctx.graph.ofType("AWS::CloudFront::Distribution")) {
      if (!d.props.enabled) continue;
      // The default behaviour (no key, as before path patterns were read), then each path pattern's.
      if (d.props.viewerProtocolPolicy === undefined)
        out.push(unverified(d, [notRecorded(d, "the default cache behaviour's viewer protocol policy")]));
      else if (d.props.viewerProtocolPolicy === "allow-all")
        out.push({
          resource: d,
          message: `CloudFront distribution ${label(d)} serves viewers over plain HTTP.`,
          evidence: [`default cache behaviour: ViewerProtocolPolicy allow-all (${d.props.domainName})`],
        });
      if (d.props.cacheBehaviors === undefined) {
        out.push(
          unverified(d, [notRecorded(d, "the list of cache behaviours besides the default")], {
            key: "behaviours",
          }),
        );
        continue;
      }
      for (const b of d.props.cacheBehaviors) {
        const key = `path:${b.pathPattern}`;
        if (b.viewerProtocolPolicy === undefined) {
          out.push(
            unverified(
              d,
              [notRecorded(d, `the viewer protocol policy of cache behaviour ${b.pathPattern}`)],
              {
                key,
              },
            ),
          );
          continue;
        }
        if (b.viewerProtocolPolicy !== "allow-all") continue;
        out.push({
          resource: d,
          key,
          message: `CloudFront distribution ${label(d)} serves viewers over plain HTTP on path pattern ${b.pathPattern}.`,
          evidence: [
            `cache behaviour ${b.pathPattern} (origin ${b.targetOriginId}): ViewerProtocolPolicy allow-all`,
            `default cache behaviour: ViewerProtocolPolicy ${d.props.viewerProtocolPolicy ?? "not recorded"}`,
          ],
        });
      }
    }
    return out;
  },
});
