import type { PublicAccessBlockConfiguration } from "@aws-sdk/client-s3-control";
import { arns } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { Collected } from "../util.ts";

// The account-level S3 Block Public Access (S3 Control's GetPublicAccessBlock for the account): the S3 rules
// combine it with each bucket's own block. Global, read once per account.

export interface S3ControlRaw {
  /**
   * The account's configuration; null when S3 answered NoSuchPublicAccessBlockConfiguration (the account
   * has none), undefined when not recorded.
   */
  publicAccessBlock: PublicAccessBlockConfiguration | null | undefined;
}

export default defineService<S3ControlRaw>({
  service: "s3control",
  global: true,
  operations: [{ command: "GetPublicAccessBlock", iam: ["s3:GetAccountPublicAccessBlock"] }],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.S3ControlClient);
    // S3 Control addresses <account>.s3-control.<region>.amazonaws.com; a custom endpoint (--endpoint-url)
    // is one host that takes the account in the x-amz-account-id header instead.
    const endpoint = ctx.settings.endpoint;
    if (endpoint) client.config.endpointProvider = () => ({ url: new URL(endpoint) });
    try {
      const out = await client.send(new sdk.GetPublicAccessBlockCommand({ AccountId: ctx.account }));
      return { publicAccessBlock: out.PublicAccessBlockConfiguration ?? null };
    } catch (err) {
      const e = err as { name?: string; Code?: string } | null;
      if ((e?.Code ?? e?.name) === "NoSuchPublicAccessBlockConfiguration") return { publicAccessBlock: null };
      throw err;
    }
  },

  normalize: normalizeS3Control,
});

/** Pure: the account's public access block → one resource, or none when the account has none. */
export function normalizeS3Control(raw: S3ControlRaw, where: Where) {
  const out = new Collected();
  const c = raw.publicAccessBlock;
  if (!c) return out.result();
  out.add<ResourceOf<"AWS::S3::AccountPublicAccessBlock">>({
    id: arns.accountPublicAccessBlock(where.account),
    type: "AWS::S3::AccountPublicAccessBlock",
    account: where.account,
    region: "global",
    name: "account Block Public Access",
    tags: {},
    // A setting the answer leaves out is off: S3 Control answers all four, false included.
    props: {
      blockPublicAcls: c.BlockPublicAcls === true,
      ignorePublicAcls: c.IgnorePublicAcls === true,
      blockPublicPolicy: c.BlockPublicPolicy === true,
      restrictPublicBuckets: c.RestrictPublicBuckets === true,
    },
  });
  return out.result();
}
