// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  paginateDescribeClusterSubnetGroups,
  paginateDescribeClusters,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
