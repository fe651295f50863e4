import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingClient,
} from "@aws-sdk/client-elastic-load-balancing";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { mockFetchContext } from "../mock-context.ts";
import api, { type ElbRaw, normalizeElb } from "./api.ts";

const where = { account: "123456789012", region: "us-east-2" };
type Recorded = Record<string, unknown> & { _case: string; _request?: Record<string, string> };
const recorded = (name: string): Recorded =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as Recorded;
const strip = ({ _case, _request, ...rest }: Recorded) => rest;
const lbs = () => recorded("DescribeLoadBalancers_1").LoadBalancerDescriptions as ElbRaw["loadBalancers"];
const attrs = recorded("DescribeLoadBalancerAttributes_1");
const tagged = () =>
  Object.fromEntries(
    (recorded("DescribeTags_1").TagDescriptions as { LoadBalancerName: string; Tags: [] }[]).map((d) => [
      d.LoadBalancerName,
      d.Tags,
    ]),
  );

describe("normalizeElb on recorded responses", () => {
  it("a classic ELB: ARN from its name, listeners as props, subnets, groups and instances as edges", () => {
    const { resources, edges } = normalizeElb(
      {
        loadBalancers: lbs(),
        tags: tagged(),
        attributes: { [String(attrs._request?.LoadBalancerName)]: attrs.LoadBalancerAttributes as never },
      },
      where,
    );
    expect(resources[0]).toEqual({
      id: "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/balanced",
      type: "AWS::ElasticLoadBalancing::LoadBalancer",
      account: "123456789012",
      region: "us-east-2",
      name: "Legacy web",
      tags: { Platform: "ubuntu", Name: "Legacy web" },
      parent: "arn:aws:ec2:us-east-2:123456789012:vpc/vpc-d2d616b5",
      props: {
        name: "balanced",
        scheme: "internet-facing",
        vpcId: "vpc-d2d616b5",
        subnetIds: ["subnet-3a334610", "subnet-e3b194de"],
        availabilityZones: ["us-east-2a", "us-east-2b"],
        securityGroupIds: ["sg-6c7fa917"],
        dnsName: "balanced-289865228.us-east-2.elb.amazonaws.com",
        listeners: [
          {
            protocol: "HTTP",
            port: 80,
            instanceProtocol: "HTTP",
            instancePort: 80,
            sslCertificateId: null,
            policyNames: [],
          },
        ],
        instanceIds: ["i-0d6fc89a578546fec"],
        accessLogsEnabled: true,
        crossZone: true,
      },
    });
    expect(edges.filter((e) => e.from === resources[0]?.id)).toEqual([
      {
        from: resources[0]?.id,
        to: "arn:aws:ec2:us-east-2:123456789012:security-group/sg-6c7fa917",
        kind: "uses",
      },
      {
        from: resources[0]?.id,
        to: "arn:aws:ec2:us-east-2:123456789012:instance/i-0d6fc89a578546fec",
        kind: "targets",
      },
    ]);
  });

  it("an HTTPS listener keeps its certificate and policies; attributes not read stay unknown", () => {
    const { resources } = normalizeElb({ loadBalancers: lbs(), tags: {}, attributes: {} }, where);
    const tls = resources[1];
    expect(tls?.name).toBe("test-elb");
    expect((tls?.props as { listeners: unknown[] } | undefined)?.listeners).toEqual([
      {
        protocol: "HTTPS",
        port: 443,
        instanceProtocol: "HTTPS",
        instancePort: 443,
        sslCertificateId:
          "arn:aws:acm:us-east-2:123456789012:certificate/80d45f1f-e9b3-4e46-8118-8504079d27b3",
        policyNames: ["AWSConsole-SSLNegotiationPolicy-test-elb-1646765145761"],
      },
    ]);
    expect(tls?.props).not.toHaveProperty("accessLogsEnabled");
    expect(tls?.props).not.toHaveProperty("crossZone");
  });
});

describe("classic ELB fetch", () => {
  const mock = mockClient(ElasticLoadBalancingClient);
  afterEach(() => mock.reset());

  it("pages by 400, tags by name in batches, attributes per load balancer", async () => {
    mock.on(DescribeLoadBalancersCommand).resolves(strip(recorded("DescribeLoadBalancers_1")));
    mock.on(DescribeTagsCommand).resolves(strip(recorded("DescribeTags_1")));
    mock
      .on(DescribeLoadBalancerAttributesCommand, { LoadBalancerName: "balanced" })
      .resolves(strip(attrs))
      .on(DescribeLoadBalancerAttributesCommand, { LoadBalancerName: "test-elb" })
      .resolves({ LoadBalancerAttributes: { AccessLog: { Enabled: false } } });
    const out = await api.fetch(mockFetchContext("123456789012", "us-east-2"));
    expect(mock.commandCalls(DescribeLoadBalancersCommand)[0]?.args[0].input).toMatchObject({
      PageSize: 400,
    });
    expect(mock.commandCalls(DescribeTagsCommand).map((c) => c.args[0].input)).toEqual([
      { LoadBalancerNames: ["balanced", "test-elb"] },
    ]);
    expect(Object.keys(out.attributes)).toEqual(["balanced", "test-elb"]);
    expect(out.tags.balanced).toHaveLength(2);
    const { resources } = normalizeElb(out, where);
    expect(resources.map((r) => (r.props as { accessLogsEnabled?: boolean }).accessLogsEnabled)).toEqual([
      true,
      false,
    ]);
  });
});
