import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { account, findingsOf, NOW, network } from "../test-helpers.ts";
import rule from "./redshift-publicly-accessible.ts";

describe("redshift-publicly-accessible", () => {
  it("reports a publicly accessible cluster in public subnets, critical; not a private one", () => {
    const { b, a } = account();
    const { v, pub, pub2, priv } = network(a);
    const sg = a.securityGroup(v, "warehouse");
    a.redshiftCluster(v, "warehouse", {
      subnets: [pub, pub2],
      securityGroups: [sg],
      publiclyAccessible: true,
      encrypted: false,
    });
    a.redshiftCluster(v, "reports", { subnets: [priv], securityGroups: [sg] });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ["critical", 'Redshift cluster "warehouse" is publicly accessible and sits in public subnets.'],
    ]);
    expect(f[0]?.evidence).toEqual(
      expect.arrayContaining(["PubliclyAccessible is true", "the cluster is not encrypted"]),
    );
  });

  it("is unverified when PubliclyAccessible was not recorded", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const c = a.redshiftCluster(v, "old", { subnets: [priv], securityGroups: [a.securityGroup(v, "rs")] });
    delete c.props.publiclyAccessible;
    const { findings, unverified } = runChecks([rule], new Graph(b.build()), { now: NOW });
    expect(findings).toEqual([]);
    expect(unverified.map((u) => u.missing)).toEqual([
      ['PubliclyAccessible of Cluster "old" is not recorded'],
    ]);
  });
});
