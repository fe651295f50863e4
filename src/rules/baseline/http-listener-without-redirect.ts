import { defineRule, type RuleResult } from "../types.ts";
import { label } from "../util.ts";

export default defineRule({
  meta: {
    id: "http-listener-without-redirect",
    title: "HTTP listener does not redirect to HTTPS",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::ElasticLoadBalancingV2::Listener"],
    what: "A plain-HTTP listener on an internet-facing Application Load Balancer whose default action serves content instead of redirecting to HTTPS.",
    why: "Traffic over HTTP can be read and altered in transit, including session cookies and credentials.",
    fix: "Change the listener's default action to a redirect: aws elbv2 modify-listener --listener-arn ARN --default-actions Type=redirect,RedirectConfig='{Protocol=HTTPS,Port=443,StatusCode=HTTP_301}'.",
    references: ["FSBP ELB.1"],
    problem: "tls",
    needs: [
      "AWS::ElasticLoadBalancingV2::Listener.defaultActions",
      "AWS::ElasticLoadBalancingV2::LoadBalancer.scheme",
    ],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const l of ctx.graph.ofType("AWS::ElasticLoadBalancingV2::Listener")) {
      if (l.props.protocol !== "HTTP") continue;
      const lb = ctx.graph.getOfType(l.props.loadBalancerArn, "AWS::ElasticLoadBalancingV2::LoadBalancer");
      if (lb?.props.scheme !== "internet-facing" || lb.props.loadBalancerType !== "application") continue;
      const redirects = l.props.defaultActions.some(
        (a) => a.type === "redirect" && a.redirect?.protocol === "HTTPS",
      );
      if (redirects) continue;
      const action = l.props.defaultActions[0];
      out.push({
        resource: l,
        message: `Listener HTTP:${l.props.port} on ${label(lb)} ${action?.type === "forward" ? "forwards plain HTTP to its targets" : `answers with "${action?.type ?? "no action"}"`} instead of redirecting to HTTPS.`,
        evidence: [
          `default action: ${l.props.defaultActions.map((a) => a.type).join(", ") || "none"}`,
          `load balancer ${label(lb)} is internet-facing`,
        ],
      });
    }
    return out;
  },
});
