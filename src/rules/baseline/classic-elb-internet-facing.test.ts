import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { account, findingsOf, NOW, network } from "../test-helpers.ts";
import rule from "./classic-elb-internet-facing.ts";

describe("classic-elb-internet-facing", () => {
  it("reports internet-facing classic load balancers with their listeners; internal ones pass", () => {
    const { b, a } = account();
    const { v, pub, priv } = network(a);
    a.classicLoadBalancer(v, "legacy", {
      scheme: "internet-facing",
      subnets: [pub],
      securityGroups: [],
      listeners: [{ protocol: "HTTP", port: 80 }],
    });
    a.classicLoadBalancer(v, "inner", {
      scheme: "internal",
      subnets: [priv],
      securityGroups: [],
      listeners: [{ protocol: "TCP", port: 5000 }],
    });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.resourceName, x.evidence[1]])).toEqual([["legacy", "listeners: HTTP:80"]]);
  });

  it("is unverified, not passed, where classic load balancers were not read", () => {
    const { b, a } = account();
    network(a);
    const s = b.build();
    const graph = new Graph({ ...s, coverage: s.coverage.filter((c) => c.service !== "elb") });
    const checks = runChecks([rule], graph, { now: NOW });
    expect(checks.findings).toEqual([]);
    expect(checks.unverified.length).toBeGreaterThan(0);
  });
});
