import { DescribeClusterSubnetGroups$, DescribeClusters$ } from "@aws-sdk/client-redshift";
import { type DumpReader, dumpReader, items } from "../import/dump.ts";
import api, { type RedshiftRaw } from "./api.ts";

const dump: DumpReader<unknown> = dumpReader<RedshiftRaw>({
  module: api,
  files: {
    "redshift-describe-clusters": { op: DescribeClusters$, list: "Clusters" },
    "redshift-describe-cluster-subnet-groups": {
      op: DescribeClusterSubnetGroups$,
      list: "ClusterSubnetGroups",
    },
  },
  required: ["redshift-describe-clusters", "redshift-describe-cluster-subnet-groups"],
  records: {
    "redshift-describe-clusters": ["AWS::Redshift::Cluster"],
    "redshift-describe-cluster-subnet-groups": ["AWS::Redshift::Cluster.subnetIds"],
  },
  build: (get) => ({
    raw: {
      clusters: items(get, "redshift-describe-clusters", "Clusters"),
      subnetGroups: items(get, "redshift-describe-cluster-subnet-groups", "ClusterSubnetGroups"),
    },
    gaps: [],
  }),
});

export default dump;
