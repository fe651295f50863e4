import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { serializeSnapshot } from "../../src/model/io.ts";
import type { ResourceOf } from "../../src/model/snapshot.ts";
import { autoscalingHandler } from "../aws-endpoint/services/autoscaling.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { ECS_TASK_SECRET, ecsHandler } from "../aws-endpoint/services/ecs.ts";
import { elbv2Handler } from "../aws-endpoint/services/elbv2.ts";
import { LAMBDA_ENV_SECRET, lambdaHandler } from "../aws-endpoint/services/lambda.ts";
import { taggingHandler } from "../aws-endpoint/services/tagging.ts";
import { EC2_TYPES, roundTrip } from "./roundtrip.ts";

/**
 * An ASG of three instances behind an ALB target group; a Fargate cluster with two services, one behind
 * the same ALB; a Lambda in the VPC and one outside it; a Secrets Manager secret no module models.
 */
function account() {
  const b = new SnapshotBuilder("test:compute");
  const a = b.in("123456789012", "eu-west-1");
  const tags = { Environment: "production", Application: "shop" };
  const v = a.vpc("apps", { cidr: "10.7.0.0/16", tags });
  const igw = a.internetGateway(v, "igw");
  const pubA = a.subnet(v, "pub-a", { cidr: "10.7.0.0/24", az: "eu-west-1a" });
  const pubB = a.subnet(v, "pub-b", { cidr: "10.7.1.0/24", az: "eu-west-1b" });
  const appA = a.subnet(v, "app-a", { cidr: "10.7.10.0/24", az: "eu-west-1a" });
  const appB = a.subnet(v, "app-b", { cidr: "10.7.11.0/24", az: "eu-west-1b" });
  a.routeTable(v, "public", { subnets: [pubA, pubB], routes: [{ destination: "0.0.0.0/0", via: igw }] });
  const nat = a.natGateway(pubA, "nat-a");
  a.routeTable(v, "app", { subnets: [appA, appB], routes: [{ destination: "0.0.0.0/0", via: nat }] });
  const lbSg = a.securityGroup(v, "lb", { ingress: [tcp(443, "0.0.0.0/0"), tcp(80, "0.0.0.0/0")] });
  const webSg = a.securityGroup(v, "web", { ingress: [tcp(8080, lbSg)] });
  const apiSg = a.securityGroup(v, "api", { ingress: [tcp(3000, lbSg)] });
  const workerSg = a.securityGroup(v, "worker");
  const fnSg = a.securityGroup(v, "thumbnails");

  const lb = a.loadBalancer(v, "front", {
    scheme: "internet-facing",
    subnets: [pubA, pubB],
    securityGroups: [lbSg],
    tags,
  });
  const webTg = a.targetGroup(v, "web", { port: 8080 });
  const apiTg = a.targetGroup(v, "api", { port: 3000, targetType: "ip" });
  a.listener(lb, { protocol: "HTTP", port: 80, forwardTo: webTg });
  a.listener(lb, {
    protocol: "HTTPS",
    port: 443,
    forwardTo: apiTg,
    certificate: a.certificate("api.example.com"),
  });

  const instances = [appA, appB, appA].map((s, i) =>
    a.instance(s, `web-${i + 1}`, { securityGroups: [webSg], tags }),
  );
  a.autoScalingGroup("web", { subnets: [appA, appB], instances, targetGroups: [webTg], max: 9, tags });

  const cluster = a.ecsCluster("shop", { tags });
  a.ecsService(cluster, "api", {
    subnets: [appA, appB],
    securityGroups: [apiSg],
    tasks: 3,
    targetGroup: apiTg,
    containerPort: 3000,
    tags: { ...tags, Role: "api" },
  });
  a.ecsService(cluster, "worker", { subnets: [appB], securityGroups: [workerSg], tasks: 1 });

  a.lambda("thumbnails", { vpc: { v, subnets: [appA, appB], securityGroups: [fnSg] }, tags });
  a.lambda("nightly-report", { runtime: "python3.12", url: "NONE" });
  a.generic(
    "AWS::SecretsManager::Secret",
    "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/production/db-AbC123",
    "shop/production/db",
    { tags },
  );
  return b.build();
}

const TYPES = new Set([
  ...EC2_TYPES,
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::ElasticLoadBalancingV2::Listener",
  "AWS::ElasticLoadBalancingV2::TargetGroup",
  "AWS::AutoScaling::AutoScalingGroup",
  "AWS::ECS::Cluster",
  "AWS::ECS::Service",
  "AWS::Lambda::Function",
  "AWS::SecretsManager::Secret",
]);
const HANDLERS = [ec2Handler, elbv2Handler, autoscalingHandler, ecsHandler, lambdaHandler, taggingHandler];
const SERVICES = ["ec2", "elbv2", "autoscaling", "ecs", "lambda", "tagging"];

describe("Auto Scaling, ECS, Lambda and Tagging collectors against the loopback endpoint", () => {
  it("scan back groups, clusters, services (task ENIs attached), functions and an unmodelled secret", async () => {
    const { expected, actual, result, endpoint } = await roundTrip(account(), {
      handlers: HANDLERS,
      services: SERVICES,
      types: TYPES,
    });
    expect(result.snapshot.coverage.filter((c) => c.status !== "scanned")).toEqual([]);
    expect(actual).toEqual(expected);
    // The ENIs of the four tasks are attached to their services, known only from DescribeTasks.
    const taskEnis = actual.resources.filter(
      (r) =>
        r.type === "AWS::EC2::NetworkInterface" &&
        (r as ResourceOf<"AWS::EC2::NetworkInterface">).props.attachedTo?.includes(":service/") === true,
    );
    expect(taskEnis).toHaveLength(4);
    // Page size 2: services, tasks and functions all span several pages.
    expect(endpoint.calls.get("ecs:ListTasks")).toBeGreaterThan(2);
    expect(endpoint.calls.get("lambda:ListFunctions")).toBe(1);
    expect(endpoint.calls.get("tagging:GetResources")).toBeGreaterThan(2);
  });

  it("never stores Lambda environment variables or ECS container environment, which the endpoint serves", async () => {
    const { result, endpoint } = await roundTrip(account(), {
      handlers: HANDLERS,
      services: SERVICES,
      types: TYPES,
    });
    expect(endpoint.calls.get("ecs:DescribeTasks")).toBeGreaterThan(0);
    const text = serializeSnapshot(result.snapshot);
    expect(text).not.toContain(LAMBDA_ENV_SECRET);
    expect(text).not.toContain(ECS_TASK_SECRET);
    expect(text).not.toContain("DATABASE_PASSWORD");
  });

  it("a denied ECS is a coverage gap; the other services are still scanned and task ENIs stay unowned", async () => {
    const { result } = await roundTrip(account(), {
      handlers: HANDLERS,
      services: SERVICES,
      types: TYPES,
      faults: [{ kind: "access-denied", service: "ecs" }],
    });
    const coverage = Object.fromEntries(result.snapshot.coverage.map((c) => [c.service, c.status]));
    expect(coverage).toEqual({
      ec2: "scanned",
      elbv2: "scanned",
      autoscaling: "scanned",
      ecs: "denied",
      lambda: "scanned",
      tagging: "scanned",
    });
    expect(result.snapshot.coverage.find((c) => c.service === "ecs")?.error).toMatch(
      /^AccessDeniedException/,
    );
    const types = new Set(result.snapshot.resources.map((r) => r.type));
    expect(types.has("AWS::ECS::Cluster") || types.has("AWS::ECS::Service")).toBe(false);
    expect(types).toContain("AWS::AutoScaling::AutoScalingGroup");
    expect(types).toContain("AWS::Lambda::Function");
    expect(types).toContain("AWS::SecretsManager::Secret");
    // The ECS resources are modelled: the Tagging API (which lists the tagged cluster) does not stand in for them.
    expect(result.snapshot.resources.filter((r) => r.id.startsWith("arn:aws:ecs:"))).toEqual([]);
    const unowned = result.snapshot.resources.filter(
      (r) =>
        r.type === "AWS::EC2::NetworkInterface" &&
        (r as ResourceOf<"AWS::EC2::NetworkInterface">).props.description.startsWith("arn:aws:ecs:"),
    );
    expect(unowned.map((r) => (r as ResourceOf<"AWS::EC2::NetworkInterface">).props.attachedTo)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
