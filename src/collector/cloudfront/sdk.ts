// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  CloudFrontClient,
  ListTagsForResourceCommand,
  paginateListDistributions,
} from "@aws-sdk/client-cloudfront";
