// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  paginateListClusters,
  paginateListServices,
  paginateListTasks,
} from "@aws-sdk/client-ecs";
