// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export { AutoScalingClient, paginateDescribeAutoScalingGroups } from "@aws-sdk/client-auto-scaling";
