import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, missingProps } from "../util.ts";

export default defineRule({
  meta: {
    id: "elasticache-encryption-disabled",
    title: "ElastiCache without encryption at rest or in transit",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster"],
    what: "A Redis replication group, or a cache cluster outside one, without at-rest or in-transit encryption.",
    why: "Caches hold sessions, tokens and copies of database rows; unencrypted traffic can be sniffed inside the VPC and unencrypted backups read by whoever gets them.",
    fix: "Create a replacement replication group with --at-rest-encryption-enabled and --transit-encryption-enabled (they cannot be turned on in place for older engines) and move clients to it.",
    references: ["FSBP ElastiCache.4", "FSBP ElastiCache.5"],
    problem: "encryption",
    needs: [
      "AWS::ElastiCache::ReplicationGroup.atRestEncryptionEnabled",
      "AWS::ElastiCache::ReplicationGroup.transitEncryptionEnabled",
      "AWS::ElastiCache::CacheCluster.atRestEncryptionEnabled",
      "AWS::ElastiCache::CacheCluster.transitEncryptionEnabled",
    ],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    const check = (r: Parameters<typeof label>[0], atRest?: boolean, transit?: boolean) => {
      const off = [...(atRest === false ? ["at rest"] : []), ...(transit === false ? ["in transit"] : [])];
      const unknown = missingProps(r, { AtRestEncryptionEnabled: atRest, TransitEncryptionEnabled: transit });
      // Reported on what is recorded; what is not stays unverified.
      if (off.length === 0 && unknown.length > 0) out.push(unverified(r, unknown));
      if (off.length > 0)
        out.push({
          resource: r,
          message: `Cache ${label(r)} is not encrypted ${off.join(" or ")}.`,
          evidence: off.map((o) => `encryption ${o} is disabled`),
        });
    };
    for (const g of ctx.graph.ofType("AWS::ElastiCache::ReplicationGroup"))
      check(g, g.props.atRestEncryptionEnabled, g.props.transitEncryptionEnabled);
    for (const c of ctx.graph.ofType("AWS::ElastiCache::CacheCluster"))
      if (!c.props.replicationGroupId)
        check(c, c.props.atRestEncryptionEnabled, c.props.transitEncryptionEnabled);
    return out;
  },
});
