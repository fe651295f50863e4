import { defineRule, type RuleResult } from "../types.ts";
import { label } from "../util.ts";

export default defineRule({
  meta: {
    id: "classic-elb-internet-facing",
    title: "Internet-facing classic load balancer",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::ElasticLoadBalancing::LoadBalancer"],
    what: "A Classic Load Balancer with scheme internet-facing: an entry point from the internet that AWS WAF cannot protect.",
    why: "AWS WAF attaches to Application Load Balancers, API Gateway and CloudFront, never to a classic ELB; such an entry point has no request filtering, no rate limiting and no managed rule sets in front of the instances, and the Classic Load Balancer is a previous-generation service AWS asks to migrate from.",
    fix: "Migrate to an Application Load Balancer (the console's migration wizard, or aws elbv2 create-load-balancer with the same subnets, groups and listeners) and associate a WAF web ACL with it; or put CloudFront with a web ACL in front and restrict the ELB's security group to CloudFront's managed prefix list.",
    references: [],
    problem: "waf",
    needs: ["AWS::ElasticLoadBalancing::LoadBalancer.scheme"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const lb of ctx.graph.ofType("AWS::ElasticLoadBalancing::LoadBalancer")) {
      if (lb.props.scheme !== "internet-facing") continue;
      const ports = lb.props.listeners.map((l) => `${l.protocol}:${l.port}`);
      out.push({
        resource: lb,
        message: `Classic load balancer ${label(lb)} takes traffic from the internet without a web application firewall.`,
        evidence: [
          "scheme internet-facing",
          `listeners: ${ports.join(", ") || "none"}`,
          "AWS WAF cannot be associated with a Classic Load Balancer",
        ],
      });
    }
    return out;
  },
});
