import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "opensearch-public-domain",
    title: "OpenSearch domain has a public endpoint",
    severity: "critical",
    pack: "baseline",
    resourceTypes: ["AWS::OpenSearch::Domain"],
    what: 'An OpenSearch (or Elasticsearch) domain outside any VPC, so its endpoint is on the internet: critical when its access policy lets anyone (Principal "*" without a Condition) call it, medium when the policy limits who may.',
    why: "A public domain is reachable from anywhere; with an open access policy anyone can read, change or delete its indices (open Elasticsearch clusters are a classic source of data breaches). Even behind a restrictive policy, a public endpoint leaves the policy as the only guard.",
    fix: "Create the domain in a VPC (VPCOptions with private subnets and a security group); a domain's network access cannot be changed in place, so snapshot and restore into a VPC domain. Meanwhile replace Principal \"*\" in the access policy with the account's roles.",
    references: ["FSBP Opensearch.2", "FSBP ES.2"],
    problem: "exposure",
    needs: ["AWS::OpenSearch::Domain.publicEndpoint", "AWS::OpenSearch::Domain.accessPolicyOpen"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const d of ctx.graph.ofType("AWS::OpenSearch::Domain")) {
      if (d.props.publicEndpoint === undefined) {
        out.push(unverified(d, [notRecorded(d, "VPCOptions")]));
        continue;
      }
      if (!d.props.publicEndpoint) continue;
      if (d.props.accessPolicyOpen === undefined) {
        out.push(unverified(d, [notRecorded(d, "AccessPolicies")]));
        continue;
      }
      const endpoint = d.props.endpoints.map((e) => `endpoint ${e}`);
      if (d.props.accessPolicyOpen) {
        out.push({
          resource: d,
          message: `OpenSearch domain ${label(d)} has a public endpoint and an access policy that lets anyone call it.`,
          evidence: [
            "no VPCOptions: the endpoint is public",
            'an access policy statement allows Principal "*" without a Condition',
            ...endpoint,
          ],
        });
        continue;
      }
      const conditions = d.props.accessPolicyConditions ?? [];
      out.push({
        resource: d,
        severity: "medium",
        message: `OpenSearch domain ${label(d)} has a public endpoint; only its access policy${conditions.length > 0 ? ` (${conditions.join(", ")})` : ""} limits who may call it.`,
        evidence: [
          "no VPCOptions: the endpoint is public",
          conditions.length > 0
            ? `anonymous access is allowed only under conditions on ${conditions.join(", ")}`
            : "the access policy allows no anonymous access",
          ...endpoint,
        ],
      });
    }
    return out;
  },
});
