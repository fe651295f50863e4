import { type Cluster, Cluster$, type Service, Service$ } from "@aws-sdk/client-ecs";
import { type ConfigReader, configReader, sdk } from "../config/reader.ts";
import api, { type EcsRaw } from "./api.ts";

const ecsTags = (tags: Record<string, string>) =>
  Object.entries(tags).map(([key, value]) => ({ key, value }));

const config: ConfigReader<unknown> = configReader<EcsRaw>({
  module: api,
  // ECS items are CloudFormation-shaped; Config records no tasks.
  empty: () => ({ clusters: [], services: [], tasks: [] }),
  types: {
    "AWS::ECS::Cluster": (raw, i) => {
      const c = sdk<Cluster>(Cluster$, i, {
        "Cluster.clusterArn": ["Arn"],
        "Cluster.settings": ["ClusterSettings"],
      });
      c.clusterArn ??= i.arn;
      c.clusterName ??= i.resourceName ?? i.resourceId;
      c.tags = ecsTags(i.tags);
      raw.clusters.push(c);
    },
    "AWS::ECS::Service": (raw, i, g) => {
      const s = sdk<Service>(Service$, i, {
        "Service.clusterArn": ["Cluster"],
        "Service.serviceName": ["Name"],
      });
      s.serviceArn ??= i.arn;
      s.serviceName ??= i.resourceName;
      // CloudFormation's Cluster is a name or an ARN; the model keys services by the cluster's ARN.
      if (s.clusterArn && !s.clusterArn.startsWith("arn:"))
        s.clusterArn = `arn:aws:ecs:${g.where.region}:${g.where.account}:cluster/${s.clusterArn}`;
      s.tags = ecsTags(i.tags);
      raw.services.push(s);
    },
  },
});

export default config;
