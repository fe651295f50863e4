import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./vpc-flow-logs-disabled.ts";

describe("vpc-flow-logs-disabled", () => {
  it("reports a VPC without flow logs, not one with them, nor an empty default VPC", () => {
    const { b, a } = account();
    const logged = network(a, "logged", "10.1.0.0/16");
    network(a, "dark", "10.2.0.0/16");
    const def = a.vpc("default", { cidr: "172.31.0.0/16" });
    def.vpc.props.isDefault = true;
    a.flowLog(logged.v, "logged-flows");
    expect(findingsOf(rule, b).map((x) => x.message)).toEqual([
      expect.stringMatching(/^VPC "dark" \(vpc-[0-9a-f]+\) has no flow log\.$/),
    ]);
  });
});
