import { GetBucketLocationCommand, GetBucketVersioningCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { FIXTURES } from "../../fixtures/index.ts";
import { arns } from "../../src/model/arn.ts";
import type { ResourceOf } from "../../src/model/snapshot.ts";
import { accessKeyFor, startEndpoint } from "../aws-endpoint/server.ts";
import { cloudfrontHandler } from "../aws-endpoint/services/cloudfront.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { elbv2Handler } from "../aws-endpoint/services/elbv2.ts";
import { route53Handler } from "../aws-endpoint/services/route53.ts";
import { s3Handler } from "../aws-endpoint/services/s3.ts";
import { wafv2Handler } from "../aws-endpoint/services/waf-acm.ts";
import { roundTrip } from "./roundtrip.ts";

// S3, CloudFront and Route 53 are scanned once per account; their edges to load balancers, buckets,
// distributions and CloudFront-scope web ACLs are drawn by the cross-service pass. EC2 and ELBv2 are
// scanned too, so that the load balancers (and their VPC parent) the edges point at are there.

const HANDLERS = [ec2Handler, elbv2Handler, wafv2Handler, s3Handler, cloudfrontHandler, route53Handler];
const SERVICES = ["ec2", "elbv2", "wafv2", "s3", "cloudfront", "route53"];
const TYPES = new Set([
  "AWS::S3::Bucket",
  "AWS::CloudFront::Distribution",
  "AWS::Route53::HostedZone",
  "AWS::Route53::RecordSet",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::WAFv2::WebACL",
]);

const ACCOUNT = "111122223333";
/** Zones beyond the first: ListTagsForResources takes 10 zones per call, so two batches are needed. */
const EXTRA_ZONES = 10;

type RecordSet = ResourceOf<"AWS::Route53::RecordSet">;

/**
 * What the fixtures do not have: a bucket in another region (its calls must go there) with no public
 * access block, no default encryption, a public policy and a website, named after the record that
 * aliases its website endpoint; two distributions, one behind a CloudFront-scope web ACL; a private
 * zone; weighted and wildcard records.
 */
function edgeAccount() {
  const b = new SnapshotBuilder("test:global");
  const a = b.in(ACCOUNT, "us-east-1");
  const v = a.vpc("web", { cidr: "10.7.0.0/16" });
  const s1 = a.subnet(v, "a", { cidr: "10.7.0.0/24", az: "us-east-1a" });
  const s2 = a.subnet(v, "b", { cidr: "10.7.1.0/24", az: "us-east-1b" });
  const lb = a.loadBalancer(v, "shop", {
    scheme: "internet-facing",
    subnets: [s1, s2],
    securityGroups: [a.securityGroup(v, "lb", { ingress: [tcp(443, "0.0.0.0/0")] })],
  });
  const assets = a.bucket("shop-assets", { versioning: true, encryption: "aws:kms", tags: { Team: "web" } });
  const site = b.in(ACCOUNT, "eu-west-1").bucket("www.shop.example", {
    blockPublicAccess: false,
    encryption: null,
    policyIsPublic: true,
    website: true,
  });
  site.props.publicAccessBlock = null;
  const cdn = a.distribution("shop-cdn", {
    origins: [assets, lb],
    aliases: ["cdn.shop.example", "static.shop.example"],
    viewerProtocolPolicy: "https-only",
    lambdaEdge: [`arn:aws:lambda:us-east-1:${ACCOUNT}:function:headers:7`],
    tags: { Team: "web" },
  });
  a.distribution("shop-media", {
    origins: [assets],
    originAccessControl: false,
    viewerProtocolPolicy: "allow-all",
  });
  a.webAcl("shop-cdn-waf", { scope: "CLOUDFRONT", protects: [cdn], tags: { Team: "security" } });

  const zone = a.hostedZone("shop.example", { tags: { Team: "web" } });
  a.record(zone, "cdn.shop.example", cdn);
  a.record(zone, "api.shop.example", lb);
  a.record(zone, "shop.example", { type: "MX", values: ["10 mail.shop.example."] });
  a.record(zone, "*.shop.example", { type: "TXT", values: ['"v=spf1 -all"'] });
  const add = (name: string, type: string, props: Partial<RecordSet["props"]>, setIdentifier?: string) => {
    const rec = b.add<RecordSet>({
      id: `${arns.recordSet(zone.props.hostedZoneId, name, type)}${setIdentifier ? `/${setIdentifier}` : ""}`,
      type: "AWS::Route53::RecordSet",
      account: ACCOUNT,
      region: "global",
      name,
      tags: {},
      parent: zone.id,
      props: {
        hostedZoneId: zone.props.hostedZoneId,
        recordName: name,
        recordType: type,
        ttl: null,
        values: [],
        aliasTarget: null,
        ...props,
      },
    });
    zone.props.recordCount++;
    b.edge(zone, rec, "contains");
    return rec;
  };
  // An alias to a bucket website: the record has the bucket's name, the target is the region's website endpoint.
  const www = add("www.shop.example.", "A", {
    aliasTarget: {
      dnsName: "s3-website-eu-west-1.amazonaws.com",
      hostedZoneId: "Z1BKCTXD74EZPE",
      evaluateTargetHealth: false,
    },
  });
  b.edge(www, site, "aliases");
  add("app.shop.example.", "CNAME", { ttl: 60, values: ["blue.shop.example"] }, "blue");
  add("app.shop.example.", "CNAME", { ttl: 60, values: ["green.shop.example"] }, "green");

  const internal = a.hostedZone("shop.internal");
  internal.props.privateZone = true;
  internal.props.vpcIds = [v.vpc.props.vpcId];
  a.record(internal, "db.shop.internal", {
    type: "CNAME",
    values: ["db.cluster-abc.us-east-1.rds.amazonaws.com"],
  });
  for (let i = 1; i < EXTRA_ZONES; i++) a.hostedZone(`zone-${i}.example`, { tags: { Index: String(i) } });
  return b.build();
}

describe("S3, CloudFront and Route 53 collectors against the loopback endpoint", () => {
  it.each(["beanstalk-app", "coherence"] as const)(
    "scan back the %s fixture's buckets, distributions, zones, records and their edges",
    async (name) => {
      const fixture = FIXTURES[name].build();
      const { expected, actual, result } = await roundTrip(fixture, {
        handlers: HANDLERS,
        services: SERVICES,
        types: TYPES,
        maxPageSize: 1,
      });
      expect(result.snapshot.coverage.filter((c) => c.status !== "scanned")).toEqual([]);
      expect(actual.resources.some((r) => r.type === "AWS::CloudFront::Distribution")).toBe(true);
      expect(actual.edges.filter((e) => e.kind === "origin" || e.kind === "aliases").length).toBeGreaterThan(
        0,
      );
      expect(actual).toEqual(expected);
    },
  );

  it("scan back buckets in other regions, absent S3 configuration, web ACLs on distributions, private zones and paged records", async () => {
    const fixture = edgeAccount();
    const { expected, actual, result, endpoint } = await roundTrip(fixture, {
      handlers: HANDLERS,
      services: SERVICES,
      types: TYPES,
      maxPageSize: 1,
    });
    expect(result.snapshot.coverage.filter((c) => c.status !== "scanned")).toEqual([]);
    expect(actual).toEqual(expected);
    const acl = actual.resources.find(
      (r): r is ResourceOf<"AWS::WAFv2::WebACL"> => r.type === "AWS::WAFv2::WebACL",
    );
    expect(acl?.props.associatedResourceArns).toEqual([
      expect.stringMatching(/^arn:aws:cloudfront::111122223333:distribution\/E/),
    ]);
    expect(actual.edges.filter((e) => e.kind === "aliases").map((e) => e.to)).toEqual(
      expect.arrayContaining(["arn:aws:s3:::www.shop.example"]),
    );

    const calls = Object.fromEntries(endpoint.calls);
    // Per bucket: six configuration calls, each sent to the bucket's region (a 301 would have failed the scan).
    for (const op of [
      "GetPublicAccessBlock",
      "GetBucketEncryption",
      "GetBucketVersioning",
      "GetBucketPolicyStatus",
      "GetBucketWebsite",
      "GetBucketTagging",
    ])
      expect(calls[`s3:${op}`], op).toBe(2);
    // BucketRegion came with the list: no GetBucketLocation. One page per bucket at page size 1.
    expect(calls["s3:GetBucketLocation"]).toBeUndefined();
    expect(calls["s3:ListBuckets"]).toBe(2);
    expect(calls["cloudfront:ListDistributions"]).toBe(2);
    expect(calls["cloudfront:ListTagsForResource"]).toBe(2);
    expect(calls["route53:ListHostedZones"]).toBe(EXTRA_ZONES + 1);
    // GetHostedZone for the private zone only; tags in batches of 10 zones.
    expect(calls["route53:GetHostedZone"]).toBe(1);
    expect(calls["route53:ListTagsForResources"]).toBe(2);
  });

  it("the endpoint answers GetBucketLocation, and redirects a bucket's calls from another region as S3 does", async () => {
    const fixture = edgeAccount();
    const endpoint = await startEndpoint({ snapshot: fixture, services: [s3Handler] });
    const client = (region: string, followRegionRedirects: boolean) =>
      new S3Client({
        region,
        endpoint: endpoint.url,
        forcePathStyle: true,
        followRegionRedirects,
        maxAttempts: 1,
        credentials: { accessKeyId: accessKeyFor(ACCOUNT), secretAccessKey: "loopback" },
      });
    try {
      const east = client("us-east-1", false);
      const loc = (Bucket: string) => east.send(new GetBucketLocationCommand({ Bucket }));
      expect((await loc("www.shop.example")).LocationConstraint).toBe("eu-west-1");
      expect((await loc("shop-assets")).LocationConstraint).toBeUndefined();
      await expect(
        east.send(new GetBucketVersioningCommand({ Bucket: "www.shop.example" })),
      ).rejects.toMatchObject({
        $metadata: { httpStatusCode: 301 },
      });
      const following = client("us-east-1", true);
      expect((await following.send(new GetBucketVersioningCommand({ Bucket: "shop-assets" }))).Status).toBe(
        "Enabled",
      );
      expect(
        (await following.send(new GetBucketVersioningCommand({ Bucket: "www.shop.example" }))).Status,
      ).toBeUndefined();
      expect(endpoint.calls.get("s3:GetBucketVersioning")).toBe(4);
      east.destroy();
      following.destroy();
    } finally {
      await endpoint.close();
    }
  });
});
