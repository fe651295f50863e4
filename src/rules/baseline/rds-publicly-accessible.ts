import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded, subnetEvidence } from "../util.ts";

export default defineRule({
  meta: {
    id: "rds-publicly-accessible",
    title: "RDS database is publicly accessible",
    severity: "critical",
    pack: "baseline",
    resourceTypes: ["AWS::RDS::DBInstance"],
    what: "An RDS DB instance with PubliclyAccessible=true: its endpoint resolves to a public IP address.",
    why: "A publicly accessible database can be reached from the internet wherever its subnets route to an internet gateway; only its security group and password stand between the data and the world.",
    fix: "aws rds modify-db-instance --db-instance-identifier NAME --no-publicly-accessible --apply-immediately; keep the DB subnet group in private subnets.",
    references: ["FSBP RDS.2"],
    problem: "exposure",
    needs: ["AWS::RDS::DBInstance.publiclyAccessible"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const db of ctx.graph.ofType("AWS::RDS::DBInstance")) {
      if (db.props.publiclyAccessible === undefined) {
        out.push(unverified(db, [notRecorded(db, "PubliclyAccessible")]));
        continue;
      }
      if (!db.props.publiclyAccessible) continue;
      const placement = ctx.facts.placementOf(db);
      const publicSubnets = placement.filter((f) => f.class === "public");
      out.push({
        resource: db,
        message: `RDS instance ${label(db)} (${db.props.engine}) is publicly accessible${publicSubnets.length > 0 ? " and sits in public subnets" : ""}.`,
        evidence: [
          "PubliclyAccessible is true",
          ...(db.props.endpoint ? [`endpoint ${db.props.endpoint.address}:${db.props.endpoint.port}`] : []),
          ...placement.map(subnetEvidence),
        ],
      });
    }
    return out;
  },
});
