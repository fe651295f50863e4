import type { ResourceOf } from "../../model/snapshot.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

type Api = ResourceOf<"AWS::ApiGateway::RestApi"> | ResourceOf<"AWS::ApiGatewayV2::Api">;

const MAX_NAMED = 8;

export default defineRule({
  meta: {
    id: "api-gateway-route-without-auth",
    title: "API Gateway route without authorization",
    severity: "high",
    pack: "baseline",
    resourceTypes: ["AWS::ApiGateway::RestApi", "AWS::ApiGatewayV2::Api"],
    what: "A REST API (not PRIVATE) with methods whose authorizationType is NONE and that need no API key, or an HTTP or WebSocket API with routes whose authorizationType is NONE. CORS preflight (OPTIONS) methods are left out.",
    why: "An API Gateway endpoint is on the internet: a route with no authorization lets anyone call the Lambda function, load balancer or service behind it, unless the backend checks every caller itself.",
    fix: "Attach an authorizer to the route (IAM, Cognito, JWT or a Lambda authorizer): aws apigateway update-method --patch-operations op=replace,path=/authorizationType,value=AWS_IAM (REST) or aws apigatewayv2 update-route --authorization-type JWT --authorizer-id ID (HTTP). Keep routes that must be public behind WAF.",
    references: ["FSBP APIGateway.8"],
    problem: "exposure",
    needs: ["AWS::ApiGateway::RestApi.routes", "AWS::ApiGatewayV2::Api.routes"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    const apis: Api[] = [
      ...ctx.graph.ofType("AWS::ApiGateway::RestApi"),
      ...ctx.graph.ofType("AWS::ApiGatewayV2::Api"),
    ];
    for (const api of apis) {
      const rest = api.type === "AWS::ApiGateway::RestApi";
      if (rest && api.props.endpointTypes.length > 0 && api.props.endpointTypes.every((t) => t === "PRIVATE"))
        continue;
      const routes = api.props.routes;
      if (routes === undefined) {
        out.push(unverified(api, [notRecorded(api, rest ? "resources and methods" : "routes")]));
        continue;
      }
      const checked = routes.filter((r) => !r.route.startsWith("OPTIONS "));
      const unknown = checked.filter((r) => r.authorizationType === undefined);
      const open = checked.filter(
        (r) => r.authorizationType === "NONE" && !(rest && r.apiKeyRequired === true),
      );
      if (open.length > 0) {
        const named = open.slice(0, MAX_NAMED).map((r) => r.route);
        const more = open.length - named.length;
        out.push({
          resource: api,
          message: `API ${label(api)} has ${open.length === 1 ? "a route" : `${open.length} routes`} anyone can call without authorization: ${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`,
          evidence: [
            ...open.map((r) => `${r.route}: authorizationType NONE${r.target ? `, calls ${r.target}` : ""}`),
            ...(rest ? [`endpoint type ${api.props.endpointTypes.join(", ") || "not recorded"}`] : []),
            ...(!rest && api.props.apiEndpoint ? [`endpoint ${api.props.apiEndpoint}`] : []),
          ],
        });
      } else if (unknown.length > 0) {
        out.push(
          unverified(
            api,
            unknown.map((r) => `authorizationType of route ${r.route} of API ${label(api)} is not recorded`),
          ),
        );
      }
    }
    return out;
  },
});
