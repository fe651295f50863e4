import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AutoScalingRaw, normalizeAutoScaling } from "./api.ts";

const where = { account: "123456789012", region: "us-east-1" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;

const groups = recorded<{ AutoScalingGroups: AutoScalingRaw["groups"] }>(
  "DescribeAutoScalingGroups_1",
).AutoScalingGroups;

describe("normalizeAutoScaling on recorded responses", () => {
  const { resources, edges } = normalizeAutoScaling({ groups }, where);

  it("keeps a group's size, subnets (from the comma-separated string), target groups and launch template", () => {
    expect(resources[0]).toEqual({
      id: "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0:autoScalingGroupName/web-asg",
      type: "AWS::AutoScaling::AutoScalingGroup",
      account: "123456789012",
      region: "us-east-1",
      name: "shop web",
      tags: { Name: "shop web", Environment: "production" },
      props: {
        autoScalingGroupName: "web-asg",
        minSize: 2,
        maxSize: 6,
        desiredCapacity: 3,
        availabilityZones: ["us-east-1a", "us-east-1b"],
        subnetIds: ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"],
        instanceIds: ["i-0aaa1111bbbb2222c", "i-0ddd3333eeee4444f", "i-0fff5555aaaa6666b"],
        targetGroupArns: [
          "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef",
        ],
        launchTemplate: "lt-0a1b2c3d4e5f67890",
        healthCheckType: "ELB",
      },
    });
  });

  it("reads the template of a mixed-instances policy, and a legacy launch configuration by name", () => {
    expect(resources.map((r) => [r.name, (r.props as { launchTemplate: unknown }).launchTemplate])).toEqual([
      ["shop web", "lt-0a1b2c3d4e5f67890"],
      ["workers", "lt-0123456789abcdef0"],
      ["legacy", "legacy-lc-2019"],
    ]);
    expect(resources[2]?.props).toMatchObject({ subnetIds: [], targetGroupArns: [], instanceIds: [] });
  });

  it("links the group to each of its instances, and to nothing else", () => {
    expect(edges).toEqual(
      ["i-0aaa1111bbbb2222c", "i-0ddd3333eeee4444f", "i-0fff5555aaaa6666b"].map((i) => ({
        from: resources[0]?.id,
        to: `arn:aws:ec2:us-east-1:123456789012:instance/${i}`,
        kind: "contains",
      })),
    );
  });

  it("skips a group AWS returned without a name or ARN instead of inventing one", () => {
    expect(normalizeAutoScaling({ groups: [{ AutoScalingGroupName: "half" } as never] }, where)).toEqual({
      resources: [],
      edges: [],
    });
  });
});
