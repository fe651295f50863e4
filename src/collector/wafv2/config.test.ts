import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import type { Coverage } from "../../model/snapshot.ts";
import { runChecks } from "../../rules/engine.ts";
import { RULES } from "../../rules/index.ts";
import { assembleSnapshot } from "../assemble.ts";
import { configCoverage } from "../config/coverage.ts";
import type { ConfigItem } from "../config/item.ts";
import { normalizeConfigItems } from "../config/normalize.ts";
import { ACCOUNT, item, REGION } from "../config/test-item.ts";

// A regional web ACL's AWS Config item names no resource it protects (its relationships, when an item has
// any, do): "protects nothing" is then unknown, and an internet-facing ALB is not reported unprotected.

const LB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web/0123456789abcdef`;
const ACL = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/edge/11111111-2222-3333-4444-555555555555`;

const alb = item({
  resourceType: "AWS::ElasticLoadBalancingV2::LoadBalancer",
  resourceId: LB,
  arn: LB,
  resourceName: "web",
  configuration: {
    loadBalancerArn: LB,
    loadBalancerName: "web",
    type: "application",
    scheme: "internet-facing",
    vpcId: "vpc-1",
    dNSName: "web-1.eu-west-1.elb.amazonaws.com",
    ipAddressType: "ipv4",
    availabilityZones: [{ zoneName: "eu-west-1a", subnetId: "subnet-1" }],
    securityGroups: [],
  },
});
const acl = (over: Partial<ConfigItem>) =>
  item({
    resourceType: "AWS::WAFv2::WebACL",
    resourceId: "11111111-2222-3333-4444-555555555555",
    arn: ACL,
    resourceName: "edge",
    configuration: { name: "edge", id: "11111111-2222-3333-4444-555555555555", arn: ACL, rules: [] },
    ...over,
  });

function checks(items: ConfigItem[]) {
  const out = normalizeConfigItems(items);
  const queries: Coverage[] = [{ account: ACCOUNT, region: REGION, service: "config", status: "scanned" }];
  const { snapshot } = assembleSnapshot({
    resources: out.resources,
    edges: out.edges,
    coverage: [...queries, ...configCoverage(queries)],
    accounts: [ACCOUNT],
    regions: [REGION],
    source: "aws-config",
    scannedAt: new Date("2026-11-01T00:00:00Z"),
  });
  return { snapshot, ...runChecks(RULES, new Graph(snapshot)) };
}

describe("WAFv2 from AWS Config", () => {
  it("leaves a regional web ACL's associations unknown without relationships: alb-without-waf is unverified", () => {
    const r = checks([alb, acl({})]);
    expect(r.snapshot.resources.find((x) => x.id === ACL)?.props).not.toHaveProperty(
      "associatedResourceArns",
      expect.anything(),
    );
    expect(r.findings.filter((f) => f.ruleId === "alb-without-waf")).toEqual([]);
    expect(r.unverified.find((u) => u.ruleId === "alb-without-waf")?.missing).toEqual([
      'the resources web ACL "edge" protects are not recorded (an AWS Config item without relationships)',
    ]);
  });

  it("reads the load balancers an item's relationships name", () => {
    const r = checks([
      alb,
      acl({
        relationships: [
          {
            resourceType: "AWS::ElasticLoadBalancingV2::LoadBalancer",
            resourceId: LB,
            name: "Is associated with LoadBalancerV2",
          },
        ],
      }),
    ]);
    expect(r.snapshot.edges).toContainEqual({ from: ACL, to: LB, kind: "protects" });
    expect(r.findings.filter((f) => f.ruleId === "alb-without-waf")).toEqual([]);
    expect(r.unverified.filter((u) => u.ruleId === "alb-without-waf")).toEqual([]);
  });
});
