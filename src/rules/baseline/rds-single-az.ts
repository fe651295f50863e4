import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "rds-single-az",
    title: "RDS instance runs in one Availability Zone",
    severity: "low",
    pack: "baseline",
    resourceTypes: ["AWS::RDS::DBInstance"],
    what: "An RDS DB instance, not part of a cluster, without a Multi-AZ standby.",
    why: "An AZ outage or a host failure takes the database down until it is restored; Multi-AZ fails over in a minute or two.",
    fix: "aws rds modify-db-instance --db-instance-identifier NAME --multi-az --apply-immediately (or run an Aurora cluster with a replica in another AZ).",
    references: ["FSBP RDS.5"],
    problem: "availability",
    needs: ["AWS::RDS::DBInstance.multiAz"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const db of ctx.graph.ofType("AWS::RDS::DBInstance")) {
      if (db.props.dbClusterIdentifier || db.props.multiAz) continue;
      if (db.props.multiAz === undefined) {
        out.push(unverified(db, [notRecorded(db, "MultiAZ")]));
        continue;
      }
      out.push({
        resource: db,
        message: `RDS instance ${label(db)} has no Multi-AZ standby.`,
        evidence: [`MultiAZ is false; the instance lives in ${db.props.availabilityZone ?? "one AZ"}`],
      });
    }
    return out;
  },
});
