// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export { LambdaClient, paginateListFunctions, paginateListFunctionUrlConfigs } from "@aws-sdk/client-lambda";
export {
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
