import type { Resource as ApiResource, RestApi } from "@aws-sdk/client-api-gateway";
import pLimit from "p-limit";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf } from "../util.ts";

export interface ApiGatewayRaw {
  /** GetRestApis: each API carries its tags. */
  apis: RestApi[];
  /**
   * GetResources (with methods embedded) by REST API id; absent when not read at all (AWS Config), and an
   * API missing from it had its resources not read (a dump without its file).
   */
  resources?: Record<string, ApiResource[]>;
}

export const restApiArn = (region: string, id: string) => `arn:aws:apigateway:${region}::/restapis/${id}`;

/** The Lambda function an integration URI invokes ("arn:aws:apigateway:…:lambda:path/…/functions/ARN/invocations"). */
export function integrationTarget(uri: string | undefined): string | null {
  if (!uri) return null;
  const fn = /:lambda:path\/[^/]+\/functions\/(arn:aws[^/]*:lambda:[^/]+)\/invocations/.exec(uri);
  return fn?.[1] ?? uri;
}

const CONCURRENCY = 4;

export default defineService<ApiGatewayRaw>({
  service: "apigateway",
  global: false,
  concurrency: CONCURRENCY,
  operations: [
    { command: "GetRestApis", iam: ["apigateway:GET"] },
    { command: "GetResources", iam: ["apigateway:GET"] },
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.APIGatewayClient);
    // 500 is both operations' maximum page size.
    const apis = await all(sdk.paginateGetRestApis({ client, pageSize: 500 }, {}), (p) => p.items);
    const limit = pLimit(CONCURRENCY);
    const resources: Record<string, ApiResource[]> = {};
    await Promise.all(
      apis.map((a) =>
        limit(async () => {
          if (!a.id) return;
          resources[a.id] = await all(
            sdk.paginateGetResources({ client, pageSize: 500 }, { restApiId: a.id, embed: ["methods"] }),
            (p) => p.items,
          );
        }),
      ),
    );
    return { apis, resources };
  },

  normalize: normalizeApiGateway,
});

/** Pure: GetRestApis (+ resources and their methods) → REST APIs with their routes; API → Lambda edges. */
export function normalizeApiGateway(raw: ApiGatewayRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  for (const a of raw.apis) {
    if (!a.id) continue;
    const id = restApiArn(region, a.id);
    const tags = { ...(a.tags ?? {}) };
    const items = raw.resources?.[a.id];
    const routes = items?.flatMap((r) =>
      Object.entries(r.resourceMethods ?? {}).map(([verb, m]) => ({
        route: `${m.httpMethod ?? verb} ${r.path ?? "/"}`,
        ...(m.authorizationType !== undefined ? { authorizationType: m.authorizationType } : {}),
        ...(m.apiKeyRequired !== undefined ? { apiKeyRequired: m.apiKeyRequired } : {}),
        target: integrationTarget(m.methodIntegration?.uri),
      })),
    );
    out.add<ResourceOf<"AWS::ApiGateway::RestApi">>({
      id,
      type: "AWS::ApiGateway::RestApi",
      account,
      region,
      name: nameOf(tags, a.name ?? a.id) ?? a.id,
      tags,
      props: {
        restApiId: a.id,
        ...(a.endpointConfiguration?.types ? { endpointTypes: a.endpointConfiguration.types } : {}),
        ...(a.disableExecuteApiEndpoint !== undefined
          ? { disableExecuteApiEndpoint: a.disableExecuteApiEndpoint }
          : {}),
        ...(routes ? { routes } : {}),
      },
    });
    for (const t of new Set((routes ?? []).flatMap((r) => (r.target?.startsWith("arn:") ? [r.target] : []))))
      out.edge(id, t, "targets");
  }
  return out.result();
}
