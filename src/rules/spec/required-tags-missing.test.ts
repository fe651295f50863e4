import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./required-tags-missing.ts";

const SPEC =
  "name: t\ntags:\n  required: [Environment, Owner]\n  allowed: { Environment: [dev, production] }\n";

describe("required-tags-missing", () => {
  it("lists missing required tags and disallowed values, with the spec line", () => {
    const { b, a } = account();
    const v = a.vpc("main", { cidr: "10.0.0.0/16", tags: { Environment: "production", Owner: "web" } });
    const s = a.subnet(v, "s", {
      cidr: "10.0.1.0/24",
      az: "us-east-2a",
      tags: { Environment: "prod", Owner: "web" },
    });
    a.instance(s, "untagged", { securityGroups: [] });
    const f = findingsOf(rule, b, SPEC);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringMatching(
        /^EC2 Instance "untagged" \(i-[0-9a-f]+\) is missing required tags Environment, Owner\.$/,
      ),
      expect.stringMatching(/has Environment="prod", which the spec does not allow\.$/),
    ]);
    expect(f[0]?.specLine).toBe(3);
  });

  it("ignores AWS-managed pieces (ENIs, default groups, route tables) and runs only with a spec", () => {
    const { b, a } = account();
    network(a, "main", "10.0.0.0/16", { Environment: "dev", Owner: "x" });
    const f = findingsOf(rule, b, SPEC);
    expect(f.map((x) => x.resourceType)).toEqual(["AWS::EC2::NatGateway"]);
    expect(findingsOf(rule, b)).toEqual([]);
  });
});
