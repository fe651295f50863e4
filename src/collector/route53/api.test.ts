import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  GetHostedZoneCommand,
  type GetHostedZoneResponse,
  ListHostedZonesCommand,
  type ListHostedZonesResponse,
  ListResourceRecordSetsCommand,
  type ListResourceRecordSetsResponse,
  ListTagsForResourcesCommand,
  type ListTagsForResourcesResponse,
  Route53Client,
} from "@aws-sdk/client-route-53";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import type { Resource, ResourceOf } from "../../model/snapshot.ts";
import { linkAcrossServices } from "../link.ts";
import { mockFetchContext } from "../mock-context.ts";
import route53, { normalizeRoute53, type Route53Raw } from "./api.ts";

/** A recorded response: the SDK output, plus "_case" (what it shows) and "_request" (what was asked). */
type Recorded<T> = T & { _case: string; _request?: Record<string, unknown> };
const DIR = join(import.meta.dirname, "testdata");
const recorded = <T>(name: string): Recorded<T> =>
  JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")) as Recorded<T>;
const all = <T>(op: string) =>
  readdirSync(DIR)
    .filter((f) => f.startsWith(`${op}_`))
    .map((f) => recorded<T>(f.replace(/\.json$/, "")));

const PUB = "Z0123456789ABCDEFGHIJ";
const PRIV = "Z09876543210ZYXWVUTSR";
const ACCOUNT = "123456789012";

/** What fetch returns, from the recorded calls (records of both pages of the public zone). */
function raw(): Route53Raw {
  const pages = all<ListResourceRecordSetsResponse>("ListResourceRecordSets");
  const recordsOf = (id: string) =>
    pages.filter((p) => p._request?.HostedZoneId === id).flatMap((p) => p.ResourceRecordSets ?? []);
  const tags = recorded<ListTagsForResourcesResponse>("ListTagsForResources_1").ResourceTagSets ?? [];
  return {
    zones: recorded<ListHostedZonesResponse>("ListHostedZones_1").HostedZones ?? [],
    vpcs: { [PRIV]: recorded<GetHostedZoneResponse>("GetHostedZone_1").VPCs ?? [] },
    records: { [PUB]: recordsOf(PUB), [PRIV]: recordsOf(PRIV) },
    tags: Object.fromEntries(tags.map((t) => [t.ResourceId ?? "", t.Tags ?? []])),
  };
}

type RecordSet = ResourceOf<"AWS::Route53::RecordSet">;
const zoneArn = (id: string) => `arn:aws:route53:::hostedzone/${id}`;

describe("normalizeRoute53 on recorded responses", () => {
  const { resources, edges } = normalizeRoute53(raw(), { account: ACCOUNT, region: "global" });
  const records = resources.filter((r): r is RecordSet => r.type === "AWS::Route53::RecordSet");

  it("zones: id without /hostedzone/, Route 53's record count, tags; a private zone's VPCs", () => {
    expect(resources.filter((r) => r.type === "AWS::Route53::HostedZone")).toEqual([
      {
        id: zoneArn(PUB),
        type: "AWS::Route53::HostedZone",
        account: ACCOUNT,
        region: "global",
        name: "shop.example",
        tags: { Team: "web", ManagedBy: "terraform" },
        props: {
          hostedZoneId: PUB,
          zoneName: "shop.example.",
          privateZone: false,
          vpcIds: [],
          recordCount: 10,
        },
      },
      {
        id: zoneArn(PRIV),
        type: "AWS::Route53::HostedZone",
        account: ACCOUNT,
        region: "global",
        name: "shop.internal",
        tags: {},
        props: {
          hostedZoneId: PRIV,
          zoneName: "shop.internal.",
          privateZone: true,
          vpcIds: ["vpc-0a1b2c3d4e5f60718", "vpc-0f1e2d3c4b5a69788"],
          recordCount: 3,
        },
      },
    ]);
  });

  it("records of both pages, without the apex SOA and NS; each contained by its zone", () => {
    expect(records.map((r) => r.id)).toEqual([
      `${zoneArn(PUB)}/recordset/shop.example./A`,
      `${zoneArn(PUB)}/recordset/shop.example./AAAA`,
      `${zoneArn(PUB)}/recordset/*.shop.example./TXT`,
      `${zoneArn(PUB)}/recordset/app.shop.example./CNAME/blue`,
      `${zoneArn(PUB)}/recordset/app.shop.example./CNAME/green`,
      `${zoneArn(PUB)}/recordset/cdn.shop.example./A`,
      `${zoneArn(PUB)}/recordset/mail.shop.example./MX`,
      `${zoneArn(PUB)}/recordset/www.shop.example./A`,
      `${zoneArn(PRIV)}/recordset/db.shop.internal./CNAME`,
    ]);
    expect(edges).toEqual(
      records.map((r) => ({ from: zoneArn(r.props.hostedZoneId), to: r.id, kind: "contains" })),
    );
  });

  it("an alias to a dualstack ALB name: no TTL or values, the DNS name without its final dot", () => {
    expect(records[0]).toEqual({
      id: `${zoneArn(PUB)}/recordset/shop.example./A`,
      type: "AWS::Route53::RecordSet",
      account: ACCOUNT,
      region: "global",
      name: "shop.example.",
      tags: {},
      parent: zoneArn(PUB),
      props: {
        hostedZoneId: PUB,
        recordName: "shop.example.",
        recordType: "A",
        ttl: null,
        values: [],
        aliasTarget: {
          dnsName: "dualstack.shop-1234567890.us-east-2.elb.amazonaws.com",
          hostedZoneId: "Z3AADJGX6KTTL2",
          evaluateTargetHealth: true,
        },
      },
    });
  });

  it("plain records: TTL and values; a wildcard name unescaped", () => {
    const wildcard = records.find((r) => r.props.recordType === "TXT");
    expect(wildcard?.props).toEqual({
      hostedZoneId: PUB,
      recordName: "*.shop.example.",
      recordType: "TXT",
      ttl: 300,
      values: ['"v=spf1 -all"'],
      aliasTarget: null,
    });
    expect(records.find((r) => r.props.recordType === "MX")?.props.values).toEqual([
      "10 mx1.mail.example.",
      "20 mx2.mail.example.",
    ]);
  });
});

describe("linking alias records to their targets", () => {
  const base = { account: ACCOUNT, tags: {} };
  const lb: ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer"> = {
    ...base,
    id: `arn:aws:elasticloadbalancing:us-east-2:${ACCOUNT}:loadbalancer/app/shop/50dc6c495c0c9188`,
    type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
    region: "us-east-2",
    props: {
      name: "shop",
      loadBalancerType: "application",
      scheme: "internet-facing",
      vpcId: "vpc-0a1b2c3d4e5f60718",
      subnetIds: [],
      availabilityZones: [],
      securityGroupIds: [],
      dnsName: "Shop-1234567890.us-east-2.elb.amazonaws.com",
      ipAddressType: "dualstack",
    },
  };
  const distribution: ResourceOf<"AWS::CloudFront::Distribution"> = {
    ...base,
    id: `arn:aws:cloudfront::${ACCOUNT}:distribution/E9Z8Y7X6W5V4U3`,
    type: "AWS::CloudFront::Distribution",
    region: "global",
    props: {
      distributionId: "E9Z8Y7X6W5V4U3",
      domainName: "d9z8y7x6w5v4u3.cloudfront.net",
      aliases: ["cdn.shop.example"],
      enabled: true,
      webAclId: null,
      viewerProtocolPolicy: "redirect-to-https",
      minimumProtocolVersion: "TLSv1",
      certificateArn: null,
      origins: [],
      lambdaEdgeArns: [],
    },
  };
  const bucket = (name: string, region: string): ResourceOf<"AWS::S3::Bucket"> => ({
    ...base,
    id: `arn:aws:s3:::${name}`,
    type: "AWS::S3::Bucket",
    region,
    props: {
      bucketName: name,
      publicAccessBlock: null,
      encryption: null,
      versioning: "Disabled",
      policyIsPublic: true,
      websiteHosting: true,
    },
  });

  it("dualstack ALB names, CloudFront domains and S3 website endpoints (bucket named as the record, same region)", () => {
    const { resources } = normalizeRoute53(raw(), { account: ACCOUNT, region: "global" });
    const site = bucket("www.shop.example", "eu-west-1");
    const all: Resource[] = [...resources, lb, distribution, site, bucket("mail.shop.example", "eu-west-1")];
    expect(linkAcrossServices(all)).toEqual([
      { from: `${zoneArn(PUB)}/recordset/shop.example./A`, to: lb.id, kind: "aliases" },
      { from: `${zoneArn(PUB)}/recordset/shop.example./AAAA`, to: lb.id, kind: "aliases" },
      { from: `${zoneArn(PUB)}/recordset/cdn.shop.example./A`, to: distribution.id, kind: "aliases" },
      { from: `${zoneArn(PUB)}/recordset/www.shop.example./A`, to: site.id, kind: "aliases" },
    ]);
    // The same record with the bucket in another region is not an alias to it.
    expect(linkAcrossServices([...resources, bucket("www.shop.example", "us-east-1")])).toEqual([]);
  });
});

describe("Route 53 fetch", () => {
  // As scan.ts does: the SDK's Node 22 notice does not apply to the versions asbuilt pins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const mock = mockClient(Route53Client);
  afterEach(() => mock.reset());
  const ctx = mockFetchContext(ACCOUNT);

  it("pages records from where the last page stopped, reads VPCs of private zones only, tags in one batch", async () => {
    const pages = all<ListResourceRecordSetsResponse>("ListResourceRecordSets");
    mock.on(ListHostedZonesCommand).resolves(recorded("ListHostedZones_1"));
    mock.on(GetHostedZoneCommand).resolves(recorded("GetHostedZone_1"));
    mock.on(ListTagsForResourcesCommand).resolves(recorded("ListTagsForResources_1"));
    mock
      .on(ListResourceRecordSetsCommand)
      .callsFake(
        (input: { HostedZoneId: string; StartRecordName?: string }) =>
          pages.find(
            (p) =>
              p._request?.HostedZoneId === input.HostedZoneId &&
              p._request?.StartRecordName === input.StartRecordName,
          ) ?? { ResourceRecordSets: [] },
      );

    const out = await route53.fetch(ctx);
    expect(out).toEqual(raw());
    expect(mock.commandCalls(ListHostedZonesCommand)[0]?.args[0].input).toMatchObject({ MaxItems: 100 });
    expect(mock.commandCalls(GetHostedZoneCommand).map((c) => c.args[0].input)).toEqual([
      { Id: `/hostedzone/${PRIV}` },
    ]);
    expect(mock.commandCalls(ListResourceRecordSetsCommand).map((c) => c.args[0].input)).toEqual(
      expect.arrayContaining([
        { HostedZoneId: PUB, MaxItems: 300 },
        { HostedZoneId: PUB, MaxItems: 300, StartRecordName: "\\052.shop.example.", StartRecordType: "TXT" },
        { HostedZoneId: PRIV, MaxItems: 300 },
      ]),
    );
    expect(mock.commandCalls(ListTagsForResourcesCommand).map((c) => c.args[0].input)).toEqual([
      { ResourceType: "hostedzone", ResourceIds: [PUB, PRIV] },
    ]);
  });
});
