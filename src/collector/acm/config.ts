import { type CertificateDetail, CertificateDetail$ } from "@aws-sdk/client-acm";
import { type ConfigReader, configReader, sdk, tagMapping } from "../config/reader.ts";
import api, { type AcmRaw } from "./api.ts";

const config: ConfigReader<unknown> = configReader<AcmRaw>({
  module: api,
  empty: () => ({ certificates: [], tags: [] }),
  types: {
    "AWS::CertificateManager::Certificate": (raw, i) => {
      const c = sdk<CertificateDetail>(CertificateDetail$, i);
      c.CertificateArn ??= i.arn;
      raw.certificates.push(c);
      raw.tags.push(...tagMapping(c.CertificateArn, i.tags));
    },
  },
});

export default config;
