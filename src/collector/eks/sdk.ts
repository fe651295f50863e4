// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export { DescribeClusterCommand, EKSClient, paginateListClusters } from "@aws-sdk/client-eks";
