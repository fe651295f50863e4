import { describe, expect, it } from "vitest";
import { tcp } from "../../../fixtures/builder.ts";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./classic-elb-http-listener.ts";

describe("classic-elb-http-listener", () => {
  it("reports each HTTP listener, by port; lower severity when internal; HTTPS, SSL and TCP pass", () => {
    const { b, a } = account();
    const { v, pub, pub2, priv } = network(a);
    const sg = a.securityGroup(v, "elb", { ingress: [tcp(80, "0.0.0.0/0")] });
    const cert = a.certificate("legacy.example.com");
    a.classicLoadBalancer(v, "legacy", {
      scheme: "internet-facing",
      subnets: [pub, pub2],
      securityGroups: [sg],
      listeners: [
        { protocol: "HTTP", port: 80 },
        { protocol: "HTTP", port: 8080 },
        { protocol: "HTTPS", port: 443, certificate: cert },
      ],
    });
    a.classicLoadBalancer(v, "inner", {
      scheme: "internal",
      subnets: [priv],
      securityGroups: [sg],
      listeners: [
        { protocol: "HTTP", port: 80 },
        { protocol: "TCP", port: 5000 },
        { protocol: "SSL", port: 5443, certificate: cert },
      ],
    });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ["medium", 'Classic load balancer "legacy" serves plain HTTP on port 80 to the internet.'],
      ["medium", 'Classic load balancer "legacy" serves plain HTTP on port 8080 to the internet.'],
      ["low", 'Classic load balancer "inner" serves plain HTTP on port 80.'],
    ]);
    expect(f[0]?.evidence).toEqual(["listener HTTP:80 → HTTP:80", "scheme internet-facing"]);
  });
});
