import { describe, expect, it } from "vitest";
import { type AccountBuilder, SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import elbv2 from "../../src/collector/elbv2/api.ts";
import { SERVICES } from "../../src/collector/services.ts";
import wafv2 from "../../src/collector/wafv2/api.ts";
import type { ResourceOf } from "../../src/model/snapshot.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { elbv2Handler } from "../aws-endpoint/services/elbv2.ts";
import { wafv2Handler } from "../aws-endpoint/services/waf-acm.ts";
import type { RequestContext, ServiceHandler } from "../aws-endpoint/types.ts";
import { EC2_TYPES, roundTrip } from "./roundtrip.ts";

const ACCOUNT = "123456789012";
/** us-east-1: the one region whose scan also reads CloudFront-scope web ACLs. */
const REGION = "us-east-1";
/** Unused target groups added so that DescribeTags needs more than one batch of 20 ARNs. */
const SPARE_GROUPS = 14;

/**
 * A shop behind an internet-facing ALB (HTTP → HTTPS redirect; HTTPS with an ACM certificate, forwarding
 * to a blue and a green target group) and an internal NLB without security groups, instance and IP
 * targets, a regional web ACL on the ALB, unattached regional ACLs and a CloudFront-scope ACL.
 */
function shop(
  extra?: (a: AccountBuilder, alb: ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer">) => void,
) {
  const b = new SnapshotBuilder("test:elbv2-wafv2");
  const a = b.in(ACCOUNT, REGION);
  const v = a.vpc("shop", { cidr: "10.0.0.0/16" });
  const igw = a.internetGateway(v, "igw");
  const pubA = a.subnet(v, "pub-a", { cidr: "10.0.0.0/24", az: "us-east-1a" });
  const pubB = a.subnet(v, "pub-b", { cidr: "10.0.1.0/24", az: "us-east-1b" });
  const appA = a.subnet(v, "app-a", { cidr: "10.0.10.0/24", az: "us-east-1a" });
  const appB = a.subnet(v, "app-b", { cidr: "10.0.11.0/24", az: "us-east-1b" });
  a.routeTable(v, "public", { subnets: [pubA, pubB], routes: [{ destination: "0.0.0.0/0", via: igw }] });
  const albSg = a.securityGroup(v, "alb", { ingress: [tcp(443, "0.0.0.0/0"), tcp(80, "0.0.0.0/0")] });
  const appSg = a.securityGroup(v, "app", { ingress: [tcp(8080, albSg), tcp(9000, "10.0.0.0/16")] });
  const app1 = a.instance(appA, "app-1", { securityGroups: [appSg] });
  const app2 = a.instance(appB, "app-2", { securityGroups: [appSg] });

  const blue = a.targetGroup(v, "blue", { port: 8080, targets: [app1, app2] });
  const green = a.targetGroup(v, "green", { port: 8080, targets: [app2] });
  const tcpApp = a.targetGroup(v, "tcp-app", { port: 9000, protocol: "TCP", targets: [app1] });
  a.targetGroup(v, "pods", { port: 9000, protocol: "TCP", targetType: "ip", targets: ["10.0.10.50"] });
  for (let i = 0; i < SPARE_GROUPS; i++) {
    const tg = a.targetGroup(v, `spare-${i}`, { port: 80 });
    // The builder has no tag option for target groups; the last spare lands in the second DescribeTags batch.
    if (i === SPARE_GROUPS - 1) tg.tags.Purpose = "canary <next>";
  }

  const cert = a.certificate("shop.example.com");
  const alb = a.loadBalancer(v, "shop", {
    scheme: "internet-facing",
    subnets: [pubA, pubB],
    securityGroups: [albSg],
    tags: { Team: "web & ops" },
  });
  a.listener(alb, { protocol: "HTTP", port: 80, redirectToHttps: true });
  const https = a.listener(alb, {
    protocol: "HTTPS",
    port: 443,
    forwardTo: blue,
    certificate: cert,
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  });
  // A weighted blue/green forward: the builder's listener forwards to one group, so the second is added
  // here the way AWS reports it (ForwardConfig with both groups, the listener → group edge, the group's LB).
  https.props.defaultActions[0]?.targetGroupArns.push(green.id);
  b.edge(https, green, "targets");
  green.props.loadBalancerArns.push(alb.id);
  https.tags.Owner = "payments";
  // A third listener: the ALB's listeners take two pages at the endpoint's page size of 2.
  a.listener(alb, { protocol: "HTTP", port: 8080, forwardTo: green });

  const nlb = a.loadBalancer(v, "inner", {
    scheme: "internal",
    type: "network",
    subnets: [appA, appB],
    securityGroups: [],
  });
  a.listener(nlb, { protocol: "TCP", port: 9000, forwardTo: tcpApp });

  a.webAcl("shop-waf", { protects: [alb], tags: { Team: "security" } });
  // Two unattached regional ACLs, so that the regional list takes two pages of 2.
  a.webAcl("spare-waf", { protects: [], rules: [] });
  a.webAcl("staging-waf", { protects: [], rules: ["AWSManagedRulesKnownBadInputsRuleSet"] });
  a.webAcl("edge-waf", {
    scope: "CLOUDFRONT",
    protects: [],
    rules: ["AWSManagedRulesAmazonIpReputationList"],
  });
  extra?.(a, alb);
  return b.build();
}

const TYPES = new Set([
  ...EC2_TYPES,
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::ElasticLoadBalancingV2::Listener",
  "AWS::ElasticLoadBalancingV2::TargetGroup",
  "AWS::WAFv2::WebACL",
]);
const SCAN = {
  handlers: [ec2Handler, elbv2Handler, wafv2Handler],
  services: ["ec2", "elbv2", "wafv2"],
  types: TYPES,
};

describe("ELBv2 and WAFv2 collectors against the loopback endpoint", () => {
  it("are the registered elbv2 and wafv2 modules", () => {
    expect(SERVICES).toContain(elbv2);
    expect(SERVICES).toContain(wafv2);
  });

  it("scan back load balancers, listeners, target groups, targets and web ACLs exactly", async () => {
    const { expected, actual, result, endpoint } = await roundTrip(shop(), SCAN);
    expect(result.snapshot.coverage.map((c) => `${c.service}:${c.region}:${c.status}`).sort()).toEqual([
      "ec2:us-east-1:scanned",
      "elbv2:us-east-1:scanned",
      "wafv2:us-east-1:scanned",
    ]);
    expect(actual).toEqual(expected);

    const of = <T extends string>(type: T) => actual.resources.filter((r) => r.type === type);
    expect(of("AWS::ElasticLoadBalancingV2::Listener")).toHaveLength(4);
    expect(of("AWS::ElasticLoadBalancingV2::TargetGroup")).toHaveLength(4 + SPARE_GROUPS);
    expect(
      of("AWS::WAFv2::WebACL")
        .map((r) => `${r.name}@${r.region}`)
        .sort(),
    ).toEqual(["edge-waf@global", "shop-waf@us-east-1", "spare-waf@us-east-1", "staging-waf@us-east-1"]);
    // What reachability walks: ALB → listener → both groups → instances, and the ACL in front of the ALB.
    const targets = actual.edges
      .filter((e) => e.kind === "targets")
      .map((e) => `${short(e.from)} → ${short(e.to)}`);
    expect(targets).toEqual(
      expect.arrayContaining([
        "shop → listener",
        "listener → blue",
        "listener → green",
        "blue → instance",
        "inner → listener",
      ]),
    );
    expect(actual.edges.filter((e) => e.kind === "protects").map((e) => short(e.to))).toEqual(["shop"]);
    // ENIs the load balancers created are tied to them by their "ELB app/…" description.
    const lbEnis = (of("AWS::EC2::NetworkInterface") as ResourceOf<"AWS::EC2::NetworkInterface">[]).filter(
      (r) => r.props.attachedTo?.includes(":loadbalancer/"),
    );
    expect(lbEnis.map((r) => short(r.props.attachedTo ?? "")).sort()).toEqual([
      "inner",
      "inner",
      "shop",
      "shop",
    ]);
    // 2 load balancers + 4 listeners + 18 target groups = 24 ARNs: two DescribeTags calls, not 24 or 1.
    expect(endpoint.calls.get("elasticloadbalancing:DescribeTags")).toBe(2);
    // Listeners per load balancer, in pages of 2 (the endpoint's page size here): 2 pages + 1.
    expect(endpoint.calls.get("elasticloadbalancing:DescribeListeners")).toBe(3);
    // Both scopes listed: 3 regional ACLs in two pages of 2, 1 CloudFront-scope ACL in one.
    expect(endpoint.calls.get("wafv2:ListWebACLs")).toBe(3);
    // No association lookup for the CloudFront-scope ACL: WAFv2 cannot answer it.
    expect(endpoint.calls.get("wafv2:ListResourcesForWebACL")).toBe(3);
  });

  it("asks for the largest pages each API allows", async () => {
    const asked: string[] = [];
    const spy = (h: ServiceHandler, param: string): ServiceHandler => ({
      ...h,
      operations: Object.fromEntries(
        Object.entries(h.operations).map(([name, op]) => [
          name,
          {
            ...op,
            handle: (ctx: RequestContext) => {
              if (op.paging) asked.push(`${name}:${String(ctx.params[param])}`);
              return op.handle(ctx);
            },
          },
        ]),
      ),
    });
    await roundTrip(shop(), {
      ...SCAN,
      handlers: [ec2Handler, spy(elbv2Handler, "PageSize"), spy(wafv2Handler, "Limit")],
    });
    expect([...new Set(asked)].sort()).toEqual([
      "DescribeListeners:400",
      "DescribeLoadBalancers:400",
      "DescribeTargetGroups:400",
      "ListWebACLs:100",
    ]);
  });

  it("cannot recover a CloudFront-scope ACL's distributions: WAFv2 has no call for them", async () => {
    const fixture = shop((a, alb) => {
      const cdn = a.distribution("shop-cdn", { origins: [alb] });
      a.webAcl("cdn-waf", { scope: "CLOUDFRONT", protects: [cdn] });
    });
    const { expected, actual } = await roundTrip(fixture, SCAN);
    const name = (r: { name?: string }) => r.name === "cdn-waf";
    const want = expected.resources.find(name) as ResourceOf<"AWS::WAFv2::WebACL"> | undefined;
    const got = actual.resources.find(name) as ResourceOf<"AWS::WAFv2::WebACL"> | undefined;
    expect(want?.props.associatedResourceArns).toEqual([expect.stringMatching(/^arn:aws:cloudfront::/)]);
    // The scan sees the ACL, its scope, rules and region, but the association lives on the distribution
    // (WebACLId), which a CloudFront module reads; ListResourcesForWebACL refuses CloudFront.
    expect(got).toEqual({ ...want, props: { ...want?.props, associatedResourceArns: [] } });
    expect(actual.resources.filter((r) => !name(r))).toEqual(expected.resources.filter((r) => !name(r)));
    expect(actual.edges).toEqual(expected.edges);
  });

  it("retries throttled DescribeTags and GetWebACL with nothing lost", async () => {
    const { expected, actual, endpoint } = await roundTrip(shop(), {
      ...SCAN,
      faults: [
        { kind: "throttle", service: "elasticloadbalancing", operation: "DescribeTags", times: 2 },
        { kind: "throttle", service: "wafv2", operation: "GetWebACL", times: 3 },
      ],
    });
    expect(actual).toEqual(expected);
    expect(endpoint.calls.get("elasticloadbalancing:DescribeTags")).toBe(2 + 2);
    expect(endpoint.calls.get("wafv2:GetWebACL")).toBe(4 + 3);
  });
});

/** "shop" for the ALB, "blue" for a target group, "listener"/"instance" for the rest: readable edge lists. */
function short(arn: string): string {
  const m = /:(loadbalancer|targetgroup)\/(?:(?:app|net)\/)?([^/]+)\//.exec(arn);
  if (m?.[2]) return m[2];
  if (arn.includes(":listener/")) return "listener";
  if (arn.includes(":instance/")) return "instance";
  return arn;
}
