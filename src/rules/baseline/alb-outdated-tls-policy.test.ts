import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule, { isOutdatedPolicy } from "./alb-outdated-tls-policy.ts";

describe("alb-outdated-tls-policy", () => {
  it.each([
    ["ELBSecurityPolicy-2016-08", true],
    ["ELBSecurityPolicy-TLS-1-1-2017-01", true],
    ["ELBSecurityPolicy-FS-2018-06", true],
    ["ELBSecurityPolicy-TLS-1-2-2017-01", false],
    ["ELBSecurityPolicy-TLS13-1-2-2021-06", false],
    ["ELBSecurityPolicy-FS-1-2-Res-2020-10", false],
  ])("%s allows TLS 1.0/1.1: %s", (policy, outdated) => {
    expect(isOutdatedPolicy(policy)).toBe(outdated);
  });

  it("reports the listener with the old default policy", () => {
    const { b, a } = account();
    const { v, pub, pub2 } = network(a);
    const lb = a.loadBalancer(v, "web", {
      scheme: "internet-facing",
      subnets: [pub, pub2],
      securityGroups: [],
    });
    a.listener(lb, {
      protocol: "HTTPS",
      port: 443,
      certificate: a.certificate("x.example.com"),
      sslPolicy: "ELBSecurityPolicy-2016-08",
    });
    a.listener(lb, { protocol: "HTTPS", port: 8443, certificate: a.certificate("y.example.com") });
    expect(findingsOf(rule, b).map((x) => x.message)).toEqual([
      'Listener HTTPS:443 on "web" uses ELBSecurityPolicy-2016-08, which allows TLS 1.0/1.1.',
    ]);
  });
});
