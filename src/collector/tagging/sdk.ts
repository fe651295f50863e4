// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
