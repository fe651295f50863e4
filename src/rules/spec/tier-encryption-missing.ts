import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, membersOfTiers, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "tier-encryption-missing",
    title: "Tier requires encryption at rest, resource is unencrypted",
    severity: "high",
    pack: "spec",
    resourceTypes: [
      "AWS::RDS::DBInstance",
      "AWS::RDS::DBCluster",
      "AWS::ElastiCache::CacheCluster",
      "AWS::S3::Bucket",
    ],
    what: "A database, cache or bucket in a tier with `encryption: required` whose data is not encrypted at rest.",
    why: "The architecture promises encrypted storage for this tier (often a compliance requirement); unencrypted snapshots and media expose the data.",
    fix: "Restore the database from an encrypted snapshot copy, recreate the cache with at-rest encryption, or set default encryption on the bucket.",
    references: [],
    problem: "encryption",
    needs: [
      "AWS::RDS::DBInstance.storageEncrypted",
      "AWS::RDS::DBCluster.storageEncrypted",
      "AWS::ElastiCache::CacheCluster.atRestEncryptionEnabled",
      "AWS::S3::Bucket.encryption",
    ],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec) return [];
    const out: RuleResult[] = [];
    for (const { tier: name, r } of membersOfTiers(ctx, (t) => t.encryption === "required")) {
      const state =
        r.type === "AWS::RDS::DBInstance" || r.type === "AWS::RDS::DBCluster"
          ? r.props.storageEncrypted
          : r.type === "AWS::ElastiCache::CacheCluster"
            ? r.props.atRestEncryptionEnabled
            : r.type === "AWS::S3::Bucket"
              ? r.props.encryption === undefined
                ? undefined
                : r.props.encryption !== null
              : true;
      if (state === undefined) {
        out.push(
          unverified(r, [notRecorded(r, "encryption at rest")], {
            key: name,
            specLine: spec.lineOf(["tiers", name, "encryption"]),
          }),
        );
        continue;
      }
      if (state) continue;
      out.push({
        resource: r,
        key: name,
        message: `${label(r)} is in tier "${name}", which requires encryption at rest, but its data is not encrypted.`,
        evidence: [`${r.type} without encryption at rest`],
        specLine: spec.lineOf(["tiers", name, "encryption"]),
      });
    }
    return out;
  },
});
