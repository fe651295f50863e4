import { describe, expect, it } from "vitest";
import { normalizeConfigItems } from "../config/normalize.ts";
import { ACCOUNT, item } from "../config/test-item.ts";

describe("CloudFront from AWS Config", () => {
  it("reads a distribution from GetDistribution's object in Config's Java-bean case", () => {
    const arn = `arn:aws:cloudfront::${ACCOUNT}:distribution/E1`;
    const out = normalizeConfigItems([
      item({
        resourceType: "AWS::CloudFront::Distribution",
        resourceId: "E1",
        arn,
        awsRegion: "global",
        configuration: {
          id: "E1",
          arn,
          domainName: "d1.cloudfront.net",
          status: "Deployed",
          lastModifiedTime: 1735689600000,
          distributionConfig: {
            aliases: { quantity: 1, items: ["cdn.example.com"] },
            comment: "site",
            enabled: true,
            webACLId: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/w/1`,
            origins: {
              quantity: 2,
              items: [
                {
                  id: "s3",
                  domainName: "site.s3.eu-west-1.amazonaws.com",
                  s3OriginConfig: { originAccessIdentity: "" },
                  originAccessControlId: "EOAC",
                },
                {
                  id: "alb",
                  domainName: "alb.example.com",
                  customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only" },
                },
              ],
            },
            defaultCacheBehavior: {
              targetOriginId: "s3",
              viewerProtocolPolicy: "redirect-to-https",
              lambdaFunctionAssociations: {
                quantity: 1,
                items: [
                  {
                    lambdaFunctionARN: "arn:aws:lambda:us-east-1:1:function:f:1",
                    eventType: "origin-request",
                  },
                ],
              },
            },
            cacheBehaviors: { quantity: 0 },
            viewerCertificate: {
              acmCertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/c`,
              sslSupportMethod: "sni-only",
              minimumProtocolVersion: "TLSv1.2_2021",
              certificateSource: "acm",
            },
          },
        },
      }),
    ]);
    expect(out.skipped).toEqual([]);
    expect(out.resources).toEqual([
      {
        id: arn,
        type: "AWS::CloudFront::Distribution",
        account: ACCOUNT,
        region: "global",
        name: "site",
        tags: {},
        props: {
          distributionId: "E1",
          domainName: "d1.cloudfront.net",
          aliases: ["cdn.example.com"],
          enabled: true,
          webAclId: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/w/1`,
          viewerProtocolPolicy: "redirect-to-https",
          minimumProtocolVersion: "TLSv1.2_2021",
          certificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/c`,
          origins: [
            {
              originId: "s3",
              domainName: "site.s3.eu-west-1.amazonaws.com",
              kind: "s3",
              originAccessControlId: "EOAC",
              originAccessIdentity: null,
              originProtocolPolicy: null,
            },
            {
              originId: "alb",
              domainName: "alb.example.com",
              kind: "custom",
              // Config's items carry no origin access control ids: unknown, not "none".
              originAccessControlId: undefined,
              originAccessIdentity: null,
              originProtocolPolicy: "https-only",
            },
          ],
          lambdaEdgeArns: ["arn:aws:lambda:us-east-1:1:function:f:1"],
          cacheBehaviors: [],
        },
      },
    ]);
  });

  it("reads the path-pattern behaviours of distributionConfig.cacheBehaviors, Lambda@Edge and functions included", () => {
    const arn = `arn:aws:cloudfront::${ACCOUNT}:distribution/E2`;
    const out = normalizeConfigItems([
      item({
        resourceType: "AWS::CloudFront::Distribution",
        resourceId: "E2",
        arn,
        awsRegion: "global",
        configuration: {
          id: "E2",
          arn,
          domainName: "d2.cloudfront.net",
          distributionConfig: {
            enabled: true,
            origins: {
              quantity: 1,
              items: [{ id: "api", domainName: "api.example.com", customOriginConfig: {} }],
            },
            defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "https-only" },
            cacheBehaviors: {
              quantity: 1,
              items: [
                {
                  pathPattern: "/legacy/*",
                  targetOriginId: "api",
                  viewerProtocolPolicy: "allow-all",
                  functionAssociations: {
                    quantity: 1,
                    items: [
                      {
                        functionARN: `arn:aws:cloudfront::${ACCOUNT}:function/rewrite`,
                        eventType: "viewer-request",
                      },
                    ],
                  },
                  lambdaFunctionAssociations: { quantity: 0 },
                },
              ],
            },
          },
        },
      }),
    ]);
    expect(out.resources[0]?.props).toMatchObject({
      viewerProtocolPolicy: "https-only",
      cacheBehaviors: [
        {
          pathPattern: "/legacy/*",
          targetOriginId: "api",
          viewerProtocolPolicy: "allow-all",
          lambdaEdgeArns: [],
          functionArns: [`arn:aws:cloudfront::${ACCOUNT}:function/rewrite`],
        },
      ],
    });
  });
});
