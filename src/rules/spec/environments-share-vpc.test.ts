import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./environments-share-vpc.ts";

const SPEC =
  "name: t\nenvironments: { tag: Environment, values: [dev, staging, production], isolation: vpc }\n";

describe("environments-share-vpc", () => {
  it("reports a VPC holding two environments, naming examples of each", () => {
    const { b, a } = account();
    const { v, priv } = network(a, "staging", "10.1.0.0/16", { Environment: "staging" });
    a.instance(priv, "dev-worker", {
      securityGroups: [a.securityGroup(v, "w")],
      tags: { Environment: "dev" },
    });
    const f = findingsOf(rule, b, SPEC);
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toMatch(
      /^VPC "staging" \(vpc-[0-9a-f]+\) holds resources of 2 environments: dev, staging\.$/,
    );
    expect(f[0]?.evidence[0]).toMatch(/^Environment=dev: "dev-worker"/);
  });

  it("reports peering between environments, and nothing for isolated VPCs", () => {
    const { b, a } = account();
    const dev = network(a, "dev", "10.1.0.0/16", { Environment: "dev" });
    const prod = network(a, "prod", "10.2.0.0/16", { Environment: "production" });
    expect(findingsOf(rule, b, SPEC)).toEqual([]);
    a.peering(dev.v, prod.v, "dev-to-prod");
    expect(findingsOf(rule, b, SPEC).map((x) => x.message)).toEqual([
      expect.stringMatching(/joins a dev VPC .* and a production VPC/),
    ]);
  });
});
