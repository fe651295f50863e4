import { type Api, Api$ } from "@aws-sdk/client-apigatewayv2";
import { type ConfigReader, configReader, sdk } from "../config/reader.ts";
import api, { type ApiGatewayV2Raw } from "./api.ts";

// AWS Config records an HTTP or WebSocket API as GetApi's object in camelCase (apiId, name, protocolType,
// apiEndpoint, disableExecuteApiEndpoint) but none of its routes.
const config: ConfigReader<unknown> = configReader<ApiGatewayV2Raw>({
  module: api,
  partial: {
    notRecorded: ["AWS::ApiGatewayV2::Api.routes"],
    why: "AWS Config records no HTTP API routes, so which routes need no authorization is not known",
  },
  empty: () => ({ apis: [] }),
  types: {
    "AWS::ApiGatewayV2::Api": (raw, i) => {
      const a = sdk<Api>(Api$, i);
      a.ApiId ??= i.resourceId;
      a.Name ??= i.resourceName;
      if (Object.keys(i.tags).length > 0 || a.Tags === undefined) a.Tags = { ...i.tags };
      raw.apis.push(a);
    },
  },
});

export default config;
