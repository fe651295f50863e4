import { type Cluster, DescribeCluster$, ListClusters$ } from "@aws-sdk/client-eks";
import { type DumpReader, dumpReader, items } from "../import/dump.ts";
import api, { type EksRaw } from "./api.ts";

// eks-list-clusters.json names the clusters; what asbuilt checks is in each cluster's own
// eks-describe-cluster/<name> file (CloudMapper's collect layout for per-resource calls).
const dump: DumpReader<unknown> = dumpReader<EksRaw>({
  module: api,
  files: {
    "eks-list-clusters": { op: ListClusters$, list: "clusters" },
    "eks-describe-cluster": { op: DescribeCluster$, perResource: "cluster name" },
  },
  required: ["eks-list-clusters"],
  records: { "eks-list-clusters": ["AWS::EKS::Cluster"] },
  build: (get) => {
    const names = items<string>(get, "eks-list-clusters", "clusters");
    const described = new Map<string, Cluster>();
    for (const r of get<{ cluster?: Cluster }>("eks-describe-cluster")) {
      const c = r.out.cluster;
      const name = c?.name ?? r.param;
      if (c && name) described.set(name, { ...c, name });
    }
    const missing = names.filter((n) => !described.has(n));
    return {
      raw: { clusters: [...described.values()] },
      gaps:
        missing.length > 0
          ? [`no eks-describe-cluster response for ${missing.length} cluster(s): ${missing.join(", ")}`]
          : [],
      ...(missing.length > 0 ? { notRecorded: ["AWS::EKS::Cluster"] } : {}),
    };
  },
});

export default dump;
