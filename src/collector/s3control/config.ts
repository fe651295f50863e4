import {
  type PublicAccessBlockConfiguration,
  PublicAccessBlockConfiguration$,
} from "@aws-sdk/client-s3-control";
import { type ConfigReader, configReader, sdk } from "../config/reader.ts";
import api, { type S3ControlRaw } from "./api.ts";

// AWS Config's AWS::S3::AccountPublicAccessBlock: the four settings in Java-bean case
// ({blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets}), resourceId the account.
// Config records it in the regions it runs in; one item of any region is the account's setting.
const config: ConfigReader<unknown> = configReader<S3ControlRaw>({
  module: api,
  empty: () => ({ publicAccessBlock: null }),
  types: {
    "AWS::S3::AccountPublicAccessBlock": (raw, i) => {
      raw.publicAccessBlock = sdk<PublicAccessBlockConfiguration>(PublicAccessBlockConfiguration$, i);
    },
  },
});

export default config;
