import { describe, expect, it } from "vitest";
import { importPaths } from "../import/index.ts";
import { ACCOUNT, dump, REGION } from "../import/test-dump.ts";

describe("classic ELB from an AWS CLI dump", () => {
  it("reads CloudMapper's files: the descriptions, per-name attributes and the tags; a missing attributes file stays unknown", async () => {
    const root = await dump({
      [`${ACCOUNT}/${REGION}/elb-describe-load-balancers.json`]: {
        LoadBalancerDescriptions: [
          {
            LoadBalancerName: "web",
            Scheme: "internet-facing",
            VPCId: "vpc-1",
            ListenerDescriptions: [
              { Listener: { Protocol: "HTTP", LoadBalancerPort: 80, InstancePort: 80 } },
            ],
            Instances: [{ InstanceId: "i-1" }],
          },
          { LoadBalancerName: "other", Scheme: "internal", VPCId: "vpc-1" },
        ],
      },
      [`${ACCOUNT}/${REGION}/elb-describe-load-balancer-attributes/web`]: {
        LoadBalancerAttributes: { AccessLog: { Enabled: false } },
      },
      [`${ACCOUNT}/${REGION}/elb-describe-tags.json`]: {
        TagDescriptions: [{ LoadBalancerName: "web", Tags: [{ Key: "Name", Value: "Web" }] }],
      },
    });
    const r = await importPaths([root]);
    const lbs = r.snapshot.resources.filter((x) => x.type === "AWS::ElasticLoadBalancing::LoadBalancer");
    expect(lbs.map((l) => [l.name, (l.props as { accessLogsEnabled?: boolean }).accessLogsEnabled])).toEqual([
      ["Web", false],
      ["other", undefined],
    ]);
    expect(r.snapshot.coverage.find((c) => c.service === "elb")?.error).toMatch(
      /elb-describe-load-balancer-attributes .* 1 classic load balancer/,
    );
  });
});
