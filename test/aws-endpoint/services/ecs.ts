import { createHash } from "node:crypto";
import {
  DescribeClusters$,
  DescribeServices$,
  DescribeTasks$,
  ListClusters$,
  ListServices$,
  ListTasks$,
} from "@aws-sdk/client-ecs";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// ECS answers built from the snapshot: the inverse of src/collector/ecs.ts. A snapshot has no tasks, so
// they are derived as Fargate's awsvpc mode has them: one running task per ENI attached to a service, its
// ENI attachment named as the ENI's description names it. Each task also carries what a real task can
// (container overrides with environment variables), which the collector must never keep.

type Cluster = ResourceOf<"AWS::ECS::Cluster">;
type Service = ResourceOf<"AWS::ECS::Service">;
type Eni = ResourceOf<"AWS::EC2::NetworkInterface">;

/** A value a leak test searches a scanned snapshot for. */
export const ECS_TASK_SECRET = "loopback-ecs-task-secret-must-not-leak";

const clusters = (rs: readonly Resource[]) => rs.filter((r): r is Cluster => r.type === "AWS::ECS::Cluster");
const services = (rs: readonly Resource[]) => rs.filter((r): r is Service => r.type === "AWS::ECS::Service");
const enis = (rs: readonly Resource[]) => rs.filter((r): r is Eni => r.type === "AWS::EC2::NetworkInterface");
const ecsTags = (tags: Record<string, string>) =>
  Object.entries(tags).map(([key, value]) => ({ key, value }));
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const hex = (seed: string, n: number) => createHash("sha256").update(seed).digest("hex").slice(0, n);

/** ECS takes a cluster as its ARN or its name. */
function clusterOf(rs: readonly Resource[], ref: unknown): Cluster | undefined {
  const s = String(ref ?? "default");
  return clusters(rs).find((c) => c.id === s || c.props.clusterName === s);
}

interface TaskView {
  arn: string;
  cluster: Cluster;
  service: Service;
  eni: Eni;
}

function tasksOf(rs: readonly Resource[], cluster: Cluster, serviceName?: string): TaskView[] {
  return services(rs)
    .filter((s) => s.props.clusterArn === cluster.id)
    .filter((s) => serviceName === undefined || s.props.serviceName === serviceName || s.id === serviceName)
    .flatMap((service) =>
      enis(rs)
        .filter((e) => e.props.attachedTo === service.id)
        .map((eni) => ({
          arn: `${cluster.id.replace(":cluster/", ":task/")}/${hex(eni.id, 32)}`,
          cluster,
          service,
          eni,
        })),
    );
}

/** A Fargate task's ENI description is its attachment's ARN; the attachment id is its last segment. */
function attachmentId(eni: Eni): string {
  const m = /:attachment\/([0-9a-f-]+)$/.exec(eni.props.description);
  if (m?.[1]) return m[1];
  const h = hex(eni.id, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const ecsHandler: ServiceHandler = {
  signingName: "ecs",
  protocol: "json",
  xmlNamespace: "",
  operations: {
    ListClusters: {
      schema: ListClusters$ as unknown as OperationSchema,
      paging: { items: "clusterArns", token: "nextToken", limit: "maxResults" },
      handle: ({ resources }) => ({ clusterArns: clusters(resources).map((c) => c.id) }),
    },
    DescribeClusters: {
      schema: DescribeClusters$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const include = strings(params.include);
        return {
          clusters: strings(params.clusters).flatMap((ref) => {
            const c = clusterOf(resources, ref);
            if (!c) return [];
            return [
              {
                clusterArn: c.id,
                clusterName: c.props.clusterName,
                status: c.props.status,
                capacityProviders: c.props.capacityProviders,
                activeServicesCount: services(resources).filter((s) => s.props.clusterArn === c.id).length,
                runningTasksCount: tasksOf(resources, c).length,
                // As ECS does: tags and settings only when asked for.
                ...(include.includes("SETTINGS")
                  ? {
                      settings: [
                        {
                          name: "containerInsights",
                          value: c.props.containerInsights ? "enabled" : "disabled",
                        },
                      ],
                    }
                  : {}),
                ...(include.includes("TAGS") ? { tags: ecsTags(c.tags) } : {}),
              },
            ];
          }),
          failures: [],
        };
      },
    },
    ListServices: {
      schema: ListServices$ as unknown as OperationSchema,
      paging: { items: "serviceArns", token: "nextToken", limit: "maxResults" },
      handle: ({ resources, params }) => {
        const c = clusterOf(resources, params.cluster);
        return {
          serviceArns: c
            ? services(resources)
                .filter((s) => s.props.clusterArn === c.id)
                .map((s) => s.id)
            : [],
        };
      },
    },
    DescribeServices: {
      schema: DescribeServices$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const c = clusterOf(resources, params.cluster);
        const asked = strings(params.services);
        if (asked.length > 10)
          throw { code: "InvalidParameterException", message: "services can have at most 10 items." };
        const withTags = strings(params.include).includes("TAGS");
        return {
          services: services(resources)
            .filter((s) => s.props.clusterArn === c?.id)
            .filter((s) => asked.includes(s.id) || asked.includes(s.props.serviceName))
            .map((s) => {
              const net = s.props.networkConfiguration;
              return {
                serviceArn: s.id,
                serviceName: s.props.serviceName,
                clusterArn: s.props.clusterArn,
                status: "ACTIVE",
                ...(s.props.launchType ? { launchType: s.props.launchType } : {}),
                desiredCount: s.props.desiredCount,
                runningCount: s.props.runningCount,
                pendingCount: 0,
                taskDefinition: s.props.taskDefinitionArn,
                loadBalancers: s.props.loadBalancers,
                ...(net
                  ? {
                      networkConfiguration: {
                        awsvpcConfiguration: {
                          subnets: net.subnetIds,
                          securityGroups: net.securityGroupIds,
                          assignPublicIp: net.assignPublicIp ? "ENABLED" : "DISABLED",
                        },
                      },
                    }
                  : {}),
                ...(withTags ? { tags: ecsTags(s.tags) } : {}),
              };
            }),
          failures: [],
        };
      },
    },
    ListTasks: {
      schema: ListTasks$ as unknown as OperationSchema,
      paging: { items: "taskArns", token: "nextToken", limit: "maxResults" },
      handle: ({ resources, params }) => {
        const c = clusterOf(resources, params.cluster);
        const serviceName = params.serviceName === undefined ? undefined : String(params.serviceName);
        return { taskArns: c ? tasksOf(resources, c, serviceName).map((t) => t.arn) : [] };
      },
    },
    DescribeTasks: {
      schema: DescribeTasks$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const c = clusterOf(resources, params.cluster);
        const asked = strings(params.tasks);
        if (asked.length > 100)
          throw { code: "InvalidParameterException", message: "tasks can have at most 100 items." };
        return {
          tasks: (c ? tasksOf(resources, c) : [])
            .filter((t) => asked.includes(t.arn))
            .map((t) => ({
              taskArn: t.arn,
              clusterArn: t.cluster.id,
              taskDefinitionArn: t.service.props.taskDefinitionArn,
              group: `service:${t.service.props.serviceName}`,
              startedBy: `ecs-svc/${hex(t.service.id, 19)}`,
              launchType: t.service.props.launchType ?? undefined,
              lastStatus: "RUNNING",
              desiredStatus: "RUNNING",
              availabilityZone: t.eni.props.availabilityZone,
              attachments: [
                {
                  id: attachmentId(t.eni),
                  type: "ElasticNetworkInterface",
                  status: "ATTACHED",
                  details: [
                    { name: "subnetId", value: t.eni.props.subnetId },
                    { name: "networkInterfaceId", value: t.eni.props.networkInterfaceId },
                    { name: "privateIPv4Address", value: t.eni.props.privateIpAddresses[0] ?? "" },
                  ],
                },
              ],
              overrides: {
                containerOverrides: [
                  {
                    name: t.service.props.serviceName,
                    environment: [{ name: "DATABASE_PASSWORD", value: ECS_TASK_SECRET }],
                  },
                ],
              },
            })),
          failures: [],
        };
      },
    },
  },
};
