// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  ElastiCacheClient,
  paginateDescribeCacheClusters,
  paginateDescribeCacheSubnetGroups,
  paginateDescribeReplicationGroups,
} from "@aws-sdk/client-elasticache";
export {
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
