import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Elbv2Raw, normalizeElbv2 } from "./elbv2.ts";

const where = { account: "123456789012", region: "us-east-2" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata/elbv2", `${name}.json`), "utf8")) as T;
const raw = (p: Partial<Elbv2Raw>): Elbv2Raw => ({
  loadBalancers: [],
  listeners: [],
  targetGroups: [],
  targetHealth: {},
  tags: {},
  ...p,
});

describe("normalizeElbv2 on recorded responses", () => {
  it("listeners: redirects, weighted forwards to several target groups, certificates, TLS policy", () => {
    const { resources, edges } = normalizeElbv2(
      raw({ listeners: recorded<{ Listeners: Elbv2Raw["listeners"] }>("DescribeListeners_1").Listeners }),
      where,
    );
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
    expect(edges.filter((e) => e.kind === "targets").map((e) => e.to.split(":").pop())).toEqual([
      "listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2",
      "listener/app/shop/50dc6c495c0c9188/0467ef3c8400ae65",
      "targetgroup/blue/943f017f100becff",
      "targetgroup/green/73e2d6bc24d8a067",
    ]);
  });

  it("load balancers: an internal NLB without security groups, named by its own name", () => {
    const { resources, edges } = normalizeElbv2(
      raw({
        loadBalancers: recorded<{ LoadBalancers: Elbv2Raw["loadBalancers"] }>("DescribeLoadBalancers_1")
          .LoadBalancers,
      }),
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
});
