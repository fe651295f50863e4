import { GetResources$, GetRestApis$ } from "@aws-sdk/client-api-gateway";
import { GetApis$, GetIntegrations$, GetRoutes$ } from "@aws-sdk/client-apigatewayv2";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// API Gateway's REST (GetRestApis, GetResources with methods) and v2 (GetApis, GetRoutes, GetIntegrations)
// answers built from the snapshot: the inverse of src/collector/apigateway and src/collector/apigatewayv2.
// Both APIs are one service to AWS (signing name "apigateway"). A REST route "GET /orders" becomes the
// resource /orders with its GET method; a Lambda target becomes the proxy integration's invocation URI.

type RestApi = ResourceOf<"AWS::ApiGateway::RestApi">;
type HttpApi = ResourceOf<"AWS::ApiGatewayV2::Api">;
const rest = (rs: readonly Resource[]) =>
  rs.filter((r): r is RestApi => r.type === "AWS::ApiGateway::RestApi");
const http = (rs: readonly Resource[]) => rs.filter((r): r is HttpApi => r.type === "AWS::ApiGatewayV2::Api");
const uri = (region: string, target: string) =>
  target.includes(":lambda:")
    ? `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${target}/invocations`
    : target;

export const apigatewayHandler: ServiceHandler = {
  signingName: "apigateway",
  protocol: "rest-json",
  xmlNamespace: "",
  operations: {
    GetRestApis: {
      schema: GetRestApis$ as unknown as OperationSchema,
      paging: { items: "items", token: "position", nextToken: "position", limit: "limit" },
      handle: ({ resources }) => ({
        items: rest(resources).map((a) => ({
          id: a.props.restApiId,
          name: a.name,
          endpointConfiguration: { types: a.props.endpointTypes },
          disableExecuteApiEndpoint: a.props.disableExecuteApiEndpoint,
          tags: a.tags,
        })),
      }),
    },
    GetResources: {
      schema: GetResources$ as unknown as OperationSchema,
      paging: { items: "items", token: "position", nextToken: "position", limit: "limit" },
      handle: ({ resources, params, region }) => {
        const a = rest(resources).find((x) => x.props.restApiId === params.restApiId);
        const byPath = new Map<string, Record<string, unknown>>();
        for (const r of a?.props.routes ?? []) {
          const [verb = "GET", path = "/"] = r.route.split(" ");
          const methods = byPath.get(path) ?? {};
          methods[verb] = {
            httpMethod: verb,
            authorizationType: r.authorizationType,
            apiKeyRequired: r.apiKeyRequired,
            ...(r.target
              ? { methodIntegration: { type: "AWS_PROXY", httpMethod: "POST", uri: uri(region, r.target) } }
              : {}),
          };
          byPath.set(path, methods);
        }
        return {
          items: [...byPath].map(([path, resourceMethods], i) => ({ id: `res${i}`, path, resourceMethods })),
        };
      },
    },
    GetApis: {
      schema: GetApis$ as unknown as OperationSchema,
      paging: { items: "Items", token: "nextToken", nextToken: "NextToken", limit: "maxResults" },
      handle: ({ resources }) => ({
        Items: http(resources).map((a) => ({
          ApiId: a.props.apiId,
          Name: a.name,
          ProtocolType: a.props.protocolType,
          ApiEndpoint: a.props.apiEndpoint ?? undefined,
          DisableExecuteApiEndpoint: a.props.disableExecuteApiEndpoint,
          RouteSelectionExpression: "$request.method $request.path",
          Tags: a.tags,
        })),
      }),
    },
    GetRoutes: {
      schema: GetRoutes$ as unknown as OperationSchema,
      paging: { items: "Items", token: "nextToken", nextToken: "NextToken", limit: "maxResults" },
      handle: ({ resources, params }) => {
        const a = http(resources).find((x) => x.props.apiId === params.ApiId);
        return {
          Items: (a?.props.routes ?? []).map((r, i) => ({
            RouteId: `route${i}`,
            RouteKey: r.route,
            AuthorizationType: r.authorizationType,
            ApiKeyRequired: r.apiKeyRequired,
            ...(r.target ? { Target: `integrations/int${i}` } : {}),
          })),
        };
      },
    },
    GetIntegrations: {
      schema: GetIntegrations$ as unknown as OperationSchema,
      paging: { items: "Items", token: "nextToken", nextToken: "NextToken", limit: "maxResults" },
      handle: ({ resources, params }) => {
        const a = http(resources).find((x) => x.props.apiId === params.ApiId);
        return {
          Items: (a?.props.routes ?? []).flatMap((r, i) =>
            r.target
              ? [
                  {
                    IntegrationId: `int${i}`,
                    IntegrationType: r.target.includes(":lambda:") ? "AWS_PROXY" : "HTTP_PROXY",
                    IntegrationUri: r.target,
                    PayloadFormatVersion: "2.0",
                  },
                ]
              : [],
          ),
        };
      },
    },
  },
};
