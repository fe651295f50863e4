import {
  type Cluster,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  paginateListClusters,
  paginateListServices,
  paginateListTasks,
  type Service,
  type Task,
} from "@aws-sdk/client-ecs";
import { ec2Arn } from "../model/arn.ts";
import type { ResourceOf } from "../model/snapshot.ts";
import { defineService, type Where } from "./types.ts";
import { all, Collected, nameOf, tagsOf } from "./util.ts";

export interface EcsRaw {
  clusters: Cluster[];
  services: Service[];
  /** Only the task fields asbuilt needs: which service, which ENIs. Container overrides and environments are dropped here. */
  tasks: { group: string; clusterArn: string; eniIds: string[] }[];
}

const op = (command: string) => ({ command, iam: [`ecs:${command}`] });
const chunks = <T>(xs: T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export default defineService<EcsRaw>({
  service: "ecs",
  global: false,
  operations: [
    op("ListClusters"),
    op("DescribeClusters"),
    op("ListServices"),
    op("DescribeServices"),
    op("ListTasks"),
    op("DescribeTasks"),
  ],
  async fetch(ctx) {
    const client = ctx.client(ECSClient);
    const clusterArns = await all(paginateListClusters({ client, pageSize: 100 }, {}), (p) => p.clusterArns);
    const clusters = (
      await Promise.all(
        chunks(clusterArns, 100).map((c) =>
          client.send(new DescribeClustersCommand({ clusters: c, include: ["TAGS", "SETTINGS"] })),
        ),
      )
    ).flatMap((r) => r.clusters ?? []);
    const services: Service[] = [];
    const tasks: EcsRaw["tasks"] = [];
    for (const cluster of clusterArns) {
      const serviceArns = await all(
        paginateListServices({ client, pageSize: 100 }, { cluster }),
        (p) => p.serviceArns,
      );
      // DescribeServices takes 10 services, DescribeTasks 100 tasks per call.
      for (const batch of chunks(serviceArns, 10))
        services.push(
          ...((
            await client.send(new DescribeServicesCommand({ cluster, services: batch, include: ["TAGS"] }))
          ).services ?? []),
        );
      const taskArns = await all(
        paginateListTasks({ client, pageSize: 100 }, { cluster }),
        (p) => p.taskArns,
      );
      for (const batch of chunks(taskArns, 100)) {
        for (const t of (await client.send(new DescribeTasksCommand({ cluster, tasks: batch }))).tasks ?? [])
          tasks.push(slim(t, cluster));
      }
    }
    return { clusters, services, tasks };
  },
  normalize: normalizeEcs,
});

function slim(t: Task, clusterArn: string): EcsRaw["tasks"][number] {
  const eniIds = (t.attachments ?? []).flatMap((a) =>
    (a.details ?? []).flatMap((d) => (d.name === "networkInterfaceId" && d.value ? [d.value] : [])),
  );
  return { group: t.group ?? "", clusterArn: t.clusterArn ?? clusterArn, eniIds };
}

export function normalizeEcs(raw: EcsRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  for (const c of raw.clusters) {
    if (!c.clusterArn || !c.clusterName) continue;
    const tags = tagsOf((c.tags ?? []).map((t) => ({ Key: t.key, Value: t.value })));
    out.add<ResourceOf<"AWS::ECS::Cluster">>({
      id: c.clusterArn,
      type: "AWS::ECS::Cluster",
      account,
      region,
      name: nameOf(tags, c.clusterName) ?? c.clusterName,
      tags,
      props: {
        clusterName: c.clusterName,
        status: c.status ?? "ACTIVE",
        capacityProviders: c.capacityProviders ?? [],
        containerInsights: (c.settings ?? []).some(
          (s) => s.name === "containerInsights" && (s.value === "enabled" || s.value === "enhanced"),
        ),
      },
    });
  }
  for (const s of raw.services) {
    if (!s.serviceArn || !s.serviceName || !s.clusterArn) continue;
    const tags = tagsOf((s.tags ?? []).map((t) => ({ Key: t.key, Value: t.value })));
    const net = s.networkConfiguration?.awsvpcConfiguration;
    const sgs = net?.securityGroups ?? [];
    const launchType =
      s.launchType === "FARGATE" || s.launchType === "EC2" || s.launchType === "EXTERNAL"
        ? s.launchType
        : null;
    out.add<ResourceOf<"AWS::ECS::Service">>({
      id: s.serviceArn,
      type: "AWS::ECS::Service",
      account,
      region,
      name: nameOf(tags, s.serviceName) ?? s.serviceName,
      tags,
      parent: s.clusterArn,
      props: {
        serviceName: s.serviceName,
        clusterArn: s.clusterArn,
        launchType,
        desiredCount: s.desiredCount ?? 0,
        runningCount: s.runningCount ?? 0,
        taskDefinitionArn: s.taskDefinition ?? "",
        networkConfiguration: net
          ? {
              subnetIds: net.subnets ?? [],
              securityGroupIds: sgs,
              assignPublicIp: net.assignPublicIp === "ENABLED",
            }
          : null,
        loadBalancers: (s.loadBalancers ?? []).flatMap((lb) =>
          lb.targetGroupArn
            ? [
                {
                  targetGroupArn: lb.targetGroupArn,
                  containerName: lb.containerName ?? "",
                  containerPort: lb.containerPort ?? 0,
                },
              ]
            : [],
        ),
      },
    });
    out.edge(s.clusterArn, s.serviceArn, "contains");
    for (const g of sgs) out.edge(s.serviceArn, ec2Arn(region, account, "security-group", g), "uses");
    for (const lb of s.loadBalancers ?? [])
      if (lb.targetGroupArn) out.edge(lb.targetGroupArn, s.serviceArn, "targets");
    // Task ENIs: the link pass turns these edges into each ENI's attachedTo.
    for (const t of raw.tasks)
      if (t.clusterArn === s.clusterArn && t.group === `service:${s.serviceName}`)
        for (const eni of t.eniIds)
          out.edge(ec2Arn(region, account, "network-interface", eni), s.serviceArn, "attached");
  }
  return out.result();
}
