import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ApiGatewayV2Client,
  GetApisCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
} from "@aws-sdk/client-apigatewayv2";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { mockFetchContext } from "../mock-context.ts";
import apigatewayv2, { normalizeApiGatewayV2 } from "./api.ts";

const where = { account: "123456789012", region: "us-east-1" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;
const LISTENER =
  "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/f2f7dc8efc522ab2";

describe("apigatewayv2 on recorded responses (Cloud Custodian placebo data)", () => {
  const mock = mockClient(ApiGatewayV2Client);
  afterEach(() => mock.reset());

  it("reads routes across pages with the targets of their integrations (a Lambda function, an ALB listener)", async () => {
    mock.on(GetApisCommand).resolves(recorded("GetApis_1"));
    mock.on(GetRoutesCommand, { ApiId: "0mt9yx690a" }).resolves({
      Items: [{ RouteId: "r1", RouteKey: "$connect", AuthorizationType: "NONE", Target: "integrations/i1" }],
    });
    mock.on(GetIntegrationsCommand, { ApiId: "0mt9yx690a" }).resolves({
      Items: [
        {
          IntegrationId: "i1",
          IntegrationType: "AWS_PROXY",
          IntegrationUri: "arn:aws:lambda:us-east-1:123456789012:function:ws-connect",
        },
      ],
    });
    mock
      .on(GetRoutesCommand, { ApiId: "7h3x9q2k1m", NextToken: undefined })
      .resolves({
        Items: [
          { RouteId: "r2", RouteKey: "GET /orders", AuthorizationType: "JWT", Target: "integrations/i2" },
        ],
        NextToken: "p2",
      })
      .on(GetRoutesCommand, { ApiId: "7h3x9q2k1m", NextToken: "p2" })
      .resolves({
        Items: [
          { RouteId: "r3", RouteKey: "POST /orders", AuthorizationType: "NONE", Target: "integrations/i2" },
        ],
      });
    mock.on(GetIntegrationsCommand, { ApiId: "7h3x9q2k1m" }).resolves({
      Items: [
        {
          IntegrationId: "i2",
          IntegrationType: "HTTP_PROXY",
          ConnectionType: "VPC_LINK",
          IntegrationUri: LISTENER,
        },
      ],
    });
    const raw = await apigatewayv2.fetch(mockFetchContext(where.account, where.region));
    const { resources, edges } = normalizeApiGatewayV2(raw, where);
    expect(resources.map((r) => [r.name, r.props])).toEqual([
      [
        "dev-2",
        {
          apiId: "0mt9yx690a",
          protocolType: "WEBSOCKET",
          apiEndpoint: "wss://0mt9yx690a.execute-api.us-east-1.amazonaws.com",
          disableExecuteApiEndpoint: false,
          routes: [
            {
              route: "$connect",
              authorizationType: "NONE",
              target: "arn:aws:lambda:us-east-1:123456789012:function:ws-connect",
            },
          ],
        },
      ],
      [
        "Orders HTTP API",
        expect.objectContaining({
          protocolType: "HTTP",
          routes: [
            { route: "GET /orders", authorizationType: "JWT", target: LISTENER },
            { route: "POST /orders", authorizationType: "NONE", target: LISTENER },
          ],
        }),
      ],
    ]);
    expect(edges.map((e) => e.to)).toEqual([
      "arn:aws:lambda:us-east-1:123456789012:function:ws-connect",
      LISTENER,
    ]);
  });

  it("without routes read (AWS Config), routes stay unknown", () => {
    const { resources } = normalizeApiGatewayV2(
      {
        apis: [
          {
            ApiId: "a",
            Name: "a",
            ProtocolType: "HTTP",
            RouteSelectionExpression: "$request.method $request.path",
          },
        ],
      },
      where,
    );
    expect(resources[0]?.props).not.toHaveProperty("routes");
  });
});
