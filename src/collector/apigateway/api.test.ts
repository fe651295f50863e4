import { readFileSync } from "node:fs";
import { join } from "node:path";
import { APIGatewayClient, GetResourcesCommand, GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { normalizeConfigItems } from "../config/normalize.ts";
import { item } from "../config/test-item.ts";
import { mockFetchContext } from "../mock-context.ts";
import apigateway, { normalizeApiGateway } from "./api.ts";

const where = { account: "123456789012", region: "us-east-1" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;
const FN = "arn:aws:lambda:us-east-1:123456789012:function:sphere7-dev-ApiFunction-7K03QNRVA8OD";

describe("apigateway (REST) on recorded responses (Cloud Custodian placebo data)", () => {
  const mock = mockClient(APIGatewayClient);
  afterEach(() => mock.reset());

  it("reads every method with its authorization and the Lambda function its integration invokes", async () => {
    mock.on(GetRestApisCommand).resolves(recorded("GetRestApis_1"));
    mock.on(GetResourcesCommand, { restApiId: "5xhc1cnb7h" }).resolves(recorded("GetResources_1"));
    mock.on(GetResourcesCommand, { restApiId: "rtmgxfiay5" }).resolves({ items: [] });
    const raw = await apigateway.fetch(mockFetchContext(where.account, where.region));
    expect(mock.commandCalls(GetResourcesCommand).map((c) => c.args[0].input)).toEqual([
      { restApiId: "5xhc1cnb7h", embed: ["methods"], limit: 500 },
      { restApiId: "rtmgxfiay5", embed: ["methods"], limit: 500 },
    ]);
    const { resources, edges } = normalizeApiGateway(raw, where);
    expect(resources[0]).toEqual({
      id: "arn:aws:apigateway:us-east-1::/restapis/5xhc1cnb7h",
      type: "AWS::ApiGateway::RestApi",
      account: "123456789012",
      region: "us-east-1",
      name: "sphere11",
      tags: { Environment: "dev" },
      props: {
        restApiId: "5xhc1cnb7h",
        endpointTypes: ["EDGE"],
        routes: [
          { route: "ANY /{proxy+}", authorizationType: "AWS_IAM", apiKeyRequired: false, target: FN },
          { route: "OPTIONS /{proxy+}", authorizationType: "NONE", apiKeyRequired: false, target: null },
          { route: "ANY /", authorizationType: "NONE", apiKeyRequired: false, target: FN },
        ],
      },
    });
    expect(resources[1]?.props).toMatchObject({ endpointTypes: ["PRIVATE"], routes: [] });
    expect(edges).toEqual([
      { from: "arn:aws:apigateway:us-east-1::/restapis/5xhc1cnb7h", to: FN, kind: "targets" },
    ]);
  });

  it("methods listed without --embed methods keep their authorization unknown", () => {
    const { resources } = normalizeApiGateway(
      {
        apis: [{ id: "a1", name: "x" }],
        resources: { a1: [{ id: "r", path: "/", resourceMethods: { ANY: {} } }] },
      },
      where,
    );
    expect(resources[0]?.props).toMatchObject({ routes: [{ route: "ANY /", target: null }] });
    const props = resources[0]?.props as { routes?: object[] } | undefined;
    expect(props?.routes?.[0]).not.toHaveProperty("authorizationType");
  });

  it("from AWS Config: the API without routes (Config records none)", () => {
    const out = normalizeConfigItems([
      item({
        resourceType: "AWS::ApiGateway::RestApi",
        resourceId: "5xhc1cnb7h",
        resourceName: "sphere11",
        arn: "arn:aws:apigateway:eu-west-1::/restapis/5xhc1cnb7h",
        configuration: { id: "5xhc1cnb7h", name: "sphere11", endpointConfiguration: { types: ["REGIONAL"] } },
      }),
    ]);
    const api = out.resources.find((r) => r.type === "AWS::ApiGateway::RestApi");
    expect(api?.props).toEqual({ restApiId: "5xhc1cnb7h", endpointTypes: ["REGIONAL"] });
  });
});
