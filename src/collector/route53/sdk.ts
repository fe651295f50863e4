// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  GetHostedZoneCommand,
  ListResourceRecordSetsCommand,
  ListTagsForResourcesCommand,
  paginateListHostedZones,
  Route53Client,
} from "@aws-sdk/client-route-53";
