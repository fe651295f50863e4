import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { account, findingsOf, NOW, network } from "../test-helpers.ts";
import rule from "./opensearch-public-domain.ts";

describe("opensearch-public-domain", () => {
  it("reports a public domain open to anyone as critical, one limited by source IP as medium, not a VPC domain", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    a.openSearchDomain("logs", { policy: "open" });
    a.openSearchDomain("metrics", { policy: "source-ip" });
    a.openSearchDomain("search", {
      policy: "open",
      vpc: { v, subnets: [priv], securityGroups: [a.securityGroup(v, "search")] },
    });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      [
        "critical",
        'OpenSearch domain "logs" has a public endpoint and an access policy that lets anyone call it.',
      ],
      [
        "medium",
        'OpenSearch domain "metrics" has a public endpoint; only its access policy (aws:SourceIp) limits who may call it.',
      ],
    ]);
  });

  it("is unverified for a public domain whose access policy was not recorded (AWS Config records none)", () => {
    const { b, a } = account();
    const d = a.openSearchDomain("from-config");
    delete d.props.accessPolicyOpen;
    delete d.props.accessPolicyConditions;
    const u = a.openSearchDomain("unknown-network");
    delete u.props.publicEndpoint;
    const { findings, unverified } = runChecks([rule], new Graph(b.build()), { now: NOW });
    expect(findings).toEqual([]);
    expect(unverified.map((x) => x.missing).sort()).toEqual([
      ['AccessPolicies of Domain "from-config" is not recorded'],
      ['VPCOptions of Domain "unknown-network" is not recorded'],
    ]);
  });
});
