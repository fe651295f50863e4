import type { Cluster, Service, Task } from "@aws-sdk/client-ecs";
import pLimit from "p-limit";
import { ec2Arn } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, tagsOf } from "../util.ts";

export interface EcsRaw {
  clusters: Cluster[];
  services: Service[];
  /**
   * Running tasks of the services, as DescribeTasks returns them. Only their ENI attachments are read:
   * a task's overrides can carry container environment variables, and normalize never looks at them.
   */
  tasks: Task[];
}

const op = (command: string) => ({ command, iam: [`ecs:${command}`] });

/** The Describe* calls take a bounded list of ARNs: DescribeClusters and DescribeTasks 100, DescribeServices 10. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Calls one ecs task keeps in flight (its per-resource calls). */
const CONCURRENCY = 8;

export default defineService<EcsRaw>({
  service: "ecs",
  global: false,
  concurrency: CONCURRENCY,
  operations: [
    op("ListClusters"),
    op("DescribeClusters"),
    op("ListServices"),
    op("DescribeServices"),
    op("ListTasks"),
    op("DescribeTasks"),
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.ECSClient);
    // Calls grow with clusters × services: a bound keeps a large account from bursting into throttling.
    const limit = pLimit(CONCURRENCY);
    // 100 is the maximum page size of every ECS List* call.
    const clusterArns = await all(
      sdk.paginateListClusters({ client, pageSize: 100 }, {}),
      (p) => p.clusterArns,
    );
    const [clusters, perCluster] = await Promise.all([
      Promise.all(
        chunks(clusterArns, 100).map((batch) =>
          limit(() =>
            client.send(new sdk.DescribeClustersCommand({ clusters: batch, include: ["TAGS", "SETTINGS"] })),
          ).then((r) => r.clusters ?? []),
        ),
      ),
      Promise.all(
        clusterArns.map(async (cluster) => {
          const serviceArns = await limit(() =>
            all(sdk.paginateListServices({ client, pageSize: 100 }, { cluster }), (p) => p.serviceArns),
          );
          const services = (
            await Promise.all(
              chunks(serviceArns, 10).map((batch) =>
                limit(() =>
                  client.send(
                    new sdk.DescribeServicesCommand({ cluster, services: batch, include: ["TAGS"] }),
                  ),
                ).then((r) => r.services ?? []),
              ),
            )
          ).flat();
          // Listed per service so that only service tasks are read (not standalone or Batch tasks).
          const taskArns = (
            await Promise.all(
              services.flatMap((s) =>
                s.serviceName
                  ? [
                      limit(() =>
                        all(
                          sdk.paginateListTasks(
                            { client, pageSize: 100 },
                            { cluster, serviceName: s.serviceName },
                          ),
                          (p) => p.taskArns,
                        ),
                      ),
                    ]
                  : [],
              ),
            )
          ).flat();
          const tasks = (
            await Promise.all(
              chunks(taskArns, 100).map((batch) =>
                limit(() => client.send(new sdk.DescribeTasksCommand({ cluster, tasks: batch }))).then(
                  (r) => r.tasks ?? [],
                ),
              ),
            )
          ).flat();
          return { services, tasks };
        }),
      ),
    ]);
    return {
      clusters: clusters.flat(),
      services: perCluster.flatMap((c) => c.services),
      tasks: perCluster.flatMap((c) => c.tasks),
    };
  },

  normalize(raw, where) {
    return normalizeEcs(raw, where);
  },
});

/** ECS writes tags as {key, value}, not {Key, Value}. */
const ecsTags = (list: readonly { key?: string; value?: string }[] | undefined) =>
  tagsOf((list ?? []).map((t) => ({ Key: t.key, Value: t.value })));

/** Pure: ECS output → clusters and services; each running task's ENI becomes an "attached" edge to its service. */
export function normalizeEcs(raw: EcsRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();

  for (const c of raw.clusters) {
    if (!c.clusterArn || !c.clusterName) continue;
    const tags = ecsTags(c.tags);
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
        // "enhanced" is Container Insights with more metrics: still on.
        containerInsights: (c.settings ?? []).some(
          (s) => s.name === "containerInsights" && (s.value === "enabled" || s.value === "enhanced"),
        ),
      },
    });
  }

  // A task started by a service is in the group "service:<name>", and service names are unique per cluster.
  const serviceByGroup = new Map<string, string>();
  for (const s of raw.services) {
    if (!s.serviceArn || !s.serviceName || !s.clusterArn) continue;
    serviceByGroup.set(`${s.clusterArn}\0service:${s.serviceName}`, s.serviceArn);
    const tags = ecsTags(s.tags);
    const net = s.networkConfiguration?.awsvpcConfiguration;
    const securityGroupIds = net?.securityGroups ?? [];
    const launchType =
      s.launchType === "FARGATE" || s.launchType === "EC2" || s.launchType === "EXTERNAL"
        ? s.launchType
        : null;
    const loadBalancers = (s.loadBalancers ?? []).flatMap((lb) =>
      lb.targetGroupArn
        ? [
            {
              targetGroupArn: lb.targetGroupArn,
              containerName: lb.containerName ?? "",
              containerPort: lb.containerPort ?? 0,
            },
          ]
        : [],
    );
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
        runningCount: s.runningCount,
        taskDefinitionArn: s.taskDefinition ?? "",
        networkConfiguration: net
          ? {
              subnetIds: net.subnets ?? [],
              securityGroupIds,
              assignPublicIp: net.assignPublicIp === "ENABLED",
            }
          : null,
        loadBalancers,
      },
    });
    out.edge(s.clusterArn, s.serviceArn, "contains");
    for (const g of securityGroupIds)
      out.edge(s.serviceArn, ec2Arn(region, account, "security-group", g), "uses");
    for (const lb of loadBalancers) out.edge(lb.targetGroupArn, s.serviceArn, "targets");
  }

  // EC2 says only that a task ENI is requester-managed; the task says which ENI it runs on. The link pass
  // turns these edges into each ENI's attachedTo.
  // A task no recorded service accounts for (started alone, or its service not read) is a resource of its
  // own, so that its ENI, and what can reach it, still belong to something.
  for (const t of raw.tasks) {
    if (t.lastStatus === "STOPPED" || t.lastStatus === "DELETED") continue;
    const eniDetails = (t.attachments ?? [])
      .filter((a) => a.type === undefined || a.type === "ElasticNetworkInterface")
      .flatMap((a) => a.details ?? []);
    const detail = (name: string) => eniDetails.flatMap((d) => (d.name === name && d.value ? [d.value] : []));
    const enis = detail("networkInterfaceId");
    let owner = serviceByGroup.get(`${t.clusterArn ?? ""}\0${t.group ?? ""}`);
    if (owner === undefined) {
      if (!t.taskArn || !t.clusterArn) continue;
      const tags = ecsTags(t.tags);
      const taskId = t.taskArn.slice(t.taskArn.lastIndexOf("/") + 1);
      out.add<ResourceOf<"AWS::ECS::Task">>({
        id: t.taskArn,
        type: "AWS::ECS::Task",
        account,
        region,
        name: nameOf(tags, taskId) ?? taskId,
        tags,
        parent: t.clusterArn,
        props: {
          taskArn: t.taskArn,
          clusterArn: t.clusterArn,
          ...(t.group ? { group: t.group } : {}),
          launchType:
            t.launchType === "FARGATE" || t.launchType === "EC2" || t.launchType === "EXTERNAL"
              ? t.launchType
              : null,
          ...(t.lastStatus ? { lastStatus: t.lastStatus } : {}),
          ...(t.taskDefinitionArn ? { taskDefinitionArn: t.taskDefinitionArn } : {}),
          networkInterfaceIds: enis,
          privateIpAddresses: detail("privateIPv4Address"),
        },
      });
      out.edge(t.clusterArn, t.taskArn, "contains");
      owner = t.taskArn;
    }
    for (const eni of enis) out.edge(ec2Arn(region, account, "network-interface", eni), owner, "attached");
  }
  return out.result();
}
