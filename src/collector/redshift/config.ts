import {
  type Cluster,
  Cluster$,
  type ClusterSubnetGroup,
  ClusterSubnetGroup$,
} from "@aws-sdk/client-redshift";
import { type ConfigReader, configReader, sdk, tagList } from "../config/reader.ts";
import api, { type RedshiftRaw } from "./api.ts";

// AWS Config records a cluster as DescribeClusters' Cluster (camelCase) and its subnet group as its own
// type, AWS::Redshift::ClusterSubnetGroup: both feed the module's raw input.
const config: ConfigReader<unknown> = configReader<RedshiftRaw>({
  module: api,
  empty: () => ({ clusters: [], subnetGroups: [] }),
  types: {
    "AWS::Redshift::Cluster": (raw, i) => {
      const c = sdk<Cluster>(Cluster$, i);
      c.ClusterIdentifier ??= i.resourceName ?? i.resourceId;
      if (Object.keys(i.tags).length > 0 || c.Tags === undefined) c.Tags = tagList(i.tags);
      raw.clusters.push(c);
    },
    "AWS::Redshift::ClusterSubnetGroup": (raw, i) => {
      const g = sdk<ClusterSubnetGroup>(ClusterSubnetGroup$, i);
      g.ClusterSubnetGroupName ??= i.resourceName ?? i.resourceId;
      raw.subnetGroups.push(g);
    },
  },
});

export default config;
