import { asKnown, type Resource } from "../../model/snapshot.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, missingProps, notRecorded, specSubject, tierMembers } from "../util.ts";

export default defineRule({
  meta: {
    id: "tier-not-multi-az",
    title: "Tier requires several Availability Zones, runs in one",
    severity: "medium",
    pack: "spec",
    resourceTypes: [
      "asbuilt::Spec::Tier",
      "AWS::RDS::DBInstance",
      "AWS::ElasticLoadBalancingV2::LoadBalancer",
      "AWS::AutoScalingGroup",
      "AWS::ElastiCache::ReplicationGroup",
    ],
    what: "In a tier with `multiAz: true`: the tier's compute all in one Availability Zone, or a database without a standby, a load balancer, ASG or ECS service in a single AZ.",
    why: "The document promises that losing one Availability Zone does not take this tier down; a single-AZ member breaks that promise.",
    fix: "Spread instances over subnets in two or more AZs (the ASG's subnets), enable Multi-AZ on the database, and give load balancers and services subnets in several AZs.",
    references: [],
    problem: "availability",
    needs: [
      "AWS::EC2::Subnet.availabilityZone",
      "AWS::RDS::DBInstance.multiAz",
      "AWS::ElastiCache::ReplicationGroup.multiAz",
    ],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec) return [];
    const out: RuleResult[] = [];
    for (const [name, tier] of Object.entries(spec.spec.tiers)) {
      if (!tier.multiAz) continue;
      const members = tierMembers(ctx, name);
      const specLine = spec.lineOf(["tiers", name, "multiAz"]);
      const azsOf = (r: Resource) =>
        new Set(ctx.facts.placementOf(r).flatMap((f) => f.subnet.props.availabilityZone ?? []));
      /** Subnets of `r` whose Availability Zone was not recorded. */
      const vagueAzs = (r: Resource) =>
        ctx.facts.placementOf(r).filter((f) => f.subnet.props.availabilityZone === undefined);
      const compute = members.filter(
        (r) =>
          r.type === "AWS::EC2::Instance" ||
          r.type === "AWS::ECS::Service" ||
          r.type === "AWS::Lambda::Function",
      );
      const computeAzs = new Set(compute.flatMap((r) => [...azsOf(r)]));
      const computeVague = compute.flatMap(vagueAzs);
      if (compute.length > 0 && computeAzs.size < 2 && computeVague.length > 0) {
        out.push(
          unverified(
            specSubject(ctx, "Tier", name),
            computeVague.map((f) => notRecorded(f.subnet, "the Availability Zone")),
            { key: "compute", specLine },
          ),
        );
      } else if (compute.length > 0 && computeAzs.size < 2) {
        out.push({
          resource: specSubject(ctx, "Tier", name),
          key: "compute",
          message: `Tier "${name}" requires several AZs, but all its compute runs in ${[...computeAzs].join(", ") || "one AZ"}.`,
          evidence: compute.slice(0, 5).map((r) => `${label(r)} in ${[...azsOf(r)].join(", ")}`),
          specLine,
        });
      }
      for (const member of members) {
        const r = asKnown(member);
        if (!r) continue;
        let why: string | undefined;
        const unknown =
          r.type === "AWS::RDS::DBInstance" && !r.props.dbClusterIdentifier
            ? missingProps(r, { MultiAZ: r.props.multiAz })
            : r.type === "AWS::ElastiCache::ReplicationGroup"
              ? missingProps(r, { MultiAZ: r.props.multiAz })
              : azsOf(r).size <= 1
                ? vagueAzs(r).map((f) => notRecorded(f.subnet, "the Availability Zone"))
                : [];
        if (unknown.length > 0) {
          out.push(unverified(r, unknown, { key: name, specLine }));
          continue;
        }
        if (r.type === "AWS::RDS::DBInstance" && r.props.multiAz === false && !r.props.dbClusterIdentifier)
          why = "it has no Multi-AZ standby";
        else if (r.type === "AWS::ElastiCache::ReplicationGroup" && r.props.multiAz === false)
          why = "Multi-AZ is off";
        else if (
          (r.type === "AWS::ElasticLoadBalancingV2::LoadBalancer" ||
            r.type === "AWS::AutoScaling::AutoScalingGroup" ||
            r.type === "AWS::ECS::Service") &&
          azsOf(r).size === 1
        )
          why = `its subnets are all in ${[...azsOf(r)][0]}`;
        if (!why) continue;
        out.push({
          resource: r,
          key: name,
          message: `${label(r)} is in tier "${name}", which requires several AZs, but ${why}.`,
          evidence: [why],
          specLine,
        });
      }
    }
    return out;
  },
});
