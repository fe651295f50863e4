import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type {
  DescribeListenersOutput,
  DescribeLoadBalancerAttributesOutput,
  DescribeLoadBalancersOutput,
  DescribeTagsOutput,
  DescribeTargetGroupsOutput,
  DescribeTargetHealthOutput,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { describe, expect, it } from "vitest";
import type { ResourceOf } from "../../model/snapshot.ts";
import { type Elbv2Raw, normalizeElbv2 } from "./api.ts";

const where = { account: "123456789012", region: "us-east-2" };
/** A recorded response: the SDK output, plus "_case" (what it shows) and, for per-resource calls, "_request". */
type Recorded<T> = T & { _case: string; _request?: Record<string, unknown> };
const recorded = <T>(name: string): Recorded<T> =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as Recorded<T>;
const raw = (p: Partial<Elbv2Raw>): Elbv2Raw => ({
  loadBalancers: [],
  listeners: [],
  targetGroups: [],
  targetHealth: {},
  tags: {},
  attributes: {},
  ...p,
});
const loadBalancers = (name: string) => recorded<DescribeLoadBalancersOutput>(name).LoadBalancers ?? [];
const listeners = (name: string) => recorded<DescribeListenersOutput>(name).Listeners ?? [];
/** DescribeTags answers as the fetch stores them: ARN → tags. */
function tagsFrom(name: string): Elbv2Raw["tags"] {
  const out: Elbv2Raw["tags"] = {};
  for (const d of recorded<DescribeTagsOutput>(name).TagDescriptions ?? [])
    if (d.ResourceArn) out[d.ResourceArn] = d.Tags ?? [];
  return out;
}
/** DescribeTargetHealth answers keyed by the target group they were asked for. */
function healthFrom(...names: string[]): Elbv2Raw["targetHealth"] {
  return Object.fromEntries(
    names.map((n) => {
      const r = recorded<DescribeTargetHealthOutput>(n);
      return [String(r._request?.TargetGroupArn), r.TargetHealthDescriptions ?? []];
    }),
  );
}
/** DescribeLoadBalancerAttributes answers keyed by the load balancer they were asked for. */
function attributesFrom(...names: string[]): Elbv2Raw["attributes"] {
  return Object.fromEntries(
    names.map((n) => {
      const r = recorded<DescribeLoadBalancerAttributesOutput>(n);
      return [String(r._request?.LoadBalancerArn), r.Attributes ?? []];
    }),
  );
}
const tail = (arn: string) => arn.split(":").pop();

describe("normalizeElbv2 on recorded responses", () => {
  it("listeners: redirects, weighted forwards to several target groups, certificates, TLS policy", () => {
    const { resources, edges } = normalizeElbv2(raw({ listeners: listeners("DescribeListeners_1") }), where);
    expect(resources.map((r) => r.name)).toEqual(["shop:80", "shop:443"]);
    expect(resources[0]?.props).toMatchObject({
      protocol: "HTTP",
      defaultActions: [
        {
          type: "redirect",
          targetGroupArns: [],
          redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" },
        },
      ],
    });
    expect(resources[1]?.props).toMatchObject({
      protocol: "HTTPS",
      sslPolicy: "ELBSecurityPolicy-2016-08",
      certificateArns: [expect.stringMatching(/^arn:aws:acm:/)],
      defaultActions: [
        {
          type: "forward",
          targetGroupArns: [
            expect.stringMatching(/targetgroup\/blue\//),
            expect.stringMatching(/targetgroup\/green\//),
          ],
        },
      ],
    });
    // The redirect listener targets no group; the forward targets both.
    expect(edges.filter((e) => e.kind === "targets").map((e) => tail(e.to))).toEqual([
      "listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2",
      "listener/app/shop/50dc6c495c0c9188/0467ef3c8400ae65",
      "targetgroup/blue/943f017f100becff",
      "targetgroup/green/73e2d6bc24d8a067",
    ]);
  });

  it("load balancers: an internal NLB without security groups, named by its own name", () => {
    const { resources, edges } = normalizeElbv2(
      raw({ loadBalancers: loadBalancers("DescribeLoadBalancers_1") }),
      where,
    );
    expect(resources[0]).toMatchObject({
      name: "inner",
      parent: "arn:aws:ec2:us-east-2:123456789012:vpc/vpc-0123456789abcdef0",
      props: {
        loadBalancerType: "network",
        scheme: "internal",
        securityGroupIds: [],
        availabilityZones: ["us-east-2a"],
      },
    });
    expect(edges).toEqual([]);
  });

  it("load balancers: an internet-facing ALB in two AZs, its Name tag as display name, one uses edge per group", () => {
    const { resources, edges } = normalizeElbv2(
      raw({ loadBalancers: loadBalancers("DescribeLoadBalancers_2"), tags: tagsFrom("DescribeTags_1") }),
      where,
    );
    expect(resources).toEqual([
      {
        id: "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/shop/50dc6c495c0c9188",
        type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
        account: "123456789012",
        region: "us-east-2",
        name: "Shop front door",
        tags: { Name: "Shop front door", Environment: "production" },
        parent: "arn:aws:ec2:us-east-2:123456789012:vpc/vpc-0123456789abcdef0",
        props: {
          name: "shop",
          loadBalancerType: "application",
          scheme: "internet-facing",
          vpcId: "vpc-0123456789abcdef0",
          subnetIds: ["subnet-0aaa0000000000001", "subnet-0bbb0000000000002"],
          availabilityZones: ["us-east-2a", "us-east-2b"],
          securityGroupIds: ["sg-0a1b2c3d4e5f60001", "sg-0a1b2c3d4e5f60002"],
          dnsName: "shop-1234567890.us-east-2.elb.amazonaws.com",
          ipAddressType: "dualstack",
        },
      },
    ]);
    expect(edges).toEqual(
      ["sg-0a1b2c3d4e5f60001", "sg-0a1b2c3d4e5f60002"].map((g) => ({
        from: resources[0]?.id,
        to: `arn:aws:ec2:us-east-2:123456789012:security-group/${g}`,
        kind: "uses",
      })),
    );
  });

  it("load balancers: attributes read where answered; a key the answer lacks, or no answer, stays unknown", () => {
    const { resources } = normalizeElbv2(
      raw({
        loadBalancers: [
          ...loadBalancers("DescribeLoadBalancers_1"),
          ...loadBalancers("DescribeLoadBalancers_2"),
          ...loadBalancers("DescribeLoadBalancers_3"),
        ],
        attributes: attributesFrom(
          "DescribeLoadBalancerAttributes_1",
          "DescribeLoadBalancerAttributes_2",
          "DescribeLoadBalancerAttributes_3",
        ),
      }),
      where,
    );
    const pick = (name: string) => {
      const p = (resources.find((r) => (r.props as { name?: string }).name === name)?.props ?? {}) as Record<
        string,
        unknown
      >;
      return [p.accessLogsEnabled, p.deletionProtection, p.dropInvalidHeaderFields];
    };
    expect(pick("inner")).toEqual([true, false, undefined]);
    expect(pick("shop")).toEqual([true, true, undefined]);
    expect(pick("fresh")).toEqual([false, true, false]);
    // No answer at all for a load balancer: none of the three is known.
    const { resources: none } = normalizeElbv2(
      raw({ loadBalancers: loadBalancers("DescribeLoadBalancers_2") }),
      where,
    );
    expect(Object.keys(none[0]?.props ?? {})).not.toContain("accessLogsEnabled");
  });

  it("load balancers: missing optional fields get safe defaults; an entry without a VPC is skipped", () => {
    const { resources } = normalizeElbv2(
      raw({ loadBalancers: loadBalancers("DescribeLoadBalancers_3") }),
      where,
    );
    expect(resources.map((r) => r.name)).toEqual(["fresh"]);
    expect(resources[0]?.props).toEqual({
      name: "fresh",
      loadBalancerType: "application",
      // Unknown exposure is reported as the riskier one, so that no rule misses it.
      scheme: "internet-facing",
      vpcId: "vpc-0123456789abcdef0",
      subnetIds: [],
      availabilityZones: [],
      securityGroupIds: [],
      dnsName: "",
      ipAddressType: "ipv4",
    });
  });

  it("listeners: TargetGroupArn-only forwards, Gateway LB listeners without protocol or port, actions by Order", () => {
    const { resources, edges } = normalizeElbv2(raw({ listeners: listeners("DescribeListeners_2") }), where);
    const ls = resources as ResourceOf<"AWS::ElasticLoadBalancingV2::Listener">[];
    // No load balancer in this response: names come from the load balancer ARN.
    expect(ls.map((l) => l.name)).toEqual(["inner:9000", "inspect:6081", "portal:443", "portal:8080"]);
    expect(ls.map((l) => [l.props.protocol, l.props.port])).toEqual([
      ["TCP", 9000],
      ["GENEVE", 6081],
      ["HTTPS", 443],
      ["HTTP", 8080],
    ]);
    expect(ls[0]?.props.defaultActions).toEqual([
      {
        type: "forward",
        targetGroupArns: [
          "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/tcp-app/6d0ecf831eec9f09",
        ],
        redirect: null,
      },
    ]);
    // The same group in TargetGroupArn and ForwardConfig counts once.
    expect(ls[1]?.props.defaultActions[0]?.targetGroupArns).toHaveLength(1);
    expect(ls[2]?.props.defaultActions.map((a) => a.type)).toEqual(["authenticate-oidc", "forward"]);
    expect(ls[2]?.props.sslPolicy).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
    expect(ls[3]?.props).toMatchObject({
      certificateArns: [],
      sslPolicy: null,
      defaultActions: [{ type: "fixed-response", targetGroupArns: [], redirect: null }],
    });
    expect(ls.every((l) => l.parent === l.props.loadBalancerArn && Object.keys(l.tags).length === 0)).toBe(
      true,
    );
    const toGroups = edges.filter((e) => e.to.includes(":targetgroup/")).map((e) => tail(e.to));
    expect(toGroups).toEqual([
      "targetgroup/tcp-app/6d0ecf831eec9f09",
      "targetgroup/appliances/0a1b2c3d4e5f6a7b",
      "targetgroup/portal/2b3c4d5e6f7a8b9c",
    ]);
  });

  it("listeners carry their tags from DescribeTags", () => {
    const { resources } = normalizeElbv2(
      raw({ listeners: listeners("DescribeListeners_1"), tags: tagsFrom("DescribeTags_1") }),
      where,
    );
    expect(resources.map((r) => r.tags)).toEqual([{}, { Owner: "web & ops" }]);
  });

  it("target groups of every target type, with their registered targets and what each targets", () => {
    const { resources, edges } = normalizeElbv2(
      raw({
        targetGroups: recorded<DescribeTargetGroupsOutput>("DescribeTargetGroups_1").TargetGroups ?? [],
        targetHealth: healthFrom(
          "DescribeTargetHealth_1",
          "DescribeTargetHealth_2",
          "DescribeTargetHealth_3",
          "DescribeTargetHealth_4",
        ),
        tags: tagsFrom("DescribeTags_1"),
      }),
      where,
    );
    const [web, pods, thumbs, toAlb] = resources as ResourceOf<"AWS::ElasticLoadBalancingV2::TargetGroup">[];
    expect(web).toMatchObject({
      name: "web",
      tags: {},
      parent: "arn:aws:ec2:us-east-2:123456789012:vpc/vpc-0123456789abcdef0",
      props: {
        protocol: "HTTP",
        port: 8080,
        targetType: "instance",
        loadBalancerArns: [expect.stringContaining(":loadbalancer/app/shop/")],
        // A draining target is still registered; an AZ AWS does not give stays unknown.
        targets: [
          { id: "i-0aaa1111bbbb22223", port: 8080, availabilityZone: "us-east-2a" },
          { id: "i-0ccc3333dddd44445", port: 8080, availabilityZone: null },
        ],
      },
    });
    expect(pods?.props.targets?.map((t) => [t.id, t.availabilityZone])).toEqual([
      ["10.0.10.23", "us-east-2a"],
      ["192.168.4.7", "all"],
    ]);
    expect(thumbs).not.toHaveProperty("parent");
    expect(thumbs?.props).toMatchObject({
      protocol: null,
      port: null,
      vpcId: null,
      targetType: "lambda",
      loadBalancerArns: [],
      targets: [{ id: "arn:aws:lambda:us-east-2:123456789012:function:thumbs:live", port: null }],
    });
    expect(toAlb?.props.targetType).toBe("alb");
    expect(edges.map((e) => [tail(e.from), e.to, e.kind])).toEqual([
      [
        "targetgroup/web/943f017f100becff",
        "arn:aws:ec2:us-east-2:123456789012:instance/i-0aaa1111bbbb22223",
        "targets",
      ],
      [
        "targetgroup/web/943f017f100becff",
        "arn:aws:ec2:us-east-2:123456789012:instance/i-0ccc3333dddd44445",
        "targets",
      ],
      // IP targets name no resource: no edge. A Lambda alias targets its function.
      [
        "targetgroup/thumbs/1a2b3c4d5e6f7a8b",
        "arn:aws:lambda:us-east-2:123456789012:function:thumbs",
        "targets",
      ],
      [
        "targetgroup/to-alb/9c8b7a6f5e4d3c2b",
        "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/shop/50dc6c495c0c9188",
        "targets",
      ],
    ]);
  });

  it("every recorded response says what case it shows", () => {
    const names = readdirSync(join(import.meta.dirname, "testdata")).filter((f) => f.endsWith(".json"));
    expect(names.length).toBeGreaterThanOrEqual(11);
    for (const f of names) expect(recorded<object>(f.replace(/\.json$/, ""))._case).toMatch(/\w{3,}/);
  });
});
