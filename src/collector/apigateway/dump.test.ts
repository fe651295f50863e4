import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPaths } from "../import/index.ts";
import { ACCOUNT, dump } from "../import/test-dump.ts";

const recorded = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as Record<
    string,
    unknown
  >;

describe("API Gateway REST APIs from an AWS CLI dump", () => {
  const at = (f: string) => `${ACCOUNT}/us-east-1/${f}`;

  it("reads each API's apigateway-get-resources/<id>; an API without it keeps its routes unknown, coverage partial", async () => {
    const root = await dump({
      [at("apigateway-get-rest-apis.json")]: recorded("GetRestApis_1"),
      [at("apigateway-get-resources/5xhc1cnb7h")]: recorded("GetResources_1"),
    });
    const { snapshot } = await importPaths([root]);
    const apis = snapshot.resources.filter((r) => r.type === "AWS::ApiGateway::RestApi");
    expect(
      apis.map((a) => [a.name, (a.props as { routes?: { route: string }[] }).routes?.map((r) => r.route)]),
    ).toEqual([
      ["sphere11", ["ANY /{proxy+}", "OPTIONS /{proxy+}", "ANY /"]],
      ["testapi", undefined],
    ]);
    expect(snapshot.coverage.find((c) => c.service === "apigateway")).toMatchObject({
      status: "partial",
      notRecorded: ["AWS::ApiGateway::RestApi.routes"],
    });
  });

  it("CloudMapper's collect (get-rest-apis only) gives the APIs, their routes not recorded", async () => {
    const { snapshot } = await importPaths([
      await dump({ [at("apigateway-get-rest-apis.json")]: recorded("GetRestApis_1") }),
    ]);
    expect(snapshot.resources.filter((r) => r.type === "AWS::ApiGateway::RestApi")).toHaveLength(2);
    expect(snapshot.coverage.find((c) => c.service === "apigateway")?.status).toBe("partial");
  });
});
