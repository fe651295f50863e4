import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded, subnetEvidence } from "../util.ts";

export default defineRule({
  meta: {
    id: "redshift-publicly-accessible",
    title: "Redshift cluster is publicly accessible",
    severity: "critical",
    pack: "baseline",
    resourceTypes: ["AWS::Redshift::Cluster"],
    what: "A Redshift cluster with PubliclyAccessible=true: its endpoint resolves to a public IP address.",
    why: "A publicly accessible data warehouse can be reached from the internet wherever its subnets route to an internet gateway; only its security groups and credentials stand between the data and the world.",
    fix: "aws redshift modify-cluster --cluster-identifier NAME --no-publicly-accessible; keep the cluster subnet group in private subnets.",
    references: ["FSBP Redshift.1"],
    problem: "exposure",
    needs: ["AWS::Redshift::Cluster.publiclyAccessible"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const c of ctx.graph.ofType("AWS::Redshift::Cluster")) {
      if (c.props.publiclyAccessible === undefined) {
        out.push(unverified(c, [notRecorded(c, "PubliclyAccessible")]));
        continue;
      }
      if (!c.props.publiclyAccessible) continue;
      const placement = ctx.facts.placementOf(c);
      const publicSubnets = placement.filter((f) => f.class === "public");
      out.push({
        resource: c,
        message: `Redshift cluster ${label(c)} is publicly accessible${publicSubnets.length > 0 ? " and sits in public subnets" : ""}.`,
        evidence: [
          "PubliclyAccessible is true",
          ...(c.props.endpoint ? [`endpoint ${c.props.endpoint.address}:${c.props.endpoint.port}`] : []),
          ...(c.props.encrypted === false ? ["the cluster is not encrypted"] : []),
          ...placement.map(subnetEvidence),
        ],
      });
    }
    return out;
  },
});
