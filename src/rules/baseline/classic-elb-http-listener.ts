import { defineRule, type RuleResult } from "../types.ts";
import { label } from "../util.ts";

export default defineRule({
  meta: {
    id: "classic-elb-http-listener",
    title: "Classic load balancer serves plain HTTP",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::ElasticLoadBalancing::LoadBalancer"],
    what: "A Classic Load Balancer listener with protocol HTTP: clients talk to it without TLS. A classic ELB cannot redirect to HTTPS, so the listener serves the application itself in clear text.",
    why: "Traffic over HTTP can be read and altered in transit, including session cookies and credentials; on an internet-facing load balancer, by anyone on the path.",
    fix: "Replace the listener with an HTTPS one (aws elb create-load-balancer-listeners --listeners Protocol=HTTPS,LoadBalancerPort=443,InstanceProtocol=HTTP,InstancePort=80,SSLCertificateId=ARN, then delete-load-balancer-listeners --load-balancer-ports 80), or migrate to an Application Load Balancer, whose HTTP listener can redirect.",
    references: ["FSBP ELB.3"],
    problem: "tls",
    needs: [
      "AWS::ElasticLoadBalancing::LoadBalancer.listeners",
      "AWS::ElasticLoadBalancing::LoadBalancer.scheme",
    ],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const lb of ctx.graph.ofType("AWS::ElasticLoadBalancing::LoadBalancer")) {
      const internet = lb.props.scheme === "internet-facing";
      for (const l of lb.props.listeners) {
        if (l.protocol !== "HTTP") continue;
        out.push({
          resource: lb,
          key: `http/${l.port}`,
          // Inside the VPC the path is shorter and known; on the internet it is anyone's.
          severity: internet ? "medium" : "low",
          message: `Classic load balancer ${label(lb)} serves plain HTTP on port ${l.port}${internet ? " to the internet" : ""}.`,
          evidence: [
            `listener HTTP:${l.port} → ${l.instanceProtocol ?? "?"}:${l.instancePort}`,
            `scheme ${lb.props.scheme}`,
          ],
        });
      }
    }
    return out;
  },
});
