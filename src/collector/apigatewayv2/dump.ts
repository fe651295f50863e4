import {
  GetApis$,
  GetIntegrations$,
  GetRoutes$,
  type Integration,
  type Route,
} from "@aws-sdk/client-apigatewayv2";
import { type DumpReader, dumpReader, items } from "../import/dump.ts";
import api, { type ApiGatewayV2Raw } from "./api.ts";

// apigatewayv2-get-apis.json, and per API apigatewayv2-get-routes/<api id> and
// apigatewayv2-get-integrations/<api id> (CloudMapper's per-resource layout).
const ROUTES = "apigatewayv2-get-routes";
const INTEGRATIONS = "apigatewayv2-get-integrations";

const dump: DumpReader<unknown> = dumpReader<ApiGatewayV2Raw>({
  module: api,
  files: {
    "apigatewayv2-get-apis": { op: GetApis$, list: "Items" },
    [ROUTES]: { op: GetRoutes$, list: "Items", perResource: "API id" },
    [INTEGRATIONS]: { op: GetIntegrations$, list: "Items", perResource: "API id" },
  },
  required: ["apigatewayv2-get-apis"],
  records: { "apigatewayv2-get-apis": ["AWS::ApiGatewayV2::Api"] },
  build: (get) => {
    const apis = items<ApiGatewayV2Raw["apis"][number]>(get, "apigatewayv2-get-apis", "Items");
    const routes: NonNullable<ApiGatewayV2Raw["routes"]> = {};
    for (const r of get<{ Items?: Route[] }>(ROUTES))
      if (r.param)
        routes[r.param] = {
          routes: [...(routes[r.param]?.routes ?? []), ...(r.out.Items ?? [])],
          integrations: [],
        };
    for (const r of get<{ Items?: Integration[] }>(INTEGRATIONS)) {
      const e = r.param ? routes[r.param] : undefined;
      if (e) e.integrations.push(...(r.out.Items ?? []));
    }
    const missing = apis.filter((a) => a.ApiId && !(a.ApiId in routes)).length;
    return {
      raw: { apis, routes },
      gaps: missing > 0 ? [`no ${ROUTES} response for ${missing} API(s): their routes are not known`] : [],
      ...(missing > 0 ? { notRecorded: ["AWS::ApiGatewayV2::Api.routes"] } : {}),
    };
  },
});

export default dump;
