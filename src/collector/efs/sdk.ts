// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  DescribeMountTargetSecurityGroupsCommand,
  EFSClient,
  paginateDescribeFileSystems,
  paginateDescribeMountTargets,
} from "@aws-sdk/client-efs";
