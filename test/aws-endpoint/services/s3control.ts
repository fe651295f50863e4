import { GetPublicAccessBlock$ } from "@aws-sdk/client-s3-control";
import type { ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// S3 Control's account-level GetPublicAccessBlock answered from the snapshot: the inverse of
// src/collector/s3control/api.ts. It signs as "s3"; its paths (/v20180820/…) tell it from S3's. An account
// without a block is S3 Control's 404 NoSuchPublicAccessBlockConfiguration.

export const s3controlHandler: ServiceHandler = {
  signingName: "s3",
  pathPrefix: "/v20180820/",
  protocol: "rest-xml",
  xmlNamespace: "http://awss3control.amazonaws.com/doc/2018-08-20/",
  global: true,
  operations: {
    GetPublicAccessBlock: {
      schema: GetPublicAccessBlock$ as unknown as OperationSchema,
      handle: ({ snapshot, account }) => {
        const block = snapshot.resources.find(
          (r): r is ResourceOf<"AWS::S3::AccountPublicAccessBlock"> =>
            r.type === "AWS::S3::AccountPublicAccessBlock" && r.account === account,
        );
        if (!block)
          throw Object.assign(new Error("The public access block configuration was not found"), {
            code: "NoSuchPublicAccessBlockConfiguration",
            status: 404,
          });
        return {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: block.props.blockPublicAcls,
            IgnorePublicAcls: block.props.ignorePublicAcls,
            BlockPublicPolicy: block.props.blockPublicPolicy,
            RestrictPublicBuckets: block.props.restrictPublicBuckets,
          },
        };
      },
    },
  },
};
