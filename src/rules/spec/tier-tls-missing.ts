import { asKnown } from "../../model/snapshot.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, membersOfTiers, missingProps } from "../util.ts";

export default defineRule({
  meta: {
    id: "tier-tls-missing",
    title: "Tier requires TLS, resource accepts plaintext",
    severity: "high",
    pack: "spec",
    resourceTypes: [
      "AWS::ElasticLoadBalancingV2::LoadBalancer",
      "AWS::CloudFront::Distribution",
      "AWS::RDS::DBProxy",
      "AWS::ElastiCache::CacheCluster",
    ],
    what: "In a tier with `tls: required`: a load balancer with no HTTPS/TLS listener or with a plain-HTTP listener that does not redirect, a CloudFront distribution allowing HTTP, an RDS proxy not requiring TLS, or a cache without in-transit encryption.",
    why: "The architecture promises encryption in transit for this tier; plaintext traffic can be read and altered on the way.",
    fix: "Add an HTTPS listener with an ACM certificate and make port 80 redirect; set CloudFront's viewer protocol policy to redirect-to-https; set RequireTLS on the proxy; enable in-transit encryption on the cache.",
    references: [],
    problem: "tls",
    needs: [
      "AWS::ElasticLoadBalancingV2::Listener",
      "AWS::CloudFront::Distribution.viewerProtocolPolicy",
      "AWS::ElastiCache::CacheCluster.transitEncryptionEnabled",
    ],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec) return [];
    const out: RuleResult[] = [];
    for (const { tier: name, r } of membersOfTiers(ctx, (t) => t.tls === "required")) {
      let why: string | undefined;
      let unknown: string[] = [];
      if (r.type === "AWS::ElasticLoadBalancingV2::LoadBalancer") {
        const gap = ctx.gap(r, "AWS::ElasticLoadBalancingV2::Listener");
        if (gap) unknown = [`the listeners of ${label(r)}: ${gap}`];
        const listeners = ctx.graph.children(r.id).flatMap((c) => {
          const k = asKnown(c);
          return k?.type === "AWS::ElasticLoadBalancingV2::Listener" ? [k] : [];
        });
        const secure = listeners.filter((l) => l.props.protocol === "HTTPS" || l.props.protocol === "TLS");
        const plain = listeners.filter(
          (l) =>
            (l.props.protocol === "HTTP" || l.props.protocol === "TCP") &&
            !l.props.defaultActions.some((a) => a.type === "redirect" && a.redirect?.protocol === "HTTPS"),
        );
        if (gap) why = undefined;
        else if (secure.length === 0) why = "it has no HTTPS or TLS listener";
        else if (plain.length > 0)
          why = `listener ${plain.map((l) => `${l.props.protocol}:${l.props.port}`).join(", ")} serves plaintext`;
      } else if (r.type === "AWS::CloudFront::Distribution") {
        unknown = missingProps(r, { "the viewer protocol policy": r.props.viewerProtocolPolicy });
        if (r.props.viewerProtocolPolicy === "allow-all") why = "its viewer protocol policy allows HTTP";
      } else if (r.type === "AWS::RDS::DBProxy" && !r.props.requireTls) why = "RequireTLS is off";
      else if (r.type === "AWS::ElastiCache::CacheCluster") {
        unknown = missingProps(r, { TransitEncryptionEnabled: r.props.transitEncryptionEnabled });
        if (r.props.transitEncryptionEnabled === false) why = "in-transit encryption is off";
      }
      if (!why && unknown.length > 0) {
        out.push(unverified(r, unknown, { key: name, specLine: spec.lineOf(["tiers", name, "tls"]) }));
        continue;
      }
      if (!why) continue;
      out.push({
        resource: r,
        key: name,
        message: `${label(r)} is in tier "${name}", which requires TLS, but ${why}.`,
        evidence: [why],
        specLine: spec.lineOf(["tiers", name, "tls"]),
      });
    }
    return out;
  },
});
