import {
  DescribeCacheClusters$,
  DescribeCacheSubnetGroups$,
  DescribeReplicationGroups$,
} from "@aws-sdk/client-elasticache";
import {
  type DumpReader,
  dumpReader,
  items,
  TAGGING_FILE,
  taggingFile,
  tagMappings,
} from "../import/dump.ts";
import api, { type ElastiCacheRaw } from "./api.ts";

const dump: DumpReader<unknown> = dumpReader<ElastiCacheRaw>({
  module: api,
  files: {
    "elasticache-describe-cache-clusters": { op: DescribeCacheClusters$, list: "CacheClusters" },
    "elasticache-describe-replication-groups": { op: DescribeReplicationGroups$, list: "ReplicationGroups" },
    "elasticache-describe-cache-subnet-groups": { op: DescribeCacheSubnetGroups$, list: "CacheSubnetGroups" },
    [TAGGING_FILE]: taggingFile,
  },
  required: [
    "elasticache-describe-cache-clusters",
    "elasticache-describe-replication-groups",
    "elasticache-describe-cache-subnet-groups",
    TAGGING_FILE,
  ],
  records: {
    "elasticache-describe-cache-clusters": ["AWS::ElastiCache::CacheCluster"],
    "elasticache-describe-replication-groups": ["AWS::ElastiCache::ReplicationGroup"],
    "elasticache-describe-cache-subnet-groups": ["AWS::ElastiCache::CacheCluster.subnetIds"],
    [TAGGING_FILE]: ["AWS::ElastiCache::CacheCluster.tags", "AWS::ElastiCache::ReplicationGroup.tags"],
  },
  build: (get) => ({
    raw: {
      clusters: items(get, "elasticache-describe-cache-clusters", "CacheClusters"),
      replicationGroups: items(get, "elasticache-describe-replication-groups", "ReplicationGroups"),
      subnetGroups: items(get, "elasticache-describe-cache-subnet-groups", "CacheSubnetGroups"),
      tags: tagMappings(get),
    },
    gaps: [],
  }),
});

export default dump;
