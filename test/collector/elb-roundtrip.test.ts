import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { elbHandler } from "../aws-endpoint/services/elb.ts";
import { elbv2Handler } from "../aws-endpoint/services/elbv2.ts";
import { EC2_TYPES, roundTrip } from "./roundtrip.ts";

/**
 * A legacy web tier: an internet-facing classic ELB (HTTP 80 and HTTPS 443) in front of two instances, an
 * internal one without access logs, and an ALB beside them (the two APIs share one signing name).
 */
function account() {
  const b = new SnapshotBuilder("test:elb");
  const a = b.in("123456789012", "us-east-2");
  const v = a.vpc("legacy", { cidr: "10.2.0.0/16" });
  const igw = a.internetGateway(v, "igw");
  const pubA = a.subnet(v, "pub-a", { cidr: "10.2.0.0/24", az: "us-east-2a" });
  const pubB = a.subnet(v, "pub-b", { cidr: "10.2.1.0/24", az: "us-east-2b" });
  const priv = a.subnet(v, "app-a", { cidr: "10.2.10.0/24", az: "us-east-2a" });
  a.routeTable(v, "public", { subnets: [pubA, pubB], routes: [{ destination: "0.0.0.0/0", via: igw }] });
  const lbSg = a.securityGroup(v, "elb", { ingress: [tcp(80, "0.0.0.0/0"), tcp(443, "0.0.0.0/0")] });
  const appSg = a.securityGroup(v, "app", { ingress: [tcp(80, lbSg)] });
  const apps = [1, 2].map((i) => a.instance(priv, `web-${i}`, { securityGroups: [appSg] }));
  const cert = a.certificate("legacy.example.com");
  a.classicLoadBalancer(v, "legacy-web", {
    scheme: "internet-facing",
    subnets: [pubA, pubB],
    securityGroups: [lbSg],
    listeners: [
      { protocol: "HTTP", port: 80 },
      { protocol: "HTTPS", port: 443, instancePort: 80, certificate: cert },
    ],
    instances: apps,
    tags: { Name: "Legacy web", Team: "ops & web" },
  });
  a.classicLoadBalancer(v, "inner", {
    scheme: "internal",
    subnets: [priv],
    securityGroups: [appSg],
    listeners: [{ protocol: "TCP", port: 9000 }],
    accessLogs: false,
  });
  a.loadBalancer(v, "shop", { scheme: "internet-facing", subnets: [pubA, pubB], securityGroups: [lbSg] });
  return b.build();
}

describe("classic ELB collector against the loopback endpoint", () => {
  it("scans classic load balancers back exactly beside ELBv2, ENIs linked to their load balancer", async () => {
    const { expected, actual, result } = await roundTrip(account(), {
      handlers: [ec2Handler, elbv2Handler, elbHandler],
      services: ["ec2", "elbv2", "elb"],
      types: new Set([
        ...EC2_TYPES,
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
      ]),
    });
    expect(result.snapshot.coverage.map((c) => `${c.service}:${c.status}`).sort()).toEqual([
      "ec2:scanned",
      "elb:scanned",
      "elbv2:scanned",
    ]);
    expect(actual).toEqual(expected);
    const enis = actual.resources.filter(
      (r) =>
        r.type === "AWS::EC2::NetworkInterface" &&
        (r.props as { description: string }).description === "ELB inner",
    );
    expect(enis.map((e) => (e.props as { attachedTo: string }).attachedTo)).toEqual([
      "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/inner",
    ]);
  });
});
