import { ListDistributions$, ListTagsForResource$ } from "@aws-sdk/client-cloudfront";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// CloudFront answers built from the snapshot: the inverse of src/collector/cloudfront.ts. Distributions
// are "global" and answered from us-east-1's signing scope, as AWS does. CloudFront writes each list as
// {Quantity, Items} and "" where a field is unset (no web ACL, no OAC, no OAI).

const schema = (s: unknown) => s as OperationSchema;
type Distribution = ResourceOf<"AWS::CloudFront::Distribution">;

const distributions = (rs: readonly Resource[]) =>
  rs.filter((r): r is Distribution => r.type === "AWS::CloudFront::Distribution");
const list = <T>(items: T[]) =>
  items.length > 0 ? { Quantity: items.length, Items: items } : { Quantity: 0 };

function summary(d: Distribution) {
  const p = d.props;
  const firstOrigin = p.origins[0]?.originId ?? "default";
  return {
    Id: p.distributionId,
    ARN: d.id,
    ETag: "E2LOOPBACKETAG",
    Status: "Deployed",
    LastModifiedTime: new Date("2026-01-01T00:00:00Z"),
    DomainName: p.domainName,
    Aliases: list(p.aliases),
    Origins: list(
      p.origins.map((o) => ({
        Id: o.originId,
        DomainName: o.domainName,
        OriginPath: "",
        CustomHeaders: { Quantity: 0 },
        ...(o.kind === "s3"
          ? { S3OriginConfig: { OriginAccessIdentity: o.originAccessIdentity ?? "" } }
          : {
              CustomOriginConfig: {
                HTTPPort: 80,
                HTTPSPort: 443,
                OriginProtocolPolicy: o.originProtocolPolicy ?? "https-only",
                OriginSslProtocols: list(["TLSv1.2"]),
                OriginReadTimeout: 30,
                OriginKeepaliveTimeout: 5,
              },
            }),
        ConnectionAttempts: 3,
        ConnectionTimeout: 10,
        OriginShield: { Enabled: false },
        OriginAccessControlId: o.originAccessControlId ?? "",
      })),
    ),
    OriginGroups: { Quantity: 0 },
    DefaultCacheBehavior: {
      TargetOriginId: firstOrigin,
      ViewerProtocolPolicy: p.viewerProtocolPolicy,
      Compress: true,
      // The union minus what the other behaviours name: the collector reads the union back.
      LambdaFunctionAssociations: list(
        p.lambdaEdgeArns
          .filter((arn) => !(p.cacheBehaviors ?? []).some((b) => b.lambdaEdgeArns.includes(arn)))
          .map((arn) => ({ LambdaFunctionARN: arn, EventType: "origin-response", IncludeBody: false })),
      ),
      FunctionAssociations: { Quantity: 0 },
      CachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6",
    },
    CacheBehaviors: list(
      (p.cacheBehaviors ?? []).map((b) => ({
        PathPattern: b.pathPattern,
        TargetOriginId: b.targetOriginId,
        ViewerProtocolPolicy: b.viewerProtocolPolicy,
        Compress: true,
        LambdaFunctionAssociations: list(
          b.lambdaEdgeArns.map((arn) => ({
            LambdaFunctionARN: arn,
            EventType: "viewer-request",
            IncludeBody: false,
          })),
        ),
        FunctionAssociations: list(
          b.functionArns.map((arn) => ({ FunctionARN: arn, EventType: "viewer-request" })),
        ),
        CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
      })),
    ),
    CustomErrorResponses: { Quantity: 0 },
    // Distributions have no name; the collector reads the comment ("Description" in the console).
    Comment: d.name ?? "",
    PriceClass: "PriceClass_100",
    Enabled: p.enabled,
    ViewerCertificate: p.certificateArn
      ? {
          ACMCertificateArn: p.certificateArn,
          SSLSupportMethod: "sni-only",
          ...(p.minimumProtocolVersion ? { MinimumProtocolVersion: p.minimumProtocolVersion } : {}),
          Certificate: p.certificateArn,
          CertificateSource: "acm",
        }
      : {
          CloudFrontDefaultCertificate: true,
          ...(p.minimumProtocolVersion ? { MinimumProtocolVersion: p.minimumProtocolVersion } : {}),
          CertificateSource: "cloudfront",
        },
    Restrictions: { GeoRestriction: { RestrictionType: "none", Quantity: 0 } },
    WebACLId: p.webAclId ?? "",
    HttpVersion: "http2",
    IsIPV6Enabled: true,
    Staging: false,
  };
}

export const cloudfrontHandler: ServiceHandler = {
  signingName: "cloudfront",
  protocol: "rest-xml",
  xmlNamespace: "http://cloudfront.amazonaws.com/doc/2020-05-31/",
  global: true,
  operations: {
    ListDistributions: {
      schema: schema(ListDistributions$),
      paging: {
        items: "DistributionList.Items",
        token: "Marker",
        nextToken: "NextMarker",
        limit: "MaxItems",
        truncatedFlag: "IsTruncated",
      },
      handle: ({ resources, params }) => {
        const items = distributions(resources).map(summary);
        return {
          DistributionList: {
            Marker: typeof params.Marker === "string" ? params.Marker : "",
            MaxItems: Number(params.MaxItems ?? 100),
            IsTruncated: false,
            Quantity: items.length,
            Items: items,
          },
        };
      },
    },
    ListTagsForResource: {
      schema: schema(ListTagsForResource$),
      handle: ({ resources, params }) => {
        const d = distributions(resources).find((x) => x.id === params.Resource);
        if (!d)
          throw Object.assign(new Error("The specified distribution does not exist."), {
            code: "NoSuchResource",
            status: 404,
          });
        const tags = Object.entries(d.tags).map(([Key, Value]) => ({ Key, Value }));
        return { Tags: tags.length > 0 ? { Items: tags } : {} };
      },
    },
  },
};
