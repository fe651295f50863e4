import { isWorld } from "../../analysis/cidr.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "eks-endpoint-public",
    title: "EKS API server endpoint is open to the internet",
    severity: "high",
    pack: "baseline",
    resourceTypes: ["AWS::EKS::Cluster"],
    what: "An EKS cluster whose Kubernetes API server endpoint has public access enabled for 0.0.0.0/0 (or ::/0) in publicAccessCidrs, the default EKS creates.",
    why: "Anyone on the internet can reach the cluster's API server: one leaked kubeconfig token, a misconfigured RBAC binding or an API server vulnerability is then exploitable from anywhere.",
    fix: "aws eks update-cluster-config --name NAME --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true (or keep public access and set publicAccessCidrs to your office and CI ranges).",
    references: ["FSBP EKS.1"],
    problem: "exposure",
    needs: ["AWS::EKS::Cluster.endpointPublicAccess", "AWS::EKS::Cluster.publicAccessCidrs"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const c of ctx.graph.ofType("AWS::EKS::Cluster")) {
      const { endpointPublicAccess, publicAccessCidrs } = c.props;
      if (endpointPublicAccess === undefined) {
        out.push(unverified(c, [notRecorded(c, "endpointPublicAccess")]));
        continue;
      }
      if (!endpointPublicAccess) continue;
      if (publicAccessCidrs === undefined) {
        out.push(unverified(c, [notRecorded(c, "publicAccessCidrs")]));
        continue;
      }
      const world = publicAccessCidrs.filter(isWorld);
      if (world.length === 0) continue;
      out.push({
        resource: c,
        message: `EKS cluster ${label(c)} has its API server endpoint open to ${world.join(" and ")}${c.props.endpointPrivateAccess === false ? ", and no private endpoint" : ""}.`,
        evidence: [
          "endpointPublicAccess is true",
          `publicAccessCidrs: ${publicAccessCidrs.join(", ")}`,
          ...(c.props.endpoint ? [`endpoint ${c.props.endpoint}`] : []),
          ...(c.props.endpointPrivateAccess !== undefined
            ? [`endpointPrivateAccess is ${c.props.endpointPrivateAccess}`]
            : []),
        ],
      });
    }
    return out;
  },
});
