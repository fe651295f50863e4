import { defineRule, type RuleResult } from "../types.ts";
import { label } from "../util.ts";

/** Policies that still allow TLS 1.0 or 1.1 (the ELB "2016-08" family and older, and the FS ones without 1-2). */
export function isOutdatedPolicy(policy: string): boolean {
  if (/TLS13|TLS-1-2|FS-1-2|TLS-1-3/.test(policy)) return false;
  return (
    /^ELBSecurityPolicy-(2015|2016|TLS-1-0|TLS-1-1|FS-2018|FS-1-1)/.test(policy) ||
    policy === "ELBSecurityPolicy-2016-08"
  );
}

export default defineRule({
  meta: {
    id: "alb-outdated-tls-policy",
    title: "Load balancer listener allows TLS 1.0 or 1.1",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::ElasticLoadBalancingV2::Listener"],
    what: "An HTTPS or TLS listener whose security policy still accepts TLS 1.0 or 1.1 (for example ELBSecurityPolicy-2016-08, the console's old default).",
    why: "TLS 1.0 and 1.1 are deprecated (RFC 8996) and allow weak cipher suites; PCI DSS and most compliance frameworks forbid them.",
    fix: "aws elbv2 modify-listener --listener-arn ARN --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06",
    references: ["FSBP ELB.17"],
    problem: "tls",
    needs: ["AWS::ElasticLoadBalancingV2::Listener.sslPolicy"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const l of ctx.graph.ofType("AWS::ElasticLoadBalancingV2::Listener")) {
      if (!l.props.sslPolicy || !isOutdatedPolicy(l.props.sslPolicy)) continue;
      const lb = ctx.graph.getOfType(l.props.loadBalancerArn, "AWS::ElasticLoadBalancingV2::LoadBalancer");
      out.push({
        resource: l,
        message: `Listener ${l.props.protocol}:${l.props.port}${lb ? ` on ${label(lb)}` : ""} uses ${l.props.sslPolicy}, which allows TLS 1.0/1.1.`,
        evidence: [`SslPolicy ${l.props.sslPolicy}`],
      });
    }
    return out;
  },
});
