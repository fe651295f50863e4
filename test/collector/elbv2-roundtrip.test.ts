import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { elbv2Handler } from "../aws-endpoint/services/elbv2.ts";
import { EC2_TYPES, roundTrip } from "./roundtrip.ts";

/** An internet-facing ALB (HTTP redirect + HTTPS forward) and an internal NLB in front of instances. */
function account() {
  const b = new SnapshotBuilder("test:elbv2");
  const a = b.in("123456789012", "us-east-2");
  const v = a.vpc("shop", { cidr: "10.0.0.0/16" });
  const igw = a.internetGateway(v, "igw");
  const pubA = a.subnet(v, "pub-a", { cidr: "10.0.0.0/24", az: "us-east-2a" });
  const pubB = a.subnet(v, "pub-b", { cidr: "10.0.1.0/24", az: "us-east-2b" });
  const priv = a.subnet(v, "app-a", { cidr: "10.0.10.0/24", az: "us-east-2a" });
  a.routeTable(v, "public", { subnets: [pubA, pubB], routes: [{ destination: "0.0.0.0/0", via: igw }] });
  const lbSg = a.securityGroup(v, "alb", { ingress: [tcp(443, "0.0.0.0/0"), tcp(80, "0.0.0.0/0")] });
  const appSg = a.securityGroup(v, "app", { ingress: [tcp(8080, lbSg)] });
  const apps = [1, 2].map((i) => a.instance(priv, `app-${i}`, { securityGroups: [appSg] }));
  const tg = a.targetGroup(v, "app", { port: 8080, targets: apps });
  const cert = a.certificate("shop.example.com");
  const alb = a.loadBalancer(v, "shop", {
    scheme: "internet-facing",
    subnets: [pubA, pubB],
    securityGroups: [lbSg],
    tags: { Team: "web & ops" },
  });
  a.listener(alb, { protocol: "HTTP", port: 80, redirectToHttps: true });
  a.listener(alb, {
    protocol: "HTTPS",
    port: 443,
    forwardTo: tg,
    certificate: cert,
    sslPolicy: "ELBSecurityPolicy-2016-08",
  });
  const tcpTg = a.targetGroup(v, "tcp-app", { port: 9000, protocol: "TCP", targets: [apps[0] ?? ""] });
  const nlb = a.loadBalancer(v, "inner", {
    scheme: "internal",
    type: "network",
    subnets: [priv],
    securityGroups: [],
  });
  a.listener(nlb, { protocol: "TCP", port: 9000, forwardTo: tcpTg });
  return b.build();
}

const TYPES = new Set([
  ...EC2_TYPES,
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::ElasticLoadBalancingV2::Listener",
  "AWS::ElasticLoadBalancingV2::TargetGroup",
]);

describe("ELBv2 collector against the loopback endpoint", () => {
  it("scans load balancers, listeners, target groups and targets back exactly, ENIs linked to their LB", async () => {
    const { expected, actual, result } = await roundTrip(account(), {
      handlers: [ec2Handler, elbv2Handler],
      services: ["ec2", "elbv2"],
      types: TYPES,
    });
    expect(result.snapshot.coverage.map((c) => `${c.service}:${c.status}`).sort()).toEqual([
      "ec2:scanned",
      "elbv2:scanned",
    ]);
    expect(actual).toEqual(expected);
    expect(actual.resources.filter((r) => r.type === "AWS::ElasticLoadBalancingV2::Listener")).toHaveLength(
      3,
    );
  });

  it("retries throttled DescribeTargetHealth with nothing lost", async () => {
    const { expected, actual, endpoint } = await roundTrip(account(), {
      handlers: [ec2Handler, elbv2Handler],
      services: ["ec2", "elbv2"],
      types: TYPES,
      faults: [
        { kind: "throttle", service: "elasticloadbalancing", operation: "DescribeTargetHealth", times: 2 },
      ],
    });
    expect(actual).toEqual(expected);
    expect(endpoint.calls.get("elasticloadbalancing:DescribeTargetHealth")).toBe(4);
  });
});
