import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DescribeDomainsCommand, ListDomainNamesCommand, OpenSearchClient } from "@aws-sdk/client-opensearch";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { normalizeConfigItems } from "../config/normalize.ts";
import { item } from "../config/test-item.ts";
import { mockFetchContext } from "../mock-context.ts";
import opensearch, { anonymousAccess, normalizeOpenSearch } from "./api.ts";

const where = { account: "123456789012", region: "us-east-1" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;
const domains = recorded<{ DomainStatusList: Record<string, unknown>[] }>(
  "DescribeDomains_1",
).DomainStatusList;

describe("opensearch on recorded responses (Cloud Custodian placebo data)", () => {
  const mock = mockClient(OpenSearchClient);
  const tagging = mockClient(ResourceGroupsTaggingAPIClient);
  afterEach(() => {
    mock.reset();
    tagging.reset();
  });

  it("describes the listed domains five at a time, tags from the Tagging API", async () => {
    const names = ["a", "b", "c", "d", "e", "ddaotest2", "c7n-sg-test", "logs"];
    mock.on(ListDomainNamesCommand).resolves({ DomainNames: names.map((DomainName) => ({ DomainName })) });
    mock.on(DescribeDomainsCommand).resolves({ DomainStatusList: [] });
    mock
      .on(DescribeDomainsCommand, { DomainNames: ["ddaotest2", "c7n-sg-test", "logs"] })
      .resolves(recorded("DescribeDomains_1"));
    tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: [
        {
          ResourceARN: "arn:aws:es:us-east-1:123456789012:domain/logs",
          Tags: [{ Key: "Name", Value: "Logs" }],
        },
      ],
    });
    const raw = await opensearch.fetch(mockFetchContext(where.account, where.region));
    expect(mock.commandCalls(DescribeDomainsCommand).map((c) => c.args[0].input.DomainNames)).toEqual([
      ["a", "b", "c", "d", "e"],
      ["ddaotest2", "c7n-sg-test", "logs"],
    ]);
    const { resources, edges } = normalizeOpenSearch(raw, where);
    expect(resources.map((r) => [r.name, r.props])).toEqual([
      [
        "ddaotest2",
        {
          domainName: "ddaotest2",
          engineVersion: "OpenSearch_1.3",
          publicEndpoint: true,
          vpcId: null,
          subnetIds: [],
          securityGroupIds: [],
          endpoints: ["search-ddaotest2-lu2dt65rj332cs6tlihhmmgvcm.us-east-1.es.amazonaws.com"],
          accessPolicyOpen: false,
          accessPolicyConditions: ["aws:SourceIp"],
          encryptionAtRest: true,
          nodeToNodeEncryption: true,
          enforceHttps: true,
        },
      ],
      [
        "c7n-sg-test",
        {
          domainName: "c7n-sg-test",
          engineVersion: "Elasticsearch_6.0",
          publicEndpoint: false,
          vpcId: "vpc-d2d616b5",
          subnetIds: ["subnet-3a334610"],
          securityGroupIds: ["sg-3839ec4b", "sg-6c7fa917"],
          endpoints: ["vpc-c7n-sg-test-c2aoizsz6tzjktl3mb4mgzpqee.us-east-1.es.amazonaws.com"],
          accessPolicyOpen: true,
          accessPolicyConditions: [],
          encryptionAtRest: false,
        },
      ],
      [
        "Logs",
        expect.objectContaining({
          publicEndpoint: true,
          accessPolicyOpen: true,
          nodeToNodeEncryption: false,
        }),
      ],
    ]);
    expect(resources[1]?.parent).toBe("arn:aws:ec2:us-east-1:123456789012:vpc/vpc-d2d616b5");
    expect(edges.map((e) => e.to)).toEqual([
      "arn:aws:ec2:us-east-1:123456789012:security-group/sg-3839ec4b",
      "arn:aws:ec2:us-east-1:123456789012:security-group/sg-6c7fa917",
    ]);
  });

  it("reads anonymous access: unconditional Allow is open, an unconditional Deny closes it, no policy grants nothing", () => {
    const allow = { Effect: "Allow", Principal: "*", Action: "es:*" };
    expect(anonymousAccess(JSON.stringify({ Statement: [allow] }))).toEqual({ open: true, conditions: [] });
    expect(anonymousAccess(JSON.stringify({ Statement: allow }))).toEqual({ open: true, conditions: [] });
    expect(
      anonymousAccess(JSON.stringify({ Statement: [allow, { Effect: "Deny", Principal: { AWS: ["*"] } }] })),
    ).toEqual({ open: false, conditions: [] });
    expect(anonymousAccess("")).toEqual({ open: false, conditions: [] });
    expect(anonymousAccess("{not json")).toBeUndefined();
  });

  it("leaves public or not unknown when a domain shows neither VPCOptions nor an endpoint", () => {
    const { resources } = normalizeOpenSearch(
      { domains: [{ DomainName: "x", DomainId: "x", ARN: undefined }], tags: [] } as never,
      where,
    );
    expect(resources[0]?.props).not.toHaveProperty("publicEndpoint");
    expect(resources[0]?.props).not.toHaveProperty("accessPolicyOpen");
  });
});

describe("opensearch from AWS Config", () => {
  it("reads both recorded types into one AWS::OpenSearch::Domain, the policy unknown", () => {
    const arn = "arn:aws:es:eu-west-1:123456789012:domain/search";
    const out = normalizeConfigItems([
      item({
        resourceType: "AWS::EC2::Subnet",
        resourceId: "subnet-1",
        arn: "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-1",
        configuration: { subnetId: "subnet-1", vpcId: "vpc-9", cidrBlock: "10.0.0.0/24" },
      }),
      // CloudFormation's shape (aws-config-resource-schema AWS::OpenSearch::Domain.properties.json).
      item({
        resourceType: "AWS::OpenSearch::Domain",
        resourceId: "search",
        resourceName: "search",
        arn,
        configuration: {
          Arn: arn,
          DomainName: "search",
          EngineVersion: "OpenSearch_2.11",
          VPCOptions: { SubnetIds: ["subnet-1"], SecurityGroupIds: ["sg-1"] },
          EncryptionAtRestOptions: { Enabled: true },
          NodeToNodeEncryptionOptions: { Enabled: true },
          DomainEndpointOptions: { EnforceHTTPS: true },
        },
      }),
      // The Elasticsearch API's camelCase (AWS::Elasticsearch::Domain.properties.json), same domain.
      item({
        resourceType: "AWS::Elasticsearch::Domain",
        resourceId: "search",
        arn,
        configuration: { arn, domainName: "search", elasticsearchVersion: "7.10" },
      }),
      item({
        resourceType: "AWS::Elasticsearch::Domain",
        resourceId: "old",
        arn: "arn:aws:es:eu-west-1:123456789012:domain/old",
        configuration: {
          domainName: "old",
          elasticsearchVersion: "7.10",
          endpoint: { value: "search-old-abc.eu-west-1.es.amazonaws.com" },
          encryptionAtRestOptions: { enabled: false },
        },
      }),
    ]);
    const ds = out.resources.filter((r) => r.type === "AWS::OpenSearch::Domain");
    expect(ds.map((d) => [d.id, d.props])).toEqual([
      [
        arn,
        {
          domainName: "search",
          engineVersion: "OpenSearch_2.11",
          publicEndpoint: false,
          vpcId: "vpc-9",
          subnetIds: ["subnet-1"],
          securityGroupIds: ["sg-1"],
          endpoints: [],
          encryptionAtRest: true,
          nodeToNodeEncryption: true,
          enforceHttps: true,
        },
      ],
      [
        "arn:aws:es:eu-west-1:123456789012:domain/old",
        {
          domainName: "old",
          engineVersion: "Elasticsearch_7.10",
          publicEndpoint: true,
          vpcId: null,
          subnetIds: [],
          securityGroupIds: [],
          endpoints: ["search-old-abc.eu-west-1.es.amazonaws.com"],
          encryptionAtRest: false,
        },
      ],
    ]);
  });
});
