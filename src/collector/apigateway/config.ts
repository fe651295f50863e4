import { type RestApi, RestApi$ } from "@aws-sdk/client-api-gateway";
import { type ConfigReader, configReader, sdk } from "../config/reader.ts";
import api, { type ApiGatewayRaw } from "./api.ts";

// AWS Config records a REST API as GetRestApi's object (id, name, endpointConfiguration.types) but none of
// its resources and methods, so who may call its routes is not known from Config.
const config: ConfigReader<unknown> = configReader<ApiGatewayRaw>({
  module: api,
  partial: {
    notRecorded: ["AWS::ApiGateway::RestApi.routes"],
    why: "AWS Config records no REST API resources or methods, so which routes need no authorization is not known",
  },
  empty: () => ({ apis: [] }),
  types: {
    "AWS::ApiGateway::RestApi": (raw, i) => {
      const a = sdk<RestApi>(RestApi$, i);
      a.id ??= i.resourceId;
      a.name ??= i.resourceName;
      if (Object.keys(i.tags).length > 0 || a.tags === undefined) a.tags = { ...i.tags };
      raw.apis.push(a);
    },
  },
});

export default config;
