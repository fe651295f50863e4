// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  paginateDescribeDBProxies,
  paginateDescribeDBProxyTargets,
  RDSClient,
} from "@aws-sdk/client-rds";
