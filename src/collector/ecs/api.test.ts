import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type EcsRaw, normalizeEcs } from "./api.ts";

const where = { account: "123456789012", region: "us-east-1" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;

const raw: EcsRaw = {
  clusters: recorded<{ clusters: EcsRaw["clusters"] }>("DescribeClusters_1").clusters,
  services: recorded<{ services: EcsRaw["services"] }>("DescribeServices_1").services,
  tasks: recorded<{ tasks: EcsRaw["tasks"] }>("DescribeTasks_1").tasks,
};
const API = "arn:aws:ecs:us-east-1:123456789012:service/shop/api";
const SHOP = "arn:aws:ecs:us-east-1:123456789012:cluster/shop";
const eni = (id: string) => `arn:aws:ec2:us-east-1:123456789012:network-interface/${id}`;

const MIGRATE = "arn:aws:ecs:us-east-1:123456789012:task/shop/2b3c4d5e6f708192a3b4c5d6e7f8091a";

describe("normalizeEcs on recorded responses", () => {
  const { resources, edges } = normalizeEcs(raw, where);

  it("reads clusters' tags ({key, value}), capacity providers and Container Insights (enhanced is on)", () => {
    expect(resources.slice(0, 2)).toEqual([
      {
        id: SHOP,
        type: "AWS::ECS::Cluster",
        account: "123456789012",
        region: "us-east-1",
        name: "shop",
        tags: { Environment: "production", Application: "shop" },
        props: {
          clusterName: "shop",
          status: "ACTIVE",
          capacityProviders: ["FARGATE", "FARGATE_SPOT"],
          containerInsights: true,
        },
      },
      expect.objectContaining({
        name: "batch-hosts",
        props: expect.objectContaining({ containerInsights: false }),
      }),
    ]);
  });

  it("places a Fargate service in its cluster with its network configuration and target group", () => {
    expect(resources[2]).toEqual({
      id: API,
      type: "AWS::ECS::Service",
      account: "123456789012",
      region: "us-east-1",
      name: "api",
      tags: { Environment: "production", Role: "api" },
      parent: SHOP,
      props: {
        serviceName: "api",
        clusterArn: SHOP,
        launchType: "FARGATE",
        desiredCount: 2,
        runningCount: 2,
        taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:42",
        networkConfiguration: {
          subnetIds: ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"],
          securityGroupIds: ["sg-0a0a0a0a0a0a0a0a0"],
          assignPublicIp: false,
        },
        loadBalancers: [
          {
            targetGroupArn:
              "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/73e2d6bc24d8a067",
            containerName: "api",
            containerPort: 3000,
          },
        ],
      },
    });
  });

  it("keeps a capacity-provider service on EC2 hosts without a launch type or awsvpc configuration", () => {
    expect(resources[3]?.props).toMatchObject({
      launchType: null,
      networkConfiguration: null,
      loadBalancers: [],
    });
  });

  it("links cluster → service, service → group, target group → service, and each service task's ENI → service", () => {
    expect(edges).toEqual([
      { from: SHOP, to: API, kind: "contains" },
      {
        from: API,
        to: "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0a0a0a0a0a0a0a0a0",
        kind: "uses",
      },
      {
        from: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/73e2d6bc24d8a067",
        to: API,
        kind: "targets",
      },
      {
        from: "arn:aws:ecs:us-east-1:123456789012:cluster/batch-hosts",
        to: "arn:aws:ecs:us-east-1:123456789012:service/batch-hosts/legacy-worker",
        kind: "contains",
      },
      { from: eni("eni-0a1b2c3d4e5f60718"), to: API, kind: "attached" },
      { from: eni("eni-0b2c3d4e5f6071829"), to: API, kind: "attached" },
      // The standalone task (group family:migrate) belongs to no service: it is a task of its own, on its ENI.
      { from: SHOP, to: MIGRATE, kind: "contains" },
      { from: eni("eni-0c3d4e5f607182930"), to: MIGRATE, kind: "attached" },
    ]);
  });

  it("keeps a task no service accounts for as a task, so its ENI and what reaches it belong to something", () => {
    expect(resources.find((r) => r.id === MIGRATE)).toMatchObject({
      type: "AWS::ECS::Task",
      parent: SHOP,
      props: {
        taskArn: MIGRATE,
        clusterArn: SHOP,
        group: "family:migrate",
        launchType: "FARGATE",
        networkInterfaceIds: ["eni-0c3d4e5f607182930"],
      },
    });
    // Without the services (a CloudMapper dump), a service's task is read the same way.
    const alone = normalizeEcs({ clusters: [], services: [], tasks: raw.tasks }, where);
    expect(alone.resources.map((r) => r.type)).toEqual([
      "AWS::ECS::Task",
      "AWS::ECS::Task",
      "AWS::ECS::Task",
    ]);
    expect(alone.edges.filter((e) => e.kind === "attached")).toHaveLength(3);
  });

  it("never lets container overrides (environment, command) reach the output, though the tasks have them", () => {
    expect(JSON.stringify(raw.tasks)).toContain("ecs-override-secret-do-not-store");
    const text = JSON.stringify(normalizeEcs(raw, where));
    for (const leak of [
      "ecs-override-secret-do-not-store",
      "ecs-command-secret-do-not-store",
      "DATABASE_PASSWORD",
    ])
      expect(text).not.toContain(leak);
  });
});
