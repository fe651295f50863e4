import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { account, findingsOf, NOW } from "../test-helpers.ts";
import rule from "./api-gateway-route-without-auth.ts";

describe("api-gateway-route-without-auth", () => {
  it("names the routes anyone can call: not authorized ones, not OPTIONS, not API-key ones, not a PRIVATE API", () => {
    const { b, a } = account();
    const fn = a.lambda("orders");
    a.restApi("shop", {
      routes: [
        { route: "GET /orders", auth: "COGNITO_USER_POOLS", target: fn },
        { route: "POST /orders", auth: "NONE", target: fn },
        { route: "OPTIONS /orders", auth: "NONE" },
        { route: "GET /health", auth: "NONE", apiKey: true },
      ],
    });
    a.restApi("internal", { endpointTypes: ["PRIVATE"], routes: [{ route: "ANY /{proxy+}", auth: "NONE" }] });
    a.httpApi("webhooks", {
      routes: [
        { route: "POST /hooks", target: fn },
        { route: "$default", auth: "JWT" },
      ],
    });
    a.httpApi("secure", { routes: [{ route: "$default", auth: "AWS_IAM" }] });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.message]).sort()).toEqual([
      ["high", 'API "shop" has a route anyone can call without authorization: POST /orders.'],
      ["high", 'API "webhooks" has a route anyone can call without authorization: POST /hooks.'],
    ]);
    expect(f.find((x) => x.message.includes("shop"))?.evidence[0]).toBe(
      `POST /orders: authorizationType NONE, calls ${fn.id}`,
    );
  });

  it("is unverified when routes were not read (AWS Config), or a route's authorization was not", () => {
    const { b, a } = account();
    const fromConfig = a.httpApi("from-config", { routes: [] });
    delete fromConfig.props.routes;
    const rest = a.restApi("no-embed", { routes: [{ route: "ANY /" }] });
    delete rest.props.routes?.[0]?.authorizationType;
    const { findings, unverified } = runChecks([rule], new Graph(b.build()), { now: NOW });
    expect(findings).toEqual([]);
    expect(unverified.map((u) => u.missing).sort()).toEqual([
      ['authorizationType of route ANY / of API "no-embed" is not recorded'],
      ['routes of Api "from-config" is not recorded'],
    ]);
  });
});
