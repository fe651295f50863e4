import {
  type Distribution,
  Distribution$,
  type DistributionConfig,
  type DistributionSummary,
} from "@aws-sdk/client-cloudfront";
import { type ConfigReader, configReader, sdk, tagList } from "../config/reader.ts";
import api, { type CloudFrontRaw } from "./api.ts";

const config: ConfigReader<unknown> = configReader<CloudFrontRaw>({
  module: api,
  recordedIn: "us-east-1",
  partial: {
    notRecorded: ["AWS::CloudFront::Distribution.tags"],
    why: "AWS Config is not known to record CloudFront distributions' tags",
  },
  empty: () => ({ distributions: [], tags: {} }),
  types: {
    // GetDistribution's Distribution in Java-bean case: {id, arn, domainName, status, distributionConfig:
    // {aliases: {quantity, items}, origins, defaultCacheBehavior, viewerCertificate: {acmCertificateArn…},
    // webACLId, comment, enabled…}}. ListDistributions' summary is the config's fields next to the ids.
    "AWS::CloudFront::Distribution": (raw, i) => {
      const d = sdk<Distribution>(Distribution$, i);
      const c: Partial<DistributionConfig> = d.DistributionConfig ?? {};
      const arn = d.ARN ?? i.arn;
      if (!arn) return;
      raw.distributions.push({
        Id: d.Id ?? i.resourceId,
        ARN: arn,
        DomainName: d.DomainName,
        Status: d.Status,
        LastModifiedTime: d.LastModifiedTime,
        Aliases: c.Aliases,
        Origins: c.Origins,
        OriginGroups: c.OriginGroups,
        DefaultCacheBehavior: c.DefaultCacheBehavior,
        CacheBehaviors: c.CacheBehaviors,
        CustomErrorResponses: c.CustomErrorResponses,
        Comment: c.Comment,
        PriceClass: c.PriceClass,
        Enabled: c.Enabled,
        ViewerCertificate: c.ViewerCertificate,
        Restrictions: c.Restrictions,
        WebACLId: c.WebACLId,
        HttpVersion: c.HttpVersion,
        IsIPV6Enabled: c.IsIPV6Enabled,
      } as DistributionSummary);
      // Config is not known to record distributions' tags; read them when an item has some.
      raw.tags[arn] = tagList(i.tags);
    },
  },
});

export default config;
