import type { SubnetFacts } from "../../analysis/subnets.ts";
import { push } from "../../model/maps.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "nat-single-az",
    title: "Private subnets in several AZs share a NAT gateway in one",
    severity: "low",
    pack: "baseline",
    resourceTypes: ["AWS::EC2::NatGateway"],
    what: "A NAT gateway that private subnets in other Availability Zones route their internet traffic through.",
    why: "A multi-AZ application whose outbound traffic all goes through one AZ's NAT gateway loses its egress (package installs, API calls, image pulls) when that AZ fails, and pays cross-AZ data charges meanwhile.",
    fix: "Create a NAT gateway in each AZ and give each AZ's private subnets a route table that uses its own AZ's gateway.",
    references: [],
    problem: "availability",
    needs: ["AWS::EC2::Subnet.availabilityZone", "AWS::EC2::RouteTable", "AWS::EC2::NatGateway"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    // Subnets by the NAT gateway their default route uses: one pass, not one per NAT gateway.
    const byNat = new Map<string, SubnetFacts[]>();
    for (const f of ctx.facts.subnets.values()) {
      const id = f.defaultRoute?.targetId;
      if (id) push(byNat, id, f);
    }
    for (const nat of ctx.graph.ofType("AWS::EC2::NatGateway")) {
      const natSubnet = ctx.graph.ec2(nat, "subnet", nat.props.subnetId, "AWS::EC2::Subnet");
      if (!natSubnet) continue;
      const natAz = natSubnet.props.availabilityZone;
      if (natAz === undefined) {
        out.push(unverified(nat, [notRecorded(natSubnet, "the Availability Zone")]));
        continue;
      }
      const vague: string[] = [];
      const otherAzs = new Map<string, string[]>();
      for (const f of byNat.get(nat.props.natGatewayId) ?? []) {
        const az = f.subnet.props.availabilityZone;
        if (az === undefined) vague.push(notRecorded(f.subnet, "the Availability Zone"));
        if (az === undefined || az === natAz) continue;
        otherAzs.set(az, [...(otherAzs.get(az) ?? []), f.subnet.name ?? f.subnet.props.subnetId]);
      }
      if (otherAzs.size === 0) {
        if (vague.length > 0) out.push(unverified(nat, vague));
        continue;
      }
      out.push({
        resource: nat,
        message: `NAT gateway ${label(nat)} in ${natSubnet.props.availabilityZone} also carries the egress of subnets in ${[...otherAzs.keys()].sort().join(", ")}.`,
        evidence: [...otherAzs].map(
          ([az, names]) => `${az}: ${names.join(", ")} route 0.0.0.0/0 → ${nat.props.natGatewayId}`,
        ),
      });
    }
    return out;
  },
});
