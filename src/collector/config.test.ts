import { describe, expect, it } from "vitest";
import {
  type ConfigItem,
  configPartialCoverage,
  configQuery,
  configResourceTypes,
  configTags,
  normalizeConfigItems,
  parseConfigItem,
  relationshipEdge,
  SELECT_FIELDS,
} from "./config.ts";

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const vpcArn = (id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${id}`;

function item(over: Partial<ConfigItem>): ConfigItem {
  return {
    accountId: ACCOUNT,
    awsRegion: REGION,
    resourceType: "AWS::EC2::VPC",
    resourceId: "vpc-1",
    configuration: {},
    supplementaryConfiguration: {},
    tags: {},
    relationships: [],
    status: "OK",
    ...over,
  };
}

describe("parseConfigItem", () => {
  it("reads an advanced-query result (a JSON string, tags as a list, relationshipName)", () => {
    const parsed = parseConfigItem(
      JSON.stringify({
        accountId: ACCOUNT,
        awsRegion: REGION,
        resourceType: "AWS::EC2::Subnet",
        resourceId: "subnet-1",
        arn: "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-1",
        configuration: { subnetId: "subnet-1" },
        tags: [{ key: "Name", value: "a", tag: "Name=a" }, { tag: "team=web" }],
        relationships: [
          { resourceType: "AWS::EC2::VPC", resourceId: "vpc-1", relationshipName: "Is contained in Vpc" },
        ],
        configurationItemStatus: "OK",
      }),
    );
    expect(parsed).toMatchObject({
      arn: "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-1",
      tags: { Name: "a", team: "web" },
      relationships: [{ resourceType: "AWS::EC2::VPC", resourceId: "vpc-1", name: "Is contained in Vpc" }],
      status: "OK",
    });
  });

  it("reads a snapshot file's item (awsAccountId, ARN, tags as a map, configuration as a string)", () => {
    expect(
      parseConfigItem({
        awsAccountId: ACCOUNT,
        awsRegion: REGION,
        resourceType: "AWS::EC2::VPC",
        resourceId: "vpc-1",
        ARN: vpcArn("vpc-1"),
        configuration: '{"vpcId":"vpc-1"}',
        tags: { Name: "main" },
        relationships: [
          { resourceType: "AWS::EC2::Subnet", resourceId: "subnet-1", name: "Contains Subnet" },
        ],
      }),
    ).toMatchObject({
      accountId: ACCOUNT,
      arn: vpcArn("vpc-1"),
      configuration: { vpcId: "vpc-1" },
      tags: { Name: "main" },
      relationships: [{ name: "Contains Subnet" }],
      status: "",
    });
  });

  it("says what is missing", () => {
    expect(parseConfigItem({ resourceType: "AWS::EC2::VPC" })).toEqual({
      error:
        "has no resourceId, accountId, awsRegion (select at least resourceType, resourceId, accountId and awsRegion)",
    });
    expect(parseConfigItem("{oops")).toMatchObject({
      error: expect.stringMatching(/^is a string that is not JSON/),
    });
    expect(configTags(undefined)).toEqual({});
  });
});

describe("the advanced query", () => {
  it("names every field it reads, asks for current items of the wanted types, and fits Config's 4096 characters", () => {
    const q = configQuery(configResourceTypes());
    expect(q.length).toBeLessThanOrEqual(4096);
    expect(q).toMatch(new RegExp(`^SELECT ${SELECT_FIELDS.join(", ")} WHERE resourceType IN \\(`));
    expect(q).toContain("'AWS::ACM::Certificate'");
    expect(q).toContain("'AWS::EC2::VPC'");
    expect(q).toContain("'AWS::SecretsManager::Secret'");
    expect(q).not.toContain("AWS::CertificateManager::Certificate");
    expect(q).toMatch(/AND configurationItemStatus IN \('OK', 'ResourceDiscovered'\)$/);
    expect(configResourceTypes(["lambda"])).toEqual(["AWS::Lambda::Function"]);
  });
});

describe("relationshipEdge", () => {
  it("reads Config's relationship verbs, and guesses none", () => {
    expect(relationshipEdge({ name: "Is contained in Vpc", resourceType: "AWS::EC2::VPC" })).toBe("parent");
    expect(
      relationshipEdge({ name: "Is contained in Stack", resourceType: "AWS::CloudFormation::Stack" }),
    ).toEqual({
      kind: "contains",
      reverse: true,
    });
    expect(relationshipEdge({ name: "Contains Instance", resourceType: "AWS::EC2::Instance" })).toEqual({
      kind: "contains",
      reverse: false,
    });
    expect(relationshipEdge({ name: "Is attached to Instance", resourceType: "AWS::EC2::Instance" })).toEqual(
      {
        kind: "attached",
        reverse: false,
      },
    );
    expect(
      relationshipEdge({ name: "Is associated with SecurityGroup", resourceType: "AWS::EC2::SecurityGroup" }),
    ).toEqual({
      kind: "uses",
      reverse: false,
    });
    expect(
      relationshipEdge({ name: "Is associated with WebACL", resourceType: "AWS::WAFv2::WebACL" }),
    ).toEqual({
      kind: "protects",
      reverse: true,
    });
    expect(relationshipEdge({ name: "Is the parent of", resourceType: "AWS::X::Y" })).toBeUndefined();
  });
});

describe("normalizeConfigItems", () => {
  it("feeds modelled types to their module, keeps others generic with edges from relationships", () => {
    const out = normalizeConfigItems([
      item({
        resourceId: "vpc-1",
        configuration: { vpcId: "vpc-1", cidrBlock: "10.0.0.0/16" },
        tags: { Name: "main" },
      }),
      item({
        resourceType: "AWS::EC2::Subnet",
        resourceId: "subnet-1",
        configuration: {
          subnetId: "subnet-1",
          vpcId: "vpc-1",
          cidrBlock: "10.0.1.0/24",
          availabilityZone: "eu-west-1a",
        },
      }),
      item({
        resourceType: "AWS::Lambda::Function",
        resourceId: "fn",
        arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:fn`,
        configuration: {
          functionName: "fn",
          role: "arn:aws:iam::123456789012:role/fn",
          vpcConfig: { subnetIds: ["subnet-1"], securityGroupIds: [] },
          environment: { variables: { PASSWORD: "hunter2" } },
        },
      }),
      item({
        resourceType: "AWS::SQS::Queue",
        resourceId: "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs",
        resourceName: "jobs",
        arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:jobs`,
        configuration: { QueueUrl: "secret-ish" },
        tags: { team: "web" },
        relationships: [
          { resourceType: "AWS::EC2::Subnet", resourceId: "subnet-1", name: "Is contained in Subnet" },
          { resourceType: "AWS::EC2::VPC", resourceId: "vpc-1", name: "Is contained in Vpc" },
          { resourceType: "AWS::Lambda::Function", resourceId: "fn", name: "Is associated with Function" },
        ],
      }),
      item({ resourceId: "vpc-gone", status: "ResourceDeleted" }),
      item({ resourceId: "vpc-x", awsRegion: "mars-1" }),
      item({
        resourceType: "AWS::Route53::RecordSet",
        resourceId: "www",
        arn: "arn:aws:route53:::hostedzone/Z1/www.example.com./A",
      }),
    ]);
    const byId = new Map(out.resources.map((r) => [r.id, r]));
    expect(byId.get(vpcArn("vpc-1"))).toMatchObject({ name: "main", props: { cidrBlock: "10.0.0.0/16" } });
    // Config keeps the function's subnets, not its VPC: the recorded subnet knows it.
    expect(byId.get(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:fn`)).toMatchObject({
      parent: vpcArn("vpc-1"),
      props: { vpcConfig: { vpcId: "vpc-1", subnetIds: ["subnet-1"] } },
    });
    expect(JSON.stringify(out.resources)).not.toContain("hunter2");
    expect(byId.get(`arn:aws:sqs:${REGION}:${ACCOUNT}:jobs`)).toEqual({
      id: `arn:aws:sqs:${REGION}:${ACCOUNT}:jobs`,
      type: "AWS::SQS::Queue",
      account: ACCOUNT,
      region: REGION,
      name: "jobs",
      tags: { team: "web" },
      parent: `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/subnet-1`,
      props: {},
    });
    expect(out.edges).toContainEqual({
      from: `arn:aws:sqs:${REGION}:${ACCOUNT}:jobs`,
      to: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:fn`,
      kind: "uses",
    });
    expect(out.leftOut).toBe(1);
    expect(out.skipped).toEqual([
      'AWS::EC2::VPC vpc-x: account "123456789012" or region "mars-1" is not valid',
      "AWS::Route53::RecordSet arn:aws:route53:::hostedzone/Z1/www.example.com./A: asbuilt cannot read this modelled type from AWS Config yet",
    ]);
    expect(out.places).toEqual([{ account: ACCOUNT, region: REGION }]);
  });

  it("says how many items of a modelled type lacked what the model needs", () => {
    const out = normalizeConfigItems([item({ resourceType: "AWS::EC2::Subnet", resourceId: "subnet-1" })]);
    expect(out.resources).toEqual([]);
    expect(out.skipped).toEqual([
      "1 AWS::EC2::Subnet item in 123456789012/eu-west-1: the configuration lacks what the model needs",
    ]);
  });
});

describe("S3, CloudFront and Route 53 from AWS Config", () => {
  const bucket = (name: string, over: Partial<ConfigItem>) =>
    item({
      resourceType: "AWS::S3::Bucket",
      resourceId: name,
      resourceName: name,
      arn: `arn:aws:s3:::${name}`,
      configuration: {
        name,
        owner: { displayName: null, id: "abc" },
        creationDate: "2024-05-01T10:00:00.000Z",
      },
      ...over,
    });

  it("reads a bucket's settings from supplementaryConfiguration, as a snapshot file writes it (JSON strings)", () => {
    const out = normalizeConfigItems([
      bucket("site", {
        awsRegion: "eu-central-1",
        supplementaryConfiguration: {
          AccessControlList: JSON.stringify(JSON.stringify({ grantList: [], owner: { id: "abc" } })),
          PublicAccessBlockConfiguration: JSON.stringify({
            blockPublicAcls: true,
            ignorePublicAcls: true,
            blockPublicPolicy: false,
            restrictPublicBuckets: false,
          }),
          ServerSideEncryptionConfiguration: JSON.stringify({
            rules: [
              {
                applyServerSideEncryptionByDefault: {
                  sseAlgorithm: "aws:kms",
                  kmsMasterKeyID: "arn:aws:kms:k",
                },
                bucketKeyEnabled: true,
              },
            ],
          }),
          BucketVersioningConfiguration: JSON.stringify({ status: "Suspended", isMfaDeleteEnabled: null }),
          BucketPolicy: JSON.stringify({ policyText: '{"Statement":[{"Effect":"Allow","Principal":"*"}]}' }),
          BucketWebsiteConfiguration: JSON.stringify({
            indexDocumentSuffix: "index.html",
            errorDocument: null,
            redirectAllRequestsTo: null,
            routingRules: [],
          }),
          BucketTaggingConfiguration: JSON.stringify({ tagSets: [{ tags: { Name: "Site", team: "web" } }] }),
          IsRequesterPaysEnabled: "false",
        },
      }),
    ]);
    expect(out.skipped).toEqual([]);
    expect(out.resources).toEqual([
      {
        id: "arn:aws:s3:::site",
        type: "AWS::S3::Bucket",
        account: ACCOUNT,
        region: "eu-central-1",
        name: "Site",
        tags: { Name: "Site", team: "web" },
        props: {
          bucketName: "site",
          publicAccessBlock: {
            blockPublicAcls: true,
            ignorePublicAcls: true,
            blockPublicPolicy: false,
            restrictPublicBuckets: false,
          },
          encryption: { algorithm: "aws:kms", kmsKeyId: "arn:aws:kms:k" },
          versioning: "Suspended",
          // Config has the policy, not its status: unknown.
          policyIsPublic: null,
          websiteHosting: true,
        },
      },
    ]);
  });

  it("reads what a bucket lacks as S3's 404s mean it, and an unknown policy as unknown", () => {
    const out = normalizeConfigItems([
      bucket("plain", {
        tags: { env: "prod" },
        supplementaryConfiguration: {
          BucketPolicy: { policyText: null },
          BucketVersioningConfiguration: { status: "Off", isMfaDeleteEnabled: null },
          BucketTaggingConfiguration: { tagSets: [{ tags: { ignored: "the item's tags win" } }] },
        },
      }),
      // A partial query result without supplementaryConfiguration: the policy is unknown, not absent.
      bucket("bare", { supplementaryConfiguration: {} }),
    ]);
    const props = (id: string) => out.resources.find((r) => r.id === `arn:aws:s3:::${id}`);
    expect(props("plain")).toMatchObject({
      region: REGION,
      tags: { env: "prod" },
      props: {
        publicAccessBlock: null,
        encryption: null,
        versioning: "Disabled",
        policyIsPublic: false,
        websiteHosting: false,
      },
    });
    expect(props("bare")?.props).toMatchObject({ policyIsPublic: null, versioning: "Disabled" });
  });

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
              originAccessControlId: null,
              originAccessIdentity: null,
              originProtocolPolicy: "https-only",
            },
          ],
          lambdaEdgeArns: ["arn:aws:lambda:us-east-1:1:function:f:1"],
        },
      },
    ]);
  });

  it("reads hosted zones in CloudFormation's shape: private when they have VPCs, no record sets", () => {
    const zone = (id: string, configuration: Record<string, unknown>, over: Partial<ConfigItem> = {}) =>
      item({
        resourceType: "AWS::Route53::HostedZone",
        resourceId: id,
        arn: `arn:aws:route53:::hostedzone/${id}`,
        awsRegion: "us-east-1",
        configuration,
        ...over,
      });
    const out = normalizeConfigItems([
      zone(
        "ZPUB",
        { Id: "ZPUB", Name: "example.com.", NameServers: ["ns-1.awsdns-01.org"] },
        { tags: { team: "dns" } },
      ),
      zone("ZPRIV", {
        Id: "/hostedzone/ZPRIV",
        Name: "internal.example.com.",
        VPCs: [{ VPCId: "vpc-1", VPCRegion: "eu-west-1" }],
        HostedZoneTags: [{ Key: "Name", Value: "internal" }],
      }),
    ]);
    expect(out.skipped).toEqual([]);
    expect(out.resources.map((r) => [r.id, r.region, r.name, r.tags, r.props])).toEqual([
      [
        "arn:aws:route53:::hostedzone/ZPUB",
        "global",
        "example.com",
        { team: "dns" },
        { hostedZoneId: "ZPUB", zoneName: "example.com.", privateZone: false, vpcIds: [], recordCount: 0 },
      ],
      [
        "arn:aws:route53:::hostedzone/ZPRIV",
        "global",
        "internal",
        { Name: "internal" },
        {
          hostedZoneId: "ZPRIV",
          zoneName: "internal.example.com.",
          privateZone: true,
          vpcIds: ["vpc-1"],
          recordCount: 0,
        },
      ],
    ]);
  });

  it("marks Route 53 partial, and CloudFront and Route 53 unqueried without us-east-1", () => {
    expect(configPartialCoverage([ACCOUNT])).toEqual([
      {
        account: ACCOUNT,
        region: "global",
        service: "route53",
        status: "skipped",
        error: expect.stringMatching(/^partial: AWS Config records hosted zones, not their record sets/),
      },
    ]);
    expect(configPartialCoverage([ACCOUNT], ["s3"])).toEqual([]);
    const gaps = configPartialCoverage([ACCOUNT], undefined, { regions: ["eu-west-1"], resources: [] });
    expect(gaps).toEqual([
      expect.objectContaining({
        service: "cloudfront",
        error: expect.stringMatching(
          /^not queried: AWS Config records CloudFront distributions in us-east-1/,
        ),
      }),
      expect.objectContaining({
        service: "route53",
        error: expect.stringMatching(/^not queried: .*; partial: /),
      }),
    ]);
  });
});
