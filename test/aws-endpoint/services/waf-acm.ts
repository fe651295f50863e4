import { DescribeCertificate$, ListCertificates$ } from "@aws-sdk/client-acm";
import {
  GetWebACL$,
  ListResourcesForWebACL$,
  ListTagsForResource$,
  ListWebACLs$,
} from "@aws-sdk/client-wafv2";
import type { ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { RequestContext, ServiceHandler } from "../types.ts";

// WAFv2 and ACM answers built from the snapshot: the inverses of src/collector/wafv2.ts and acm.ts.
// CLOUDFRONT-scope web ACLs are "global" in a snapshot and answered by us-east-1, as AWS does.

const schema = (s: unknown) => s as OperationSchema;
type Acl = ResourceOf<"AWS::WAFv2::WebACL">;

function acls(ctx: RequestContext, scope: unknown): Acl[] {
  const pool =
    scope === "CLOUDFRONT"
      ? ctx.region === "us-east-1"
        ? ctx.snapshot.resources.filter((r) => r.account === ctx.account && r.region === "global")
        : []
      : ctx.resources;
  return pool.filter(
    (r): r is Acl =>
      r.type === "AWS::WAFv2::WebACL" &&
      r.props.scope === (scope === "CLOUDFRONT" ? "CLOUDFRONT" : "REGIONAL"),
  );
}
const byArn = (ctx: RequestContext, arn: unknown) =>
  ctx.snapshot.resources.find((r): r is Acl => r.id === arn && r.type === "AWS::WAFv2::WebACL");

export const wafv2Handler: ServiceHandler = {
  signingName: "wafv2",
  protocol: "json",
  xmlNamespace: "",
  operations: {
    ListWebACLs: {
      schema: schema(ListWebACLs$),
      paging: { items: "WebACLs", token: "NextMarker", limit: "Limit" },
      handle: (ctx) => ({
        WebACLs: acls(ctx, ctx.params.Scope).map((a) => ({
          Name: a.name,
          Id: a.props.webAclId,
          ARN: a.id,
          Description: "",
          LockToken: "loopback",
        })),
      }),
    },
    GetWebACL: {
      schema: schema(GetWebACL$),
      handle: (ctx) => {
        const a = acls(ctx, ctx.params.Scope).find((x) => x.props.webAclId === ctx.params.Id);
        if (!a)
          throw Object.assign(new Error("The referenced item does not exist."), {
            code: "WAFNonexistentItemException",
            status: 400,
          });
        return {
          WebACL: {
            Name: a.name,
            Id: a.props.webAclId,
            ARN: a.id,
            DefaultAction: a.props.defaultAction === "block" ? { Block: {} } : { Allow: {} },
            Rules: a.props.ruleNames.map((Name, i) => ({
              Name,
              Priority: i,
              OverrideAction: { None: {} },
              Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name } },
              VisibilityConfig: {
                SampledRequestsEnabled: true,
                CloudWatchMetricsEnabled: true,
                MetricName: Name,
              },
            })),
            VisibilityConfig: {
              SampledRequestsEnabled: true,
              CloudWatchMetricsEnabled: true,
              MetricName: a.name ?? "acl",
            },
            Capacity: 700,
          },
          LockToken: "loopback",
        };
      },
    },
    ListResourcesForWebACL: {
      schema: schema(ListResourcesForWebACL$),
      handle: (ctx) => ({
        ResourceArns: (byArn(ctx, ctx.params.WebACLArn)?.props.associatedResourceArns ?? []).filter((arn) =>
          arn.includes(":loadbalancer/app/"),
        ),
      }),
    },
    ListTagsForResource: {
      schema: schema(ListTagsForResource$),
      handle: (ctx) => {
        const a = byArn(ctx, ctx.params.ResourceARN);
        return {
          TagInfoForResource: {
            ResourceARN: a?.id,
            TagList: Object.entries(a?.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
          },
        };
      },
    },
  },
};

type Cert = ResourceOf<"AWS::CertificateManager::Certificate">;
const certs = (ctx: RequestContext) =>
  ctx.resources.filter((r): r is Cert => r.type === "AWS::CertificateManager::Certificate");

export const acmHandler: ServiceHandler = {
  signingName: "acm",
  protocol: "json",
  xmlNamespace: "",
  operations: {
    ListCertificates: {
      schema: schema(ListCertificates$),
      paging: { items: "CertificateSummaryList", token: "NextToken", limit: "MaxItems" },
      handle: (ctx) => ({
        CertificateSummaryList: certs(ctx).map((c) => ({
          CertificateArn: c.id,
          DomainName: c.props.domainName,
        })),
      }),
    },
    DescribeCertificate: {
      schema: schema(DescribeCertificate$),
      handle: (ctx) => {
        const c = certs(ctx).find((x) => x.id === ctx.params.CertificateArn);
        if (!c)
          throw Object.assign(new Error("Certificate not found"), {
            code: "ResourceNotFoundException",
            status: 400,
          });
        return {
          Certificate: {
            CertificateArn: c.id,
            DomainName: c.props.domainName,
            SubjectAlternativeNames: c.props.subjectAlternativeNames,
            Status: c.props.status,
            Type: c.props.certificateType,
            KeyAlgorithm: c.props.keyAlgorithm,
            NotAfter: c.props.notAfter ? new Date(c.props.notAfter) : undefined,
            InUseBy: c.props.inUseBy,
          },
        };
      },
    },
  },
};
