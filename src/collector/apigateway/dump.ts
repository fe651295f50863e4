import { type Resource as ApiResource, GetResources$, GetRestApis$ } from "@aws-sdk/client-api-gateway";
import { type DumpReader, dumpReader, items } from "../import/dump.ts";
import api, { type ApiGatewayRaw } from "./api.ts";

// apigateway-get-rest-apis.json (CloudMapper's collect writes it), and one apigateway-get-resources/<rest
// api id> per API (`aws apigateway get-resources --rest-api-id ID --embed methods`; without --embed the
// methods come without their authorization, which then stays unknown).
const RESOURCES = "apigateway-get-resources";

const dump: DumpReader<unknown> = dumpReader<ApiGatewayRaw>({
  module: api,
  files: {
    "apigateway-get-rest-apis": { op: GetRestApis$, list: "items" },
    [RESOURCES]: { op: GetResources$, list: "items", perResource: "REST API id" },
  },
  required: ["apigateway-get-rest-apis"],
  records: { "apigateway-get-rest-apis": ["AWS::ApiGateway::RestApi"] },
  build: (get) => {
    const apis = items<ApiGatewayRaw["apis"][number]>(get, "apigateway-get-rest-apis", "items");
    const resources: Record<string, ApiResource[]> = {};
    for (const r of get<{ items?: ApiResource[] }>(RESOURCES))
      if (r.param) resources[r.param] = [...(resources[r.param] ?? []), ...(r.out.items ?? [])];
    const missing = apis.filter((a) => a.id && !(a.id in resources)).length;
    return {
      raw: { apis, resources },
      gaps:
        missing > 0
          ? [`no ${RESOURCES} response for ${missing} REST API(s): their routes are not known`]
          : [],
      ...(missing > 0 ? { notRecorded: ["AWS::ApiGateway::RestApi.routes"] } : {}),
    };
  },
});

export default dump;
