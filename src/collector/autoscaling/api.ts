import type { AutoScalingGroup } from "@aws-sdk/client-auto-scaling";
import { ec2Arn } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, orNull, tagsOf } from "../util.ts";

export interface AutoScalingRaw {
  groups: AutoScalingGroup[];
}

export default defineService<AutoScalingRaw>({
  service: "autoscaling",
  global: false,
  operations: [{ command: "DescribeAutoScalingGroups", iam: ["autoscaling:DescribeAutoScalingGroups"] }],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.AutoScalingClient);
    // 100 is the API's maximum page size; the groups carry their tags and instances, so one call is enough.
    const groups = await all(
      sdk.paginateDescribeAutoScalingGroups({ client, pageSize: 100 }, {}),
      (p) => p.AutoScalingGroups,
    );
    return { groups };
  },

  normalize(raw, where) {
    return normalizeAutoScaling(raw, where);
  },
});

/** Pure: DescribeAutoScalingGroups output → groups, and group → instance "contains" edges. */
export function normalizeAutoScaling(raw: AutoScalingRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  for (const g of raw.groups) {
    if (!g.AutoScalingGroupName || !g.AutoScalingGroupARN) continue;
    const tags = tagsOf(g.Tags);
    const instanceIds = (g.Instances ?? []).flatMap((i) => (i.InstanceId ? [i.InstanceId] : []));
    out.add<ResourceOf<"AWS::AutoScaling::AutoScalingGroup">>({
      id: g.AutoScalingGroupARN,
      type: "AWS::AutoScaling::AutoScalingGroup",
      account,
      region,
      name: nameOf(tags, g.AutoScalingGroupName) ?? g.AutoScalingGroupName,
      tags,
      props: {
        autoScalingGroupName: g.AutoScalingGroupName,
        minSize: g.MinSize ?? 0,
        maxSize: g.MaxSize ?? 0,
        desiredCapacity: g.DesiredCapacity ?? 0,
        availabilityZones: g.AvailabilityZones ?? [],
        // AWS keeps the group's subnets as one comma-separated string.
        subnetIds: (g.VPCZoneIdentifier ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== ""),
        instanceIds,
        targetGroupArns: g.TargetGroupARNs ?? [],
        launchTemplate: orNull(launchTemplateOf(g)),
        healthCheckType: g.HealthCheckType ?? "EC2",
      },
    });
    for (const i of instanceIds)
      out.edge(g.AutoScalingGroupARN, ec2Arn(region, account, "instance", i), "contains");
  }
  return out.result();
}

/** A group launches from a template, a mixed-instances policy's template, or a legacy launch configuration. */
function launchTemplateOf(g: AutoScalingGroup): string | undefined {
  const direct = g.LaunchTemplate;
  const mixed = g.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
  return (
    direct?.LaunchTemplateId ??
    direct?.LaunchTemplateName ??
    mixed?.LaunchTemplateId ??
    mixed?.LaunchTemplateName ??
    g.LaunchConfigurationName
  );
}
