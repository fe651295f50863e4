import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { account, findingsOf, NOW, network } from "../test-helpers.ts";
import rule from "./eks-endpoint-public.ts";

describe("eks-endpoint-public", () => {
  it("reports an API server open to 0.0.0.0/0, not one limited to office ranges nor a private-only one", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const sg = a.securityGroup(v, "eks");
    a.eksCluster(v, "apps", { subnets: [priv], securityGroups: [sg] });
    a.eksCluster(v, "office", {
      subnets: [priv],
      securityGroups: [sg],
      publicAccessCidrs: ["203.0.113.0/24"],
    });
    a.eksCluster(v, "private", {
      subnets: [priv],
      securityGroups: [sg],
      publicAccess: false,
      privateAccess: true,
      // EKS answers 0.0.0.0/0 here even when public access is off: it must not count.
      publicAccessCidrs: ["0.0.0.0/0"],
    });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ["high", 'EKS cluster "apps" has its API server endpoint open to 0.0.0.0/0, and no private endpoint.'],
    ]);
    expect(f[0]?.evidence).toContain("publicAccessCidrs: 0.0.0.0/0");
  });

  it("is unverified, not passed, when endpoint access was not recorded (an old AWS Config item)", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const c = a.eksCluster(v, "legacy", { subnets: [priv], securityGroups: [a.securityGroup(v, "eks")] });
    delete c.props.endpointPublicAccess;
    delete c.props.publicAccessCidrs;
    const { findings, unverified } = runChecks([rule], new Graph(b.build()), { now: NOW });
    expect(findings).toEqual([]);
    expect(unverified.map((u) => u.missing)).toEqual([
      ['endpointPublicAccess of Cluster "legacy" is not recorded'],
    ]);
  });
});
