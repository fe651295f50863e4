import { DescribeAutoScalingGroups$ } from "@aws-sdk/client-auto-scaling";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// Auto Scaling's DescribeAutoScalingGroups built from the snapshot: the inverse of
// src/collector/autoscaling.ts, plus what AWS always returns and the model leaves out (cooldown,
// creation time, each instance's lifecycle state and AZ).

type Group = ResourceOf<"AWS::AutoScaling::AutoScalingGroup">;

const groups = (rs: readonly Resource[]) =>
  rs.filter((r): r is Group => r.type === "AWS::AutoScaling::AutoScalingGroup");

function instanceAz(snapshot: readonly Resource[], account: string, region: string, id: string) {
  const i = snapshot.find(
    (r) =>
      r.type === "AWS::EC2::Instance" &&
      r.account === account &&
      r.region === region &&
      (r as ResourceOf<"AWS::EC2::Instance">).props.instanceId === id,
  ) as ResourceOf<"AWS::EC2::Instance"> | undefined;
  return i?.props.availabilityZone ?? `${region}a`;
}

export const autoscalingHandler: ServiceHandler = {
  signingName: "autoscaling",
  protocol: "query",
  xmlNamespace: "http://autoscaling.amazonaws.com/doc/2011-01-01/",
  operations: {
    DescribeAutoScalingGroups: {
      schema: DescribeAutoScalingGroups$ as unknown as OperationSchema,
      paging: { items: "AutoScalingGroups", token: "NextToken", limit: "MaxRecords" },
      handle: ({ resources, account, region }) => ({
        AutoScalingGroups: groups(resources).map((g) => ({
          AutoScalingGroupName: g.props.autoScalingGroupName,
          AutoScalingGroupARN: g.id,
          ...(g.props.launchTemplate
            ? { LaunchTemplate: { LaunchTemplateId: g.props.launchTemplate, Version: "$Default" } }
            : {}),
          MinSize: g.props.minSize,
          MaxSize: g.props.maxSize,
          DesiredCapacity: g.props.desiredCapacity,
          DefaultCooldown: 300,
          AvailabilityZones: g.props.availabilityZones,
          TargetGroupARNs: g.props.targetGroupArns,
          HealthCheckType: g.props.healthCheckType,
          HealthCheckGracePeriod: 300,
          Instances: g.props.instanceIds.map((InstanceId) => ({
            InstanceId,
            AvailabilityZone: instanceAz(resources, account, region, InstanceId),
            LifecycleState: "InService",
            HealthStatus: "Healthy",
            ProtectedFromScaleIn: false,
          })),
          CreatedTime: new Date("2026-01-01T00:00:00Z"),
          VPCZoneIdentifier: g.props.subnetIds.join(","),
          Tags: Object.entries(g.tags).map(([Key, Value]) => ({
            ResourceId: g.props.autoScalingGroupName,
            ResourceType: "auto-scaling-group",
            Key,
            Value,
            PropagateAtLaunch: true,
          })),
        })),
      }),
    },
  },
};
