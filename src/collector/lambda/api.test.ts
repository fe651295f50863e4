import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LambdaClient, ListFunctionsCommand, ListFunctionUrlConfigsCommand } from "@aws-sdk/client-lambda";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { mockFetchContext } from "../mock-context.ts";
import lambda, { type LambdaRaw, normalizeLambda } from "./api.ts";

const where = { account: "123456789012", region: "us-east-1" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;

const raw: LambdaRaw = {
  functions: recorded<{ Functions: LambdaRaw["functions"] }>("ListFunctions_1").Functions,
  tags: recorded<{ ResourceTagMappingList: LambdaRaw["tags"] }>("GetResources_1").ResourceTagMappingList,
};

describe("normalizeLambda on recorded responses", () => {
  const { resources, edges } = normalizeLambda(raw, where);

  it("places a VPC function in its VPC with its subnets and groups, tags from the Tagging API", () => {
    expect(resources[0]).toEqual({
      id: "arn:aws:lambda:us-east-1:123456789012:function:orders-api",
      type: "AWS::Lambda::Function",
      account: "123456789012",
      region: "us-east-1",
      name: "Orders API",
      tags: { Name: "Orders API", Environment: "production" },
      parent: "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0123456789abcdef0",
      props: {
        functionName: "orders-api",
        runtime: "nodejs20.x",
        packageType: "Zip",
        roleArn: "arn:aws:iam::123456789012:role/orders-api-role",
        architectures: ["arm64"],
        vpcConfig: {
          vpcId: "vpc-0123456789abcdef0",
          subnetIds: ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"],
          securityGroupIds: ["sg-0f1e2d3c4b5a69788"],
        },
      },
    });
    expect(edges).toEqual([
      {
        from: "arn:aws:lambda:us-east-1:123456789012:function:orders-api",
        to: "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0f1e2d3c4b5a69788",
        kind: "uses",
      },
    ]);
  });

  it("reads an empty VpcConfig as no VPC, and a container image as having no runtime", () => {
    expect(resources[1]).toMatchObject({ name: "nightly-report", tags: {}, props: { vpcConfig: null } });
    expect(resources[1]).not.toHaveProperty("parent");
    expect(resources[2]).toMatchObject({
      name: "thumbnailer",
      props: { runtime: null, packageType: "Image", vpcConfig: null, architectures: ["x86_64"] },
    });
  });

  it("never lets environment variables reach the output, though the response has them", () => {
    expect(JSON.stringify(raw.functions)).toContain("S3cr3t-Passw0rd");
    const text = JSON.stringify(normalizeLambda(raw, where));
    for (const leak of ["S3cr3t-Passw0rd", "sk_live_recorded_do_not_store", "DATABASE_URL", "REPORT_BUCKET"])
      expect(text).not.toContain(leak);
  });
});

describe("Lambda function URLs (Cloud Custodian placebo data)", () => {
  const mock = mockClient(LambdaClient);
  const tagging = mockClient(ResourceGroupsTaggingAPIClient);
  afterEach(() => {
    mock.reset();
    tagging.reset();
  });
  const fn = {
    FunctionName: "hello_world",
    FunctionArn: "arn:aws:lambda:us-west-2:123456789012:function:hello_world",
  };

  it("lists each function's URLs, its aliases' included, with their auth type", async () => {
    mock.on(ListFunctionsCommand).resolves({ Functions: [fn, { FunctionName: "no-url" }] });
    mock
      .on(ListFunctionUrlConfigsCommand, { FunctionName: "hello_world" })
      .resolves(recorded("ListFunctionUrlConfigs_1"))
      .on(ListFunctionUrlConfigsCommand, { FunctionName: "no-url" })
      .resolves({ FunctionUrlConfigs: [] });
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    const raw = await lambda.fetch(mockFetchContext("123456789012", "us-west-2"));
    const { resources } = normalizeLambda(raw, { account: "123456789012", region: "us-west-2" });
    expect(resources.map((r) => [r.name, (r.props as { functionUrls?: unknown }).functionUrls])).toEqual([
      [
        "hello_world",
        [
          {
            url: "https://hello-custodian.lambda-url.us-west-2.on.aws/",
            authType: "AWS_IAM",
            qualifier: null,
          },
          {
            url: "https://hello-custodian-live.lambda-url.us-west-2.on.aws/",
            authType: "NONE",
            qualifier: "live",
          },
        ],
      ],
      ["no-url", []],
    ]);
  });

  it("leaves the URLs unknown where they were not read: no answer at all, or none for that function", () => {
    const where = { account: "123456789012", region: "us-west-2" };
    expect(normalizeLambda({ functions: [fn], tags: [] }, where).resources[0]?.props).not.toHaveProperty(
      "functionUrls",
    );
    expect(
      normalizeLambda({ functions: [fn], tags: [], urls: {} }, where).resources[0]?.props,
    ).not.toHaveProperty("functionUrls");
  });

  it("keeps a function whose URLs cannot be listed because it was deleted meanwhile, its URLs unknown", async () => {
    mock.on(ListFunctionsCommand).resolves({ Functions: [fn] });
    mock
      .on(ListFunctionUrlConfigsCommand)
      .rejects(Object.assign(new Error("Function not found"), { name: "ResourceNotFoundException" }));
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    const raw = await lambda.fetch(mockFetchContext("123456789012", "us-west-2"));
    expect(raw.urls).toEqual({});
  });
});
