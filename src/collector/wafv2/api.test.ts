import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type {
  GetWebACLResponse,
  ListResourcesForWebACLResponse,
  ListTagsForResourceResponse,
  ListWebACLsResponse,
} from "@aws-sdk/client-wafv2";
import { describe, expect, it } from "vitest";
import { normalizeWafv2, type WafScope, type Wafv2Raw } from "./api.ts";

/** A recorded response: the SDK output, plus "_case" (what it shows) and "_request" (what was asked). */
type Recorded<T> = T & { _case: string; _request?: Record<string, unknown> };
const recorded = <T>(name: string): Recorded<T> =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as Recorded<T>;

/** Assembles what fetch returns from the recorded calls, matching each per-ACL answer to its ACL by request. */
function rawFrom(
  scope: WafScope,
  list: string,
  per: { get: string[]; resources: string[]; tags: string[] },
): Wafv2Raw["acls"] {
  const find = <T>(names: string[], key: string, value: unknown) =>
    names.map((n) => recorded<T>(n)).find((r) => r._request?.[key] === value);
  return (recorded<ListWebACLsResponse>(list).WebACLs ?? []).map((summary) => ({
    scope,
    summary,
    acl: find<GetWebACLResponse>(per.get, "Id", summary.Id)?.WebACL,
    resources:
      find<ListResourcesForWebACLResponse>(per.resources, "WebACLArn", summary.ARN)?.ResourceArns ?? [],
    tags:
      find<ListTagsForResourceResponse>(per.tags, "ResourceARN", summary.ARN)?.TagInfoForResource?.TagList ??
      [],
  }));
}

describe("normalizeWafv2 on recorded responses", () => {
  const regional = rawFrom("REGIONAL", "ListWebACLs_1", {
    get: ["GetWebACL_1", "GetWebACL_2"],
    resources: ["ListResourcesForWebACL_1", "ListResourcesForWebACL_2"],
    tags: ["ListTagsForResource_1"],
  });

  it("a regional ACL: default action, rule names in priority order, tags, the ALBs it protects", () => {
    const { resources, edges } = normalizeWafv2(
      { acls: regional },
      { account: "123456789012", region: "us-east-2" },
    );
    const shop = resources[0];
    expect(shop).toEqual({
      id: "arn:aws:wafv2:us-east-2:123456789012:regional/webacl/shop-waf/a1b2c3d4-5678-90ab-cdef-111111111111",
      type: "AWS::WAFv2::WebACL",
      account: "123456789012",
      region: "us-east-2",
      name: "shop-waf",
      tags: { Environment: "production", Owner: "<security & compliance>" },
      props: {
        webAclId: "a1b2c3d4-5678-90ab-cdef-111111111111",
        scope: "REGIONAL",
        defaultAction: "allow",
        ruleNames: ["AWS-AWSManagedRulesCommonRuleSet", "AWS-AWSManagedRulesSQLiRuleSet", "rate-limit"],
        associatedResourceArns: [
          "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/shop/50dc6c495c0c9188",
          "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/portal/7b8c9d0e1f2a3b4c",
        ],
      },
    });
    expect(edges).toEqual([
      { from: shop?.id, to: expect.stringContaining(":loadbalancer/app/shop/"), kind: "protects" },
      { from: shop?.id, to: expect.stringContaining(":loadbalancer/app/portal/"), kind: "protects" },
    ]);
  });

  it("missing optional fields: a blocking ACL without Rules, tags or associations", () => {
    const { resources } = normalizeWafv2(
      { acls: regional },
      { account: "123456789012", region: "us-east-2" },
    );
    expect(resources[1]).toMatchObject({
      name: "lockdown",
      tags: {},
      props: { defaultAction: "block", ruleNames: [], associatedResourceArns: [] },
    });
  });

  it("a CLOUDFRONT-scope ACL is global, and protects nothing WAFv2 can tell (distributions name their ACL)", () => {
    const acls = rawFrom("CLOUDFRONT", "ListWebACLs_2", {
      get: ["GetWebACL_3"],
      resources: [],
      tags: ["ListTagsForResource_2"],
    });
    const { resources, edges } = normalizeWafv2({ acls }, { account: "123456789012", region: "us-east-1" });
    expect(resources).toEqual([
      {
        id: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge-waf/b2c3d4e5-6789-0abc-def1-333333333333",
        type: "AWS::WAFv2::WebACL",
        account: "123456789012",
        region: "global",
        name: "edge-waf",
        tags: {},
        props: {
          webAclId: "b2c3d4e5-6789-0abc-def1-333333333333",
          scope: "CLOUDFRONT",
          defaultAction: "allow",
          ruleNames: ["AWS-AWSManagedRulesAmazonIpReputationList"],
          associatedResourceArns: [],
        },
      },
    ]);
    expect(edges).toEqual([]);
  });

  it("a summary without an ARN or Id is not a resource; a Name tag names the ACL", () => {
    const { resources } = normalizeWafv2(
      {
        acls: [
          { scope: "REGIONAL", summary: { Name: "half" }, acl: undefined, resources: [], tags: [] },
          {
            scope: "REGIONAL",
            summary: {
              Name: "n",
              Id: "id-1",
              ARN: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/n/id-1",
            },
            acl: undefined,
            resources: [],
            tags: [{ Key: "Name", Value: "Public API shield" }],
          },
        ],
      },
      { account: "123456789012", region: "eu-west-1" },
    );
    expect(resources.map((r) => [r.name, r.props])).toEqual([
      [
        "Public API shield",
        {
          webAclId: "id-1",
          scope: "REGIONAL",
          // Without GetWebACL's answer the default action is unknown, not "allow".
          defaultAction: undefined,
          ruleNames: [],
          associatedResourceArns: [],
        },
      ],
    ]);
  });

  it("every recorded response says what case it shows and what was asked", () => {
    const names = readdirSync(join(import.meta.dirname, "testdata")).filter((f) => f.endsWith(".json"));
    expect(names.length).toBeGreaterThanOrEqual(9);
    for (const f of names) {
      const r = recorded<object>(f.replace(/\.json$/, ""));
      expect(r._case).toMatch(/\w{3,}/);
      expect(r._request).toBeDefined();
    }
  });
});
