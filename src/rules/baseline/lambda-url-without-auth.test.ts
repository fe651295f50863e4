import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { account, findingsOf, NOW } from "../test-helpers.ts";
import rule from "./lambda-url-without-auth.ts";

describe("lambda-url-without-auth", () => {
  it("reports a function URL with AuthType NONE, not an IAM one nor a function without URL", () => {
    const { b, a } = account();
    a.lambda("webhook", { url: "NONE" });
    a.lambda("internal", { url: "AWS_IAM" });
    a.lambda("batch");
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ["high", 'Lambda function "webhook" has a function URL that anyone can invoke (AuthType NONE).'],
    ]);
    expect(f[0]?.evidence[1]).toBe("AuthType is NONE");
  });

  it("names the alias whose URL is open", () => {
    const { b, a } = account();
    const fn = a.lambda("api");
    fn.props.functionUrls = [
      { url: "https://abc.lambda-url.us-east-2.on.aws/", authType: "NONE", qualifier: "live" },
    ];
    expect(findingsOf(rule, b).map((x) => x.message)).toEqual([
      'Lambda function "api" has a function URL on alias live that anyone can invoke (AuthType NONE).',
    ]);
  });

  it("is unverified when the URLs were not read (AWS Config records none)", () => {
    const { b, a } = account();
    const fn = a.lambda("from-config");
    delete fn.props.functionUrls;
    const { findings, unverified } = runChecks([rule], new Graph(b.build()), { now: NOW });
    expect(findings).toEqual([]);
    expect(unverified.map((u) => u.missing)).toEqual([
      ['function URLs of Function "from-config" is not recorded'],
    ]);
  });
});
