import type { PublicAccessBlockConfiguration } from "@aws-sdk/client-s3-control";
import { GetPublicAccessBlock$ } from "@aws-sdk/client-s3-control";
import { type DumpReader, dumpReader } from "../import/dump.ts";
import api, { type S3ControlRaw } from "./api.ts";

// `aws s3control get-public-access-block --account-id ID`: CloudMapper writes it as
// s3control-get-public-access-block/<account id> (its per-parameter layout), a hand-made dump as
// s3control-get-public-access-block.json; an account without a block is the CLI's
// NoSuchPublicAccessBlockConfiguration error in the file.
const dump: DumpReader<unknown> = dumpReader<S3ControlRaw>({
  module: api,
  files: { "s3control-get-public-access-block": { op: GetPublicAccessBlock$, errorRecords: true } },
  required: ["s3control-get-public-access-block"],
  records: { "s3control-get-public-access-block": ["AWS::S3::AccountPublicAccessBlock"] },
  build: (get) => {
    const answers = get<{ PublicAccessBlockConfiguration?: PublicAccessBlockConfiguration }>(
      "s3control-get-public-access-block",
    );
    const found = answers.find((r) => r.out.PublicAccessBlockConfiguration)?.out
      .PublicAccessBlockConfiguration;
    const none = answers.some((r) => r.error === "NoSuchPublicAccessBlockConfiguration");
    const failed = answers.filter(
      (r) => r.error !== undefined && r.error !== "NoSuchPublicAccessBlockConfiguration",
    );
    if (found) return { raw: { publicAccessBlock: found }, gaps: [] };
    if (none) return { raw: { publicAccessBlock: null }, gaps: [] };
    // Only an error other than "none" (AccessDenied): whether the account blocks public access is unknown.
    return {
      raw: { publicAccessBlock: undefined },
      gaps: failed.map((r) => `s3control-get-public-access-block records ${r.error}`),
      notRecorded: ["AWS::S3::AccountPublicAccessBlock"],
    };
  },
});

export default dump;
