import type { Resource } from "../../model/snapshot.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
import { inPublicTier, label, subnetEvidence } from "../util.ts";

const TYPES = ["AWS::EC2::Instance", "AWS::ECS::Service", "AWS::Lambda::Function"] as const;

export default defineRule({
  meta: {
    id: "compute-in-public-subnet",
    title: "Compute runs in a public subnet",
    severity: "medium",
    pack: "baseline",
    resourceTypes: [...TYPES],
    what: "An EC2 instance, ECS service or VPC Lambda function placed in a subnet whose route table sends 0.0.0.0/0 or ::/0 to an internet gateway.",
    why: "Workloads in public subnets are one security-group mistake away from the internet. Putting them in private subnets behind a load balancer or NAT keeps that mistake from becoming an exposure. Resources documented in a public tier of the spec (a bastion, say) are not reported.",
    fix: "Move the workload to private subnets (a route to a NAT gateway, not an internet gateway) and reach it through a load balancer, or document it in a tier with `placement: public` in architecture.yaml.",
    references: [],
    problem: "exposure",
    needs: ["AWS::EC2::Instance.subnetId", "AWS::EC2::RouteTable"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const type of TYPES) {
      for (const r of ctx.graph.ofType(type) as readonly Resource[]) {
        if (r.type === "AWS::EC2::Instance" && (r.props as { state?: string }).state !== "running") continue;
        const placement = ctx.facts.placementOf(r);
        const publicSubnets = placement.filter((f) => f.class === "public");
        if (inPublicTier(ctx, r)) continue;
        if (publicSubnets.length === 0) {
          const vague = placement.filter((f) => f.class === "unknown");
          if (vague.length > 0) out.push(unverified(r, vague.map(subnetEvidence)));
          continue;
        }
        const kind =
          type === "AWS::EC2::Instance"
            ? "Instance"
            : type === "AWS::ECS::Service"
              ? "ECS service"
              : "Lambda function";
        out.push({
          resource: r,
          message: `${kind} ${label(r)} runs in public subnet${publicSubnets.length > 1 ? "s" : ""} ${publicSubnets.map((f) => label(f.subnet)).join(", ")}.`,
          evidence: publicSubnets.map(subnetEvidence),
        });
      }
    }
    return out;
  },
});
