import { DescribeAutoScalingGroups$ } from "@aws-sdk/client-auto-scaling";
import {
  DescribeClusters$,
  DescribeServices$,
  DescribeTasks$,
  ListClusters$,
  ListServices$,
  ListTasks$,
} from "@aws-sdk/client-ecs";
import { ListFunctions$ } from "@aws-sdk/client-lambda";
import type { KnownType } from "../../../src/model/props.ts";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// Auto Scaling, ECS and Lambda answers built from the snapshot: the inverses of
// src/collector/autoscaling.ts, ecs.ts and lambda.ts. ECS tasks are derived from the ENIs attached to
// each service, one task per ENI, as Fargate's awsvpc mode has it.

const of = <T extends KnownType>(rs: readonly Resource[], type: T) =>
  rs.filter((r): r is ResourceOf<T> => r.type === type);
const ecsTags = (tags: Record<string, string>) =>
  Object.entries(tags).map(([key, value]) => ({ key, value }));
const schema = (s: unknown) => s as OperationSchema;
const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as unknown[]).map(String) : []);

export const autoscalingHandler: ServiceHandler = {
  signingName: "autoscaling",
  protocol: "query",
  xmlNamespace: "http://autoscaling.amazonaws.com/doc/2011-01-01/",
  operations: {
    DescribeAutoScalingGroups: {
      schema: schema(DescribeAutoScalingGroups$),
      paging: { items: "AutoScalingGroups", token: "NextToken", limit: "MaxRecords" },
      handle: ({ resources }) => ({
        AutoScalingGroups: of(resources, "AWS::AutoScaling::AutoScalingGroup").map((g) => ({
          AutoScalingGroupName: g.props.autoScalingGroupName,
          AutoScalingGroupARN: g.id,
          MinSize: g.props.minSize,
          MaxSize: g.props.maxSize,
          DesiredCapacity: g.props.desiredCapacity,
          DefaultCooldown: 300,
          AvailabilityZones: g.props.availabilityZones,
          VPCZoneIdentifier: g.props.subnetIds.join(","),
          Instances: g.props.instanceIds.map((InstanceId) => ({
            InstanceId,
            LifecycleState: "InService",
            HealthStatus: "Healthy",
            ProtectedFromScaleIn: false,
            AvailabilityZone: "",
          })),
          TargetGroupARNs: g.props.targetGroupArns,
          LaunchTemplate: g.props.launchTemplate ? { LaunchTemplateId: g.props.launchTemplate } : undefined,
          HealthCheckType: g.props.healthCheckType,
          CreatedTime: new Date("2026-01-01T00:00:00Z"),
          Tags: Object.entries(g.tags).map(([Key, Value]) => ({
            Key,
            Value,
            ResourceId: g.props.autoScalingGroupName,
            ResourceType: "auto-scaling-group",
            PropagateAtLaunch: true,
          })),
        })),
      }),
    },
  },
};

function tasksOf(resources: readonly Resource[], cluster: string) {
  const services = of(resources, "AWS::ECS::Service").filter((s) => s.props.clusterArn === cluster);
  return services.flatMap((s) =>
    of(resources, "AWS::EC2::NetworkInterface")
      .filter((e) => e.props.attachedTo === s.id)
      .map((e) => ({
        arn: `${cluster.replace(":cluster/", ":task/")}/${e.props.networkInterfaceId.slice(4)}`,
        service: s,
        eni: e.props.networkInterfaceId,
      })),
  );
}

export const ecsHandler: ServiceHandler = {
  signingName: "ecs",
  protocol: "json",
  xmlNamespace: "",
  operations: {
    ListClusters: {
      schema: schema(ListClusters$),
      paging: { items: "clusterArns", token: "nextToken", limit: "maxResults" },
      handle: ({ resources }) => ({ clusterArns: of(resources, "AWS::ECS::Cluster").map((c) => c.id) }),
    },
    DescribeClusters: {
      schema: schema(DescribeClusters$),
      handle: ({ resources, params }) => ({
        clusters: of(resources, "AWS::ECS::Cluster")
          .filter((c) => asList(params.clusters).includes(c.id))
          .map((c) => ({
            clusterArn: c.id,
            clusterName: c.props.clusterName,
            status: c.props.status,
            capacityProviders: c.props.capacityProviders,
            settings: [
              { name: "containerInsights", value: c.props.containerInsights ? "enabled" : "disabled" },
            ],
            tags: ecsTags(c.tags),
          })),
      }),
    },
    ListServices: {
      schema: schema(ListServices$),
      paging: { items: "serviceArns", token: "nextToken", limit: "maxResults" },
      handle: ({ resources, params }) => ({
        serviceArns: of(resources, "AWS::ECS::Service")
          .filter((s) => s.props.clusterArn === params.cluster)
          .map((s) => s.id),
      }),
    },
    DescribeServices: {
      schema: schema(DescribeServices$),
      handle: ({ resources, params }) => ({
        services: of(resources, "AWS::ECS::Service")
          .filter((s) => asList(params.services).includes(s.id))
          .map((s) => ({
            serviceArn: s.id,
            serviceName: s.props.serviceName,
            clusterArn: s.props.clusterArn,
            launchType: s.props.launchType ?? undefined,
            desiredCount: s.props.desiredCount,
            runningCount: s.props.runningCount,
            taskDefinition: s.props.taskDefinitionArn,
            networkConfiguration: s.props.networkConfiguration
              ? {
                  awsvpcConfiguration: {
                    subnets: s.props.networkConfiguration.subnetIds,
                    securityGroups: s.props.networkConfiguration.securityGroupIds,
                    assignPublicIp: s.props.networkConfiguration.assignPublicIp ? "ENABLED" : "DISABLED",
                  },
                }
              : undefined,
            loadBalancers: s.props.loadBalancers,
            tags: ecsTags(s.tags),
          })),
      }),
    },
    ListTasks: {
      schema: schema(ListTasks$),
      paging: { items: "taskArns", token: "nextToken", limit: "maxResults" },
      handle: ({ resources, params }) => ({
        taskArns: tasksOf(resources, String(params.cluster)).map((t) => t.arn),
      }),
    },
    DescribeTasks: {
      schema: schema(DescribeTasks$),
      handle: ({ resources, params }) => ({
        tasks: tasksOf(resources, String(params.cluster))
          .filter((t) => asList(params.tasks).includes(t.arn))
          .map((t) => ({
            taskArn: t.arn,
            clusterArn: String(params.cluster),
            group: `service:${t.service.props.serviceName}`,
            lastStatus: "RUNNING",
            attachments: [
              {
                type: "ElasticNetworkInterface",
                status: "ATTACHED",
                details: [{ name: "networkInterfaceId", value: t.eni }],
              },
            ],
          })),
      }),
    },
  },
};

export const lambdaHandler: ServiceHandler = {
  signingName: "lambda",
  protocol: "rest-json",
  xmlNamespace: "",
  operations: {
    ListFunctions: {
      schema: schema(ListFunctions$),
      paging: { items: "Functions", token: "Marker", nextToken: "NextMarker", limit: "MaxItems" },
      handle: ({ resources }) => ({
        Functions: of(resources, "AWS::Lambda::Function").map((f) => ({
          FunctionName: f.props.functionName,
          FunctionArn: f.id,
          Runtime: f.props.runtime ?? undefined,
          Role: f.props.roleArn,
          PackageType: f.props.packageType,
          Architectures: f.props.architectures,
          VpcConfig: f.props.vpcConfig
            ? {
                VpcId: f.props.vpcConfig.vpcId,
                SubnetIds: f.props.vpcConfig.subnetIds,
                SecurityGroupIds: f.props.vpcConfig.securityGroupIds,
              }
            : undefined,
          // What a real function has and asbuilt must never keep.
          Environment: { Variables: { DATABASE_PASSWORD: "loopback-secret-must-not-leak" } },
        })),
      }),
    },
  },
};
