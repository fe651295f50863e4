import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ListDistributionsResult, ListTagsForResourceResult } from "@aws-sdk/client-cloudfront";
import { describe, expect, it } from "vitest";
import type { Resource, ResourceOf } from "../../model/snapshot.ts";
import { linkAcrossServices } from "../link.ts";
import { type CloudFrontRaw, normalizeCloudFront } from "./api.ts";

/** A recorded response: the SDK output, plus "_case" (what it shows) and "_request" (what was asked). */
type Recorded<T> = T & { _case: string; _request?: Record<string, unknown> };
const recorded = <T>(name: string): Recorded<T> =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as Recorded<T>;

/** What fetch returns: both ListDistributions pages, and each distribution's tags matched by request. */
function raw(): CloudFrontRaw {
  const distributions = ["ListDistributions_1", "ListDistributions_2"].flatMap(
    (n) => recorded<ListDistributionsResult>(n).DistributionList?.Items ?? [],
  );
  const tagAnswers = ["ListTagsForResource_1", "ListTagsForResource_2", "ListTagsForResource_3"].map((n) =>
    recorded<ListTagsForResourceResult>(n),
  );
  const tags = Object.fromEntries(
    distributions.map((d) => [
      d.ARN ?? "",
      tagAnswers.find((t) => t._request?.Resource === d.ARN)?.Tags?.Items ?? [],
    ]),
  );
  return { distributions, tags };
}

const ACCOUNT = "123456789012";
type Distribution = ResourceOf<"AWS::CloudFront::Distribution">;

describe("normalizeCloudFront: cache behaviours", () => {
  it("reads every behaviour in order; a default that allows HTTP beside path patterns that redirect", () => {
    const distributions =
      recorded<ListDistributionsResult>("ListDistributions_3").DistributionList?.Items ?? [];
    const [d] = normalizeCloudFront({ distributions, tags: {} }, { account: ACCOUNT, region: "global" })
      .resources as Distribution[];
    expect(d?.props.viewerProtocolPolicy).toBe("allow-all");
    expect(
      d?.props.cacheBehaviors?.map((b) => [b.pathPattern, b.targetOriginId, b.viewerProtocolPolicy]),
    ).toEqual([
      ["/content/immutable/*", "CloudFrontTestingOrigin", "redirect-to-https"],
      ["/content/*", "CloudFrontTestingOrigin", "redirect-to-https"],
    ]);
  });

  it("a summary without CacheBehaviors leaves them unknown, not none", () => {
    const [first] = recorded<ListDistributionsResult>("ListDistributions_3").DistributionList?.Items ?? [];
    const { CacheBehaviors: _, ...rest } = first ?? {};
    const [d] = normalizeCloudFront(
      { distributions: [rest as typeof first & object], tags: {} },
      { account: ACCOUNT, region: "global" },
    ).resources;
    expect(d?.props).not.toHaveProperty("cacheBehaviors");
  });
});

describe("normalizeCloudFront on recorded responses", () => {
  const { resources, edges } = normalizeCloudFront(raw(), { account: ACCOUNT, region: "global" });
  const byId = (id: string) => resources.find((r) => r.id.endsWith(`/${id}`)) as Distribution | undefined;

  it("an S3 origin with origin access control, the default certificate, named by its comment", () => {
    expect(byId("E1A2B3C4D5E6F7")).toEqual({
      id: `arn:aws:cloudfront::${ACCOUNT}:distribution/E1A2B3C4D5E6F7`,
      type: "AWS::CloudFront::Distribution",
      account: ACCOUNT,
      region: "global",
      name: "static assets",
      tags: {},
      props: {
        distributionId: "E1A2B3C4D5E6F7",
        domainName: "d1a2b3c4d5e6f7.cloudfront.net",
        aliases: [],
        enabled: true,
        webAclId: null,
        viewerProtocolPolicy: "redirect-to-https",
        minimumProtocolVersion: "TLSv1",
        certificateArn: null,
        origins: [
          {
            originId: "shop-assets.s3.us-east-2.amazonaws.com",
            domainName: "shop-assets.s3.us-east-2.amazonaws.com",
            kind: "s3",
            originAccessControlId: "E2QWRUHAPOMQZL",
            originAccessIdentity: null,
            originProtocolPolicy: null,
          },
        ],
        lambdaEdgeArns: [],
        // CacheBehaviors {Quantity: 0}: recorded, none.
        cacheBehaviors: [],
      },
    });
    // Origins and web ACLs are linked across services, once buckets, load balancers and ACLs are known.
    expect(edges).toEqual([]);
  });

  it("an ALB origin: custom, https-only; aliases, ACM certificate, web ACL, Lambda@Edge of every behaviour once", () => {
    const d = byId("E9Z8Y7X6W5V4U3");
    expect(d?.name).toBe("shop-cdn");
    expect(d?.tags).toEqual({ Name: "shop-cdn", Team: "web" });
    expect(d?.props).toMatchObject({
      aliases: ["www.shop.example", "shop.example"],
      viewerProtocolPolicy: "redirect-to-https",
      minimumProtocolVersion: "TLSv1.2_2021",
      certificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/7e1d2c3b-4a59-6870-9a1b-2c3d4e5f6a7b`,
      webAclId: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/shop-cdn-waf/a1b2c3d4-5678-90ab-cdef-333333333333`,
      lambdaEdgeArns: [
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:shop-headers:12`,
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:shop-auth:4`,
      ],
    });
    expect(d?.props.origins[0]).toEqual({
      originId: "shop-alb",
      domainName: "shop-1234567890.us-east-2.elb.amazonaws.com",
      kind: "custom",
      originAccessControlId: null,
      originAccessIdentity: null,
      originProtocolPolicy: "https-only",
    });
    // The /api/* behaviour, with its own policy and Lambda@Edge functions.
    expect(d?.props.cacheBehaviors).toEqual([
      {
        pathPattern: "/api/*",
        targetOriginId: "shop-alb",
        viewerProtocolPolicy: "https-only",
        lambdaEdgeArns: [
          `arn:aws:lambda:us-east-1:${ACCOUNT}:function:shop-auth:4`,
          `arn:aws:lambda:us-east-1:${ACCOUNT}:function:shop-headers:12`,
        ],
        functionArns: [],
      },
    ]);
  });

  it("a disabled legacy distribution: origin access identity, allow-all, no comment or tags (named by its id)", () => {
    const d = byId("E5LEGACY0MEDIA");
    expect(d?.name).toBe("E5LEGACY0MEDIA");
    expect(d?.props.enabled).toBe(false);
    expect(d?.props.viewerProtocolPolicy).toBe("allow-all");
    expect(d?.props.origins).toEqual([
      {
        originId: "S3-legacy-media",
        domainName: "legacy-media.s3.amazonaws.com",
        kind: "s3",
        originAccessControlId: null,
        originAccessIdentity: "origin-access-identity/cloudfront/E74FTE3AEXAMPLE",
        originProtocolPolicy: null,
      },
    ]);
  });
});

describe("linking distributions to their origins and web ACLs", () => {
  const base = { account: ACCOUNT, tags: {} };
  const bucket: ResourceOf<"AWS::S3::Bucket"> = {
    ...base,
    id: "arn:aws:s3:::shop-assets",
    type: "AWS::S3::Bucket",
    region: "us-east-2",
    props: {
      bucketName: "shop-assets",
      publicAccessBlock: null,
      encryption: null,
      versioning: "Disabled",
      policyIsPublic: false,
      websiteHosting: false,
    },
  };
  const lb: ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer"> = {
    ...base,
    id: `arn:aws:elasticloadbalancing:us-east-2:${ACCOUNT}:loadbalancer/app/shop/50dc6c495c0c9188`,
    type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
    region: "us-east-2",
    props: {
      name: "shop",
      loadBalancerType: "application",
      scheme: "internet-facing",
      vpcId: "vpc-1",
      subnetIds: [],
      availabilityZones: [],
      securityGroupIds: [],
      // ELB keeps the load balancer name's case; CloudFront origins are usually written in lower case.
      dnsName: "Shop-1234567890.us-east-2.elb.amazonaws.com",
      ipAddressType: "ipv4",
    },
  };
  const acl: ResourceOf<"AWS::WAFv2::WebACL"> = {
    ...base,
    id: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/shop-cdn-waf/a1b2c3d4-5678-90ab-cdef-333333333333`,
    type: "AWS::WAFv2::WebACL",
    region: "global",
    props: {
      webAclId: "a1b2c3d4-5678-90ab-cdef-333333333333",
      scope: "CLOUDFRONT",
      defaultAction: "allow",
      ruleNames: [],
      associatedResourceArns: [],
    },
  };

  it("origin edges by bucket endpoint and LB DNS name (case-insensitive); the ACL protects what names it", () => {
    const { resources } = normalizeCloudFront(raw(), { account: ACCOUNT, region: "global" });
    const all: Resource[] = [...resources, bucket, lb, acl];
    const d1 = `arn:aws:cloudfront::${ACCOUNT}:distribution/E1A2B3C4D5E6F7`;
    const d2 = `arn:aws:cloudfront::${ACCOUNT}:distribution/E9Z8Y7X6W5V4U3`;
    expect(linkAcrossServices(all)).toEqual([
      { from: d1, to: bucket.id, kind: "origin" },
      { from: d2, to: lb.id, kind: "origin" },
      { from: d2, to: bucket.id, kind: "origin" },
      { from: acl.id, to: d2, kind: "protects" },
    ]);
    // WAFv2 cannot list a CloudFront-scope ACL's distributions: the pass fills them in.
    expect(acl.props.associatedResourceArns).toEqual([d2]);
  });
});
