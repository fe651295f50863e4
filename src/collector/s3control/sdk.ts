// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export { GetPublicAccessBlockCommand, S3ControlClient } from "@aws-sdk/client-s3-control";
