import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./nat-single-az.ts";

describe("nat-single-az", () => {
  it("reports a NAT gateway carrying another AZ's private subnets", () => {
    const { b, a } = account();
    const { v } = network(a);
    const privB = a.subnet(v, "main-private-b", { cidr: "10.0.11.0/24", az: "us-east-2b" });
    expect(findingsOf(rule, b)).toEqual([]);
    const nat = b.all().find((r) => r.type === "AWS::EC2::NatGateway");
    if (!nat) throw new Error("no NAT");
    a.routeTable(v, "private-b", {
      subnets: [privB],
      routes: [{ destination: "0.0.0.0/0", via: nat as never }],
    });
    expect(findingsOf(rule, b).map((x) => x.message)).toEqual([
      expect.stringMatching(
        /^NAT gateway "main-nat" \(nat-[0-9a-f]+\) in us-east-2a also carries the egress of subnets in us-east-2b\.$/,
      ),
    ]);
  });
});
