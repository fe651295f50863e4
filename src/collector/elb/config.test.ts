import { describe, expect, it } from "vitest";
import { normalizeConfigItems } from "../config/normalize.ts";
import { ACCOUNT, item, REGION } from "../config/test-item.ts";

// AWS Config's item for AWS::ElasticLoadBalancing::LoadBalancer: DescribeLoadBalancers' description in its
// Java-bean case, with the irregular spellings Config writes ("dnsname", "vpcid", "sslcertificateId"), and
// the attributes in supplementaryConfiguration (a JSON string in snapshot files).
const arn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/legacy`;

describe("classic ELB from AWS Config", () => {
  it("reads listeners, instances, subnets, groups and the attributes", () => {
    const out = normalizeConfigItems([
      item({
        resourceType: "AWS::ElasticLoadBalancing::LoadBalancer",
        resourceId: "legacy",
        resourceName: "legacy",
        arn,
        configuration: {
          loadBalancerName: "legacy",
          dnsname: "legacy-1.eu-west-1.elb.amazonaws.com",
          listenerDescriptions: [
            {
              listener: {
                protocol: "HTTP",
                loadBalancerPort: 80,
                instanceProtocol: "HTTP",
                instancePort: 8080,
              },
              policyNames: [],
            },
            {
              listener: {
                protocol: "HTTPS",
                loadBalancerPort: 443,
                instanceProtocol: "HTTP",
                instancePort: 8080,
                sslcertificateId: "arn:aws:acm:eu-west-1:123456789012:certificate/c",
              },
              policyNames: ["ELBSecurityPolicy-2016-08"],
            },
          ],
          availabilityZones: ["eu-west-1a"],
          subnets: ["subnet-1"],
          vpcid: "vpc-1",
          instances: [{ instanceId: "i-1" }],
          securityGroups: ["sg-1"],
          createdTime: "2015-06-01T00:00:00.000Z",
          scheme: "internet-facing",
        },
        supplementaryConfiguration: {
          LoadBalancerAttributes: JSON.stringify({
            crossZoneLoadBalancing: { enabled: false },
            accessLog: { enabled: false },
            connectionDraining: { enabled: true, timeout: 300 },
          }),
        },
      }),
    ]);
    const lb = out.resources.find((r) => r.type === "AWS::ElasticLoadBalancing::LoadBalancer");
    expect(lb).toMatchObject({
      id: arn,
      parent: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-1`,
      props: {
        name: "legacy",
        scheme: "internet-facing",
        vpcId: "vpc-1",
        dnsName: "legacy-1.eu-west-1.elb.amazonaws.com",
        subnetIds: ["subnet-1"],
        securityGroupIds: ["sg-1"],
        instanceIds: ["i-1"],
        accessLogsEnabled: false,
        crossZone: false,
      },
    });
    expect(
      (lb?.props as { listeners: { protocol: string; sslCertificateId: string | null }[] } | undefined)
        ?.listeners,
    ).toEqual([
      expect.objectContaining({ protocol: "HTTP", port: 80, instancePort: 8080, sslCertificateId: null }),
      expect.objectContaining({
        protocol: "HTTPS",
        port: 443,
        sslCertificateId: "arn:aws:acm:eu-west-1:123456789012:certificate/c",
      }),
    ]);
  });

  it("an item without attributes leaves access logs unknown", () => {
    const out = normalizeConfigItems([
      item({
        resourceType: "AWS::ElasticLoadBalancing::LoadBalancer",
        resourceId: "legacy",
        arn,
        configuration: { loadBalancerName: "legacy", scheme: "internal" },
      }),
    ]);
    expect(out.resources[0]?.props).not.toHaveProperty("accessLogsEnabled");
  });
});
