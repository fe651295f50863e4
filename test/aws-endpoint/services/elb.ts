import {
  DescribeLoadBalancerAttributes$,
  DescribeLoadBalancers$,
  DescribeTags$,
} from "@aws-sdk/client-elastic-load-balancing";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// The classic ELB API (2012-06-01) answered from the snapshot: the inverse of src/collector/elb/api.ts. It
// shares ELBv2's signing name; the request's Version selects it. Requests AWS would refuse are refused the
// same way.

type Lb = ResourceOf<"AWS::ElasticLoadBalancing::LoadBalancer">;
const lbs = (rs: readonly Resource[]) =>
  rs.filter((r): r is Lb => r.type === "AWS::ElasticLoadBalancing::LoadBalancer");
/** awsQuery lists arrive as Name.member.1, Name.member.2, … */
const memberList = (params: Record<string, unknown>, name: string) =>
  Object.entries(params)
    .filter(([k]) => k.startsWith(`${name}.member.`))
    .sort(([a], [b]) => Number(a.split(".").pop()) - Number(b.split(".").pop()))
    .map(([, v]) => String(v));

function notFound(name: unknown): never {
  throw Object.assign(new Error(`There is no ACTIVE Load Balancer named '${String(name)}'`), {
    code: "LoadBalancerNotFound",
    status: 400,
  });
}

export const elbHandler: ServiceHandler = {
  signingName: "elasticloadbalancing",
  apiVersion: "2012-06-01",
  protocol: "query",
  xmlNamespace: "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/",
  operations: {
    DescribeLoadBalancers: {
      schema: DescribeLoadBalancers$ as unknown as OperationSchema,
      paging: {
        items: "LoadBalancerDescriptions",
        token: "Marker",
        nextToken: "NextMarker",
        limit: "PageSize",
      },
      handle: ({ resources, params }) => {
        const size = params.PageSize === undefined ? 400 : Number(params.PageSize);
        if (!(Number.isInteger(size) && size >= 1 && size <= 400))
          throw Object.assign(new Error("PageSize must be between 1 and 400"), {
            code: "ValidationError",
            status: 400,
          });
        return {
          LoadBalancerDescriptions: lbs(resources).map((lb) => ({
            LoadBalancerName: lb.props.name,
            DNSName: lb.props.dnsName,
            CanonicalHostedZoneNameID: "Z3DZXE0Q79N41H",
            ListenerDescriptions: lb.props.listeners.map((l) => ({
              Listener: {
                Protocol: l.protocol,
                LoadBalancerPort: l.port,
                InstanceProtocol: l.instanceProtocol ?? undefined,
                InstancePort: l.instancePort,
                SSLCertificateId: l.sslCertificateId ?? undefined,
              },
              PolicyNames: l.policyNames,
            })),
            Policies: { AppCookieStickinessPolicies: [], LBCookieStickinessPolicies: [], OtherPolicies: [] },
            BackendServerDescriptions: [],
            AvailabilityZones: lb.props.availabilityZones,
            Subnets: lb.props.subnetIds,
            VPCId: lb.props.vpcId ?? undefined,
            Instances: lb.props.instanceIds.map((InstanceId) => ({ InstanceId })),
            HealthCheck: {
              Target: "HTTP:80/",
              Interval: 30,
              Timeout: 5,
              UnhealthyThreshold: 2,
              HealthyThreshold: 10,
            },
            SourceSecurityGroup: { OwnerAlias: lb.account, GroupName: "default" },
            SecurityGroups: lb.props.securityGroupIds,
            CreatedTime: new Date("2015-06-01T00:00:00Z"),
            Scheme: lb.props.scheme,
          })),
        };
      },
    },
    DescribeLoadBalancerAttributes: {
      schema: DescribeLoadBalancerAttributes$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const lb = lbs(resources).find((l) => l.props.name === params.LoadBalancerName);
        if (!lb) notFound(params.LoadBalancerName);
        return {
          LoadBalancerAttributes: {
            ...(lb.props.crossZone !== undefined
              ? { CrossZoneLoadBalancing: { Enabled: lb.props.crossZone } }
              : {}),
            ...(lb.props.accessLogsEnabled !== undefined
              ? {
                  AccessLog: {
                    Enabled: lb.props.accessLogsEnabled,
                    ...(lb.props.accessLogsEnabled ? { S3BucketName: "elb-logs", EmitInterval: 60 } : {}),
                  },
                }
              : {}),
            ConnectionDraining: { Enabled: true, Timeout: 300 },
            ConnectionSettings: { IdleTimeout: 60 },
          },
        };
      },
    },
    DescribeTags: {
      schema: DescribeTags$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const names = memberList(params, "LoadBalancerNames");
        if (names.length === 0 || names.length > 20)
          throw Object.assign(new Error("LoadBalancerNames must list 1 to 20 names"), {
            code: "ValidationError",
            status: 400,
          });
        return {
          TagDescriptions: names.map((name) => {
            const lb = lbs(resources).find((l) => l.props.name === name);
            if (!lb) notFound(name);
            return {
              LoadBalancerName: name,
              Tags: Object.entries(lb.tags).map(([Key, Value]) => ({ Key, Value })),
            };
          }),
        };
      },
    },
  },
};
