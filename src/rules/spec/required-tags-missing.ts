import type { Resource } from "../../model/snapshot.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label } from "../util.ts";

/** Types a team tags deliberately; implicit or AWS-managed pieces (ENIs, routes, records) are left out. */
export const PRIMARY_TYPES = new Set([
  "AWS::EC2::VPC",
  "AWS::EC2::Subnet",
  "AWS::EC2::Instance",
  "AWS::EC2::NatGateway",
  "AWS::EC2::SecurityGroup",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBCluster",
  "AWS::ElastiCache::ReplicationGroup",
  "AWS::ElastiCache::CacheCluster",
  "AWS::S3::Bucket",
  "AWS::CloudFront::Distribution",
  "AWS::ECS::Cluster",
  "AWS::ECS::Service",
  "AWS::Lambda::Function",
  "AWS::AutoScaling::AutoScalingGroup",
]);

function isPrimary(r: Resource): boolean {
  if (!PRIMARY_TYPES.has(r.type)) return false;
  if (r.type === "AWS::EC2::SecurityGroup" && (r.props as { groupName?: string }).groupName === "default")
    return false;
  // Members of a replication group are tagged through the group.
  if (
    r.type === "AWS::ElastiCache::CacheCluster" &&
    (r.props as { replicationGroupId?: string | null }).replicationGroupId
  )
    return false;
  return true;
}

export default defineRule({
  meta: {
    id: "required-tags-missing",
    title: "Required tags missing or not allowed",
    severity: "medium",
    pack: "spec",
    resourceTypes: [...PRIMARY_TYPES],
    what: "A resource of a primary type without every tag the spec's `tags.required` lists, or with a value outside `tags.allowed`.",
    why: "Tags are how ownership, environment and cost are known; an untagged resource is nobody's, so it is never patched, reviewed or paid attention to, and environment checks cannot place it.",
    fix: "Add the missing tags (aws resourcegroupstaggingapi tag-resources, or in the IaC that owns the resource), or use an allowed value.",
    references: [],
    needs: ["tags"],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec?.spec.tags) return [];
    const { required, allowed } = spec.spec.tags;
    const out: RuleResult[] = [];
    for (const r of ctx.graph.resources) {
      if (!isPrimary(r)) continue;
      const missing = required.filter((k) => r.tags[k] === undefined || r.tags[k] === "");
      // Some sources record no tags for a type (AWS Config's CloudFront distributions): absent ones are unknown.
      const tagsGap = ctx.gap(r, `${r.type}.tags`);
      if (missing.length > 0 && tagsGap) {
        out.push(
          unverified(r, [`the tags of ${label(r)}: ${tagsGap}`], {
            specLine: spec.lineOf(["tags", "required"]),
          }),
        );
      } else if (missing.length > 0) {
        out.push({
          resource: r,
          message: `${r.type.split("::").slice(1).join(" ")} ${label(r)} is missing required tag${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.`,
          evidence: [
            `required by the spec: ${required.join(", ")}`,
            `present: ${Object.keys(r.tags).sort().join(", ") || "no tags"}`,
          ],
          specLine: spec.lineOf(["tags", "required"]),
        });
      }
      for (const [key, values] of Object.entries(allowed)) {
        const v = r.tags[key];
        if (v === undefined || values.includes(v)) continue;
        out.push({
          resource: r,
          key: `allowed:${key}`,
          message: `${label(r)} has ${key}="${v}", which the spec does not allow.`,
          evidence: [`allowed values of ${key}: ${values.join(", ")}`],
          specLine: spec.lineOf(["tags", "allowed", key]),
        });
      }
    }
    return out;
  },
});
