import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "rds-storage-unencrypted",
    title: "RDS storage is not encrypted",
    severity: "high",
    pack: "baseline",
    resourceTypes: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    what: "An RDS DB instance or cluster with StorageEncrypted=false.",
    why: "Unencrypted storage, snapshots and replicas expose the data to anyone who obtains a snapshot or the underlying media; encryption cannot be turned on in place later.",
    fix: "Copy a snapshot with encryption (aws rds copy-db-snapshot --kms-key-id …) and restore from it, then switch the application over.",
    references: ["FSBP RDS.3", "CIS 2.3.1"],
    problem: "encryption",
    needs: ["AWS::RDS::DBInstance.storageEncrypted", "AWS::RDS::DBCluster.storageEncrypted"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const db of ctx.graph.ofType("AWS::RDS::DBInstance")) {
      if (db.props.storageEncrypted || db.props.dbClusterIdentifier) continue;
      if (db.props.storageEncrypted === undefined) {
        out.push(unverified(db, [notRecorded(db, "StorageEncrypted")]));
        continue;
      }
      out.push({
        resource: db,
        message: `RDS instance ${label(db)} stores its data unencrypted.`,
        evidence: ["StorageEncrypted is false"],
      });
    }
    for (const c of ctx.graph.ofType("AWS::RDS::DBCluster")) {
      if (c.props.storageEncrypted) continue;
      if (c.props.storageEncrypted === undefined) {
        out.push(unverified(c, [notRecorded(c, "StorageEncrypted")]));
        continue;
      }
      out.push({
        resource: c,
        message: `RDS cluster ${label(c)} stores its data unencrypted.`,
        evidence: ["StorageEncrypted is false"],
      });
    }
    return out;
  },
});
