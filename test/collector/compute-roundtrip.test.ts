import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { serializeSnapshot } from "../../src/model/io.ts";
import { autoscalingHandler, ecsHandler, lambdaHandler } from "../aws-endpoint/services/compute.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { elbv2Handler } from "../aws-endpoint/services/elbv2.ts";
import { taggingHandler } from "../aws-endpoint/services/tagging.ts";
import { EC2_TYPES, roundTrip } from "./roundtrip.ts";

/** An ASG of three instances behind a target group, two Fargate services (one behind an ALB), a VPC and a plain Lambda. */
function account() {
  const b = new SnapshotBuilder("test:compute");
  const a = b.in("123456789012", "eu-west-1");
  const tags = { Environment: "production" };
  const v = a.vpc("apps", { cidr: "10.7.0.0/16" });
  const igw = a.internetGateway(v, "igw");
  const pa = a.subnet(v, "pub-a", { cidr: "10.7.0.0/24", az: "eu-west-1a" });
  const pb = a.subnet(v, "pub-b", { cidr: "10.7.1.0/24", az: "eu-west-1b" });
  const sa = a.subnet(v, "app-a", { cidr: "10.7.10.0/24", az: "eu-west-1a" });
  const sb = a.subnet(v, "app-b", { cidr: "10.7.11.0/24", az: "eu-west-1b" });
  a.routeTable(v, "public", { subnets: [pa, pb], routes: [{ destination: "0.0.0.0/0", via: igw }] });
  const lbSg = a.securityGroup(v, "lb", { ingress: [tcp(443, "0.0.0.0/0")] });
  const appSg = a.securityGroup(v, "app", { ingress: [tcp(8080, lbSg)] });
  const instances = [sa, sb, sa].map((s, i) => a.instance(s, `web-${i + 1}`, { securityGroups: [appSg] }));
  const webTg = a.targetGroup(v, "web", { port: 8080 });
  a.autoScalingGroup("web", { subnets: [sa, sb], instances, targetGroups: [webTg], tags });
  const apiTg = a.targetGroup(v, "api", { port: 3000, targetType: "ip" });
  const lb = a.loadBalancer(v, "front", {
    scheme: "internet-facing",
    subnets: [pa, pb],
    securityGroups: [lbSg],
  });
  a.listener(lb, {
    protocol: "HTTPS",
    port: 443,
    forwardTo: apiTg,
    certificate: a.certificate("api.example.com"),
  });
  const cluster = a.ecsCluster("apps", { tags });
  a.ecsService(cluster, "api", {
    subnets: [sa, sb],
    securityGroups: [appSg],
    tasks: 2,
    targetGroup: apiTg,
    containerPort: 3000,
    tags,
  });
  a.ecsService(cluster, "worker", { subnets: [sa], securityGroups: [appSg], tasks: 1 });
  a.lambda("thumbnails", { vpc: { v, subnets: [sa, sb], securityGroups: [appSg] }, tags });
  a.lambda("cron");
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
]);
const HANDLERS = [ec2Handler, elbv2Handler, autoscalingHandler, ecsHandler, lambdaHandler, taggingHandler];
const SERVICES = ["ec2", "elbv2", "autoscaling", "ecs", "lambda"];

describe("Auto Scaling, ECS and Lambda collectors against the loopback endpoint", () => {
  it("scan back groups, clusters, services with their task ENIs, and functions", async () => {
    const { expected, actual, result } = await roundTrip(account(), {
      handlers: HANDLERS,
      services: SERVICES,
      types: TYPES,
    });
    expect(result.snapshot.coverage.filter((c) => c.status !== "scanned")).toEqual([]);
    expect(actual).toEqual(expected);
  });

  it("never stores Lambda environment variables", async () => {
    const { result } = await roundTrip(account(), { handlers: HANDLERS, services: SERVICES, types: TYPES });
    expect(serializeSnapshot(result.snapshot)).not.toContain("loopback-secret-must-not-leak");
    void readFile;
  });

  it("a denied ECS is a coverage gap, the other services are still scanned", async () => {
    const { result } = await roundTrip(account(), {
      handlers: HANDLERS,
      services: SERVICES,
      types: TYPES,
      faults: [{ kind: "access-denied", service: "ecs" }],
    });
    expect(result.snapshot.coverage.find((c) => c.service === "ecs")).toMatchObject({
      status: "denied",
      error: expect.stringMatching(/^AccessDeniedException/),
    });
    expect(result.snapshot.resources.some((r) => r.type === "AWS::Lambda::Function")).toBe(true);
  });
});
