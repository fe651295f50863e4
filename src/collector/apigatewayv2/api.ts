import type { Api, Integration, Route } from "@aws-sdk/client-apigatewayv2";
import pLimit from "p-limit";
import type { ResourceOf } from "../../model/snapshot.ts";
import { integrationTarget } from "../apigateway/api.ts";
import { defineService, type Where } from "../types.ts";
import { Collected, nameOf } from "../util.ts";

export interface ApiGatewayV2Raw {
  /** GetApis: HTTP and WebSocket APIs, each with its tags. */
  apis: Api[];
  /** GetRoutes and GetIntegrations by API id; absent when not read (AWS Config), an API missing: not read. */
  routes?: Record<string, { routes: Route[]; integrations: Integration[] }>;
}

export const httpApiArn = (region: string, id: string) => `arn:aws:apigateway:${region}::/apis/${id}`;

const CONCURRENCY = 4;

/** Every page of a NextToken-paginated call (API Gateway v2 has no SDK paginators). */
async function pages<T>(
  call: (token?: string) => Promise<{ Items?: T[]; NextToken?: string }>,
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const r = await call(token);
    out.push(...(r.Items ?? []));
    token = r.NextToken;
  } while (token);
  return out;
}

export default defineService<ApiGatewayV2Raw>({
  service: "apigatewayv2",
  global: false,
  concurrency: CONCURRENCY,
  operations: [
    { command: "GetApis", iam: ["apigateway:GET"] },
    { command: "GetRoutes", iam: ["apigateway:GET"] },
    { command: "GetIntegrations", iam: ["apigateway:GET"] },
  ],

  async fetch(ctx) {
    const { ApiGatewayV2Client, GetApisCommand, GetIntegrationsCommand, GetRoutesCommand } = await import(
      "./sdk.ts"
    );
    const client = ctx.client(ApiGatewayV2Client);
    const apis = await pages((NextToken) =>
      client.send(new GetApisCommand({ NextToken, MaxResults: "500" })),
    );
    const limit = pLimit(CONCURRENCY);
    const routes: NonNullable<ApiGatewayV2Raw["routes"]> = {};
    await Promise.all(
      apis.map((a) =>
        limit(async () => {
          const ApiId = a.ApiId;
          if (!ApiId) return;
          const [r, i] = await Promise.all([
            pages((NextToken) => client.send(new GetRoutesCommand({ ApiId, NextToken, MaxResults: "500" }))),
            pages((NextToken) =>
              client.send(new GetIntegrationsCommand({ ApiId, NextToken, MaxResults: "500" })),
            ),
          ]);
          routes[ApiId] = { routes: r, integrations: i };
        }),
      ),
    );
    return { apis, routes };
  },

  normalize: normalizeApiGatewayV2,
});

/** Pure: GetApis (+ routes and integrations) → APIs with routes and what each calls; API → target edges. */
export function normalizeApiGatewayV2(raw: ApiGatewayV2Raw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  for (const a of raw.apis) {
    if (!a.ApiId) continue;
    const id = httpApiArn(region, a.ApiId);
    const tags = { ...(a.Tags ?? {}) };
    const read = raw.routes?.[a.ApiId];
    const integrations = new Map(
      (read?.integrations ?? []).flatMap((i) => (i.IntegrationId ? [[i.IntegrationId, i] as const] : [])),
    );
    const routes = read?.routes.map((r) => {
      // "integrations/abc123" names the route's integration.
      const integration = r.Target?.startsWith("integrations/")
        ? integrations.get(r.Target.slice(13))
        : undefined;
      return {
        route: r.RouteKey ?? "",
        ...(r.AuthorizationType !== undefined ? { authorizationType: r.AuthorizationType } : {}),
        ...(r.ApiKeyRequired !== undefined ? { apiKeyRequired: r.ApiKeyRequired } : {}),
        target: integrationTarget(integration?.IntegrationUri) ?? null,
      };
    });
    out.add<ResourceOf<"AWS::ApiGatewayV2::Api">>({
      id,
      type: "AWS::ApiGatewayV2::Api",
      account,
      region,
      name: nameOf(tags, a.Name ?? a.ApiId) ?? a.ApiId,
      tags,
      props: {
        apiId: a.ApiId,
        protocolType: a.ProtocolType ?? "",
        apiEndpoint: a.ApiEndpoint ?? null,
        ...(a.DisableExecuteApiEndpoint !== undefined
          ? { disableExecuteApiEndpoint: a.DisableExecuteApiEndpoint }
          : {}),
        ...(routes ? { routes } : {}),
      },
    });
    // Lambda functions and load balancer listeners (through a VPC link) the routes call.
    for (const t of new Set((routes ?? []).flatMap((r) => (r.target?.startsWith("arn:") ? [r.target] : []))))
      out.edge(id, t, "targets");
  }
  return out.result();
}
