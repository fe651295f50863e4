import { type CacheCluster, CacheCluster$, ReplicationGroup$ } from "@aws-sdk/client-elasticache";
import { type ConfigReader, configReader, sdk, tagMapping } from "../config/reader.ts";
import api, { type ElastiCacheRaw } from "./api.ts";

const config: ConfigReader<unknown> = configReader<ElastiCacheRaw>({
  module: api,
  partial: {
    notRecorded: ["AWS::ElastiCache::CacheCluster.subnetIds"],
    why: "AWS Config records no cache subnet groups, so where cache clusters are placed is not known",
  },
  // Config records no cache subnet groups: clusters keep no VPC and subnets.
  empty: () => ({ clusters: [], replicationGroups: [], subnetGroups: [], tags: [] }),
  types: {
    "AWS::ElastiCache::CacheCluster": (raw, i) => {
      const c = sdk<CacheCluster>(CacheCluster$, i);
      c.ARN ??= i.arn;
      c.CacheClusterId ??= i.resourceId;
      raw.clusters.push(c);
      raw.tags.push(...tagMapping(c.ARN, i.tags));
    },
    "AWS::ElastiCache::ReplicationGroup": (raw, i) => {
      const g = sdk<ElastiCacheRaw["replicationGroups"][number]>(ReplicationGroup$, i);
      g.ARN ??= i.arn;
      g.ReplicationGroupId ??= i.resourceId;
      raw.replicationGroups.push(g);
      raw.tags.push(...tagMapping(g.ARN, i.tags));
    },
  },
});

export default config;
