import { describe, expect, it } from "vitest";
import { configTags, parseConfigItem } from "./item.ts";
import { normalizeConfigItems, relationshipEdge } from "./normalize.ts";
import { configQuery, configResourceTypes, SELECT_FIELDS } from "./scan.ts";
import { ACCOUNT, item, REGION } from "./test-item.ts";

const vpcArn = (id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${id}`;

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

  it("reads each configurationItemStatus, both item versions, and capture times in every form", () => {
    const base = { resourceType: "AWS::EC2::VPC", resourceId: "vpc-1", awsRegion: REGION };
    // 1.2 (awsAccountId, ARN, configurationItemVersion, relationships with `name`) and 1.3 (accountId, arn, version).
    const v12 = parseConfigItem({
      ...base,
      awsAccountId: ACCOUNT,
      ARN: vpcArn("vpc-1"),
      configurationItemVersion: "1.2",
      configurationItemCaptureTime: "2017-02-04T06:10:33.880000-05:00",
      configurationItemStatus: "ResourceDiscovered",
      configuration: "null",
      supplementaryConfiguration: '{"k": "{\\"a\\": 1}"}',
    });
    expect(v12).toMatchObject({
      accountId: ACCOUNT,
      arn: vpcArn("vpc-1"),
      version: "1.2",
      capturedAt: "2017-02-04T11:10:33.880Z",
      configuration: {},
      supplementaryConfiguration: { k: '{"a": 1}' },
    });
    const v13 = parseConfigItem({
      ...base,
      accountId: ACCOUNT,
      version: "1.3",
      configurationItemCaptureTime: 1762000000,
    });
    expect(v13).toMatchObject({ version: "1.3", capturedAt: "2025-11-01T12:26:40.000Z" });
    expect(
      parseConfigItem({ ...base, accountId: ACCOUNT, configurationItemCaptureTime: 1762000000123 }),
    ).toMatchObject({
      capturedAt: "2025-11-01T12:26:40.123Z",
    });
    const statuses = [
      "OK",
      "ResourceDiscovered",
      "ResourceNotRecorded",
      "ResourceDeleted",
      "ResourceDeletedNotRecorded",
    ];
    const out = normalizeConfigItems(
      statuses.map((status, n) =>
        item({
          resourceId: `vpc-${n}`,
          status,
          configuration: { vpcId: `vpc-${n}`, cidrBlock: "10.0.0.0/16" },
        }),
      ),
    );
    expect(out.resources.map((r) => (r.props as { vpcId: string }).vpcId)).toEqual(["vpc-0", "vpc-1"]);
    expect(out.leftOut).toBe(3);
    expect(out.notRecorded).toEqual([{ account: ACCOUNT, region: REGION, type: "AWS::EC2::VPC" }]);
    expect(out.skipped).toEqual([
      expect.stringMatching(/^AWS::EC2::VPC vpc-2 in .*: no longer recorded \(ResourceNotRecorded at /),
      expect.stringMatching(/^AWS::EC2::VPC vpc-3 in .*: deleted \(ResourceDeleted at /),
      expect.stringMatching(/^AWS::EC2::VPC vpc-4 in .*: deleted \(ResourceDeletedNotRecorded at /),
    ]);
  });

  it("refuses a configuration that is not a JSON object", () => {
    const base = {
      resourceType: "AWS::EC2::VPC",
      resourceId: "vpc-1",
      awsRegion: REGION,
      accountId: ACCOUNT,
    };
    expect(parseConfigItem({ ...base, configuration: "{broken" })).toMatchObject({
      error: expect.stringMatching(/^has a configuration that is a string that is not JSON/),
    });
    expect(parseConfigItem({ ...base, configuration: "[1]" })).toEqual({
      error: "has a configuration that is a JSON string that holds no object",
    });
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
    expect(configResourceTypes(["ec2"])).toContain("AWS::EC2::SubnetRouteTableAssociation");
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
      "AWS::EC2::VPC vpc-gone in 123456789012/eu-west-1: deleted (ResourceDeleted at 2026-11-01T08:55:00.000Z): left out",
      'AWS::EC2::VPC vpc-x: account "123456789012" or region "mars-1" is not valid',
      "AWS::Route53::RecordSet arn:aws:route53:::hostedzone/Z1/www.example.com./A: asbuilt cannot read this modelled type from AWS Config yet",
    ]);
    expect(out.places).toEqual([{ account: ACCOUNT, region: REGION }]);
  });

  it("names each item of a modelled type that lacked what the model needs, and each torn down", () => {
    const out = normalizeConfigItems([
      item({ resourceType: "AWS::EC2::Subnet", resourceId: "subnet-1" }),
      item({
        resourceType: "AWS::EC2::NatGateway",
        resourceId: "nat-1",
        configuration: { natGatewayId: "nat-1", subnetId: "subnet-1", vpcId: "vpc-1", state: "deleted" },
      }),
    ]);
    expect(out.resources).toEqual([]);
    expect(out.skipped).toEqual([
      "AWS::EC2::Subnet subnet-1 in 123456789012/eu-west-1: the configuration lacks what the model needs (it is empty: an item of a deleted resource, or a query that did not select configuration)",
      "AWS::EC2::NatGateway nat-1 in 123456789012/eu-west-1: torn down (state deleted at 2026-11-01T08:55:00.000Z): left out",
    ]);
  });
});
