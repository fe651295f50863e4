import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "rds-backups-disabled",
    title: "RDS automated backups are off",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::RDS::DBInstance"],
    what: "An RDS DB instance (not in a cluster) with a backup retention period of 0 days.",
    why: "Without automated backups there is no point-in-time recovery: a bad migration, a deleted table or ransomware is permanent.",
    fix: "aws rds modify-db-instance --db-instance-identifier NAME --backup-retention-period 7 --apply-immediately",
    references: ["FSBP RDS.11"],
    needs: ["AWS::RDS::DBInstance.backupRetentionPeriod"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const db of ctx.graph.ofType("AWS::RDS::DBInstance")) {
      if (db.props.dbClusterIdentifier) continue;
      if (db.props.backupRetentionPeriod === undefined) {
        out.push(unverified(db, [notRecorded(db, "BackupRetentionPeriod")]));
        continue;
      }
      if (db.props.backupRetentionPeriod > 0) continue;
      out.push({
        resource: db,
        message: `RDS instance ${label(db)} keeps no automated backups.`,
        evidence: ["BackupRetentionPeriod is 0"],
      });
    }
    return out;
  },
});
