// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  GetWebACLCommand,
  ListResourcesForWebACLCommand,
  ListTagsForResourceCommand,
  ListWebACLsCommand,
  WAFV2Client,
} from "@aws-sdk/client-wafv2";
