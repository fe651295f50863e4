import type { CacheBehavior, DistributionSummary, Origin, Tag } from "@aws-sdk/client-cloudfront";
import pLimit from "p-limit";
import type { PropsOf } from "../../model/props.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, oneOf, tagsOf } from "../util.ts";

export interface CloudFrontRaw {
  distributions: DistributionSummary[];
  /** Distribution ARN → its tags. */
  tags: Record<string, Tag[]>;
}

/** ListDistributions' largest page. */
const MAX_ITEMS = 100;

type DistributionProps = PropsOf<"AWS::CloudFront::Distribution">;

/** Calls one cloudfront task keeps in flight (its per-resource calls). */
const CONCURRENCY = 4;

export default defineService<CloudFrontRaw>({
  service: "cloudfront",
  // CloudFront's control plane is us-east-1 only; distributions belong to no region.
  global: true,
  concurrency: CONCURRENCY,
  operations: [
    { command: "ListDistributions", iam: ["cloudfront:ListDistributions"] },
    { command: "ListTagsForResource", iam: ["cloudfront:ListTagsForResource"] },
  ],

  async fetch(ctx) {
    const { CloudFrontClient, ListTagsForResourceCommand, paginateListDistributions } = await import(
      "./sdk.ts"
    );
    const client = ctx.client(CloudFrontClient);
    // The summaries carry everything modelled (origins, behaviours, certificate, WebACLId):
    // no GetDistribution per distribution.
    const distributions = await all(
      paginateListDistributions({ client, pageSize: MAX_ITEMS }, { MaxItems: MAX_ITEMS }),
      (p) => p.DistributionList?.Items,
    );
    // Tags: CloudFront has no bulk tag call, so one ListTagsForResource per distribution. The Tagging
    // API's GetResources (us-east-1, "cloudfront:distribution") would be one paged call, but it lists
    // only resources that carry or once carried tags, is eventually consistent, and needs a second
    // service's permission; distributions are few per account (200 by default quota), so CloudFront's
    // own authoritative answer is affordable. Bounded: CloudFront's control plane throttles early.
    const limit = pLimit(CONCURRENCY);
    const tags = Object.fromEntries(
      await Promise.all(
        distributions.flatMap((d) =>
          d.ARN
            ? [
                limit(async () => {
                  const r = await client.send(new ListTagsForResourceCommand({ Resource: d.ARN }));
                  return [d.ARN ?? "", r.Tags?.Items ?? []] as const;
                }),
              ]
            : [],
        ),
      ),
    );
    return { distributions, tags };
  },

  normalize: normalizeCloudFront,
});

/**
 * Pure: ListDistributions output → distributions. Their edges to origins (buckets, load balancers) and
 * from CloudFront-scope web ACLs need the other services' resources: linkAcrossServices draws them.
 */
export function normalizeCloudFront(raw: CloudFrontRaw, where: Where) {
  const out = new Collected();
  for (const d of raw.distributions) {
    if (!d.ARN || !d.Id) continue;
    const tags = tagsOf(raw.tags[d.ARN]);
    const cert = d.ViewerCertificate;
    const behaviours = [d.DefaultCacheBehavior, ...(d.CacheBehaviors?.Items ?? [])];
    const lambdaEdgeArns = [
      ...new Set(
        behaviours.flatMap((b) =>
          (b?.LambdaFunctionAssociations?.Items ?? []).flatMap((a) =>
            a.LambdaFunctionARN ? [a.LambdaFunctionARN] : [],
          ),
        ),
      ),
    ];
    const viewer = d.DefaultCacheBehavior?.ViewerProtocolPolicy;
    out.add<ResourceOf<"AWS::CloudFront::Distribution">>({
      id: d.ARN,
      type: "AWS::CloudFront::Distribution",
      account: where.account,
      region: "global",
      // Distributions have no name: the Name tag, else the comment (the console's "Description"), else the id.
      name: nameOf(tags, d.Comment || undefined) ?? d.Id,
      tags,
      props: {
        distributionId: d.Id,
        domainName: d.DomainName ?? "",
        aliases: d.Aliases?.Items ?? [],
        enabled: d.Enabled ?? false,
        // "" when no web ACL is associated.
        webAclId: d.WebACLId || null,
        viewerProtocolPolicy: oneOf(viewer, ["allow-all", "https-only", "redirect-to-https"] as const),
        minimumProtocolVersion: cert?.MinimumProtocolVersion ?? null,
        certificateArn: cert?.ACMCertificateArn || null,
        origins: (d.Origins?.Items ?? []).map(originOf),
        lambdaEdgeArns,
        // A summary without the member (a source that left it out) has its behaviours unknown; CloudFront
        // itself always answers it, {Quantity: 0} when there are none.
        ...(d.CacheBehaviors ? { cacheBehaviors: (d.CacheBehaviors.Items ?? []).map(behaviourOf) } : {}),
      },
    });
  }
  return out.result();
}

function behaviourOf(b: CacheBehavior): NonNullable<DistributionProps["cacheBehaviors"]>[number] {
  const viewer = oneOf(b.ViewerProtocolPolicy, ["allow-all", "https-only", "redirect-to-https"] as const);
  return {
    pathPattern: b.PathPattern ?? "",
    targetOriginId: b.TargetOriginId ?? "",
    ...(viewer !== undefined ? { viewerProtocolPolicy: viewer } : {}),
    lambdaEdgeArns: (b.LambdaFunctionAssociations?.Items ?? []).flatMap((a) =>
      a.LambdaFunctionARN ? [a.LambdaFunctionARN] : [],
    ),
    functionArns: (b.FunctionAssociations?.Items ?? []).flatMap((a) =>
      a.FunctionARN ? [a.FunctionARN] : [],
    ),
  };
}

function originOf(o: Origin): DistributionProps["origins"][number] {
  const policy = o.CustomOriginConfig?.OriginProtocolPolicy;
  return {
    originId: o.Id ?? "",
    domainName: o.DomainName ?? "",
    // An S3 REST origin has S3OriginConfig; a website endpoint, ALB or any host is a custom origin.
    kind: o.S3OriginConfig ? "s3" : "custom",
    // CloudFront answers "" for "none" in both.
    // The API answers "" without one; AWS Config items carry no such field at all: unknown, not "none".
    originAccessControlId:
      o.OriginAccessControlId === undefined ? undefined : o.OriginAccessControlId || null,
    originAccessIdentity: o.S3OriginConfig?.OriginAccessIdentity || null,
    originProtocolPolicy:
      policy === "http-only" || policy === "https-only" || policy === "match-viewer" ? policy : null,
  };
}
