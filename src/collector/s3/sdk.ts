// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  S3Client,
} from "@aws-sdk/client-s3";
