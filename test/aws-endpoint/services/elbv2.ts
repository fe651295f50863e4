import {
  DescribeListeners$,
  DescribeLoadBalancerAttributes$,
  DescribeLoadBalancers$,
  DescribeTags$,
  DescribeTargetGroups$,
  DescribeTargetHealth$,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { KnownType } from "../../../src/model/props.ts";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// ELBv2's Describe* answers built from the snapshot: the inverse of src/collector/elbv2.ts.
// Requests AWS would refuse are refused the same way, so a collector bug shows here, not in production.

const of = <T extends KnownType>(rs: readonly Resource[], type: T) =>
  rs.filter((r): r is ResourceOf<T> => r.type === type);
const paging = (items: string) => ({ items, token: "Marker", nextToken: "NextMarker", limit: "PageSize" });
/** awsQuery lists arrive as Name.member.1, Name.member.2, … */
const memberList = (params: Record<string, unknown>, name: string) =>
  Object.entries(params)
    .filter(([k]) => k.startsWith(`${name}.member.`))
    .sort(([a], [b]) => Number(a.split(".").pop()) - Number(b.split(".").pop()))
    .map(([, v]) => String(v));

function validationError(message: string): never {
  throw Object.assign(new Error(message), { code: "ValidationError", status: 400 });
}

/** PageSize is 1–400 on every ELBv2 Describe*. */
function checkPageSize(params: Record<string, unknown>): void {
  if (params.PageSize === undefined) return;
  const size = Number(params.PageSize);
  if (!(Number.isInteger(size) && size >= 1 && size <= 400))
    validationError(
      `1 validation error detected: Value '${String(params.PageSize)}' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400`,
    );
}

export const elbv2Handler: ServiceHandler = {
  signingName: "elasticloadbalancing",
  apiVersion: "2015-12-01",
  protocol: "query",
  xmlNamespace: "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
  operations: {
    DescribeLoadBalancers: {
      schema: DescribeLoadBalancers$ as unknown as OperationSchema,
      paging: paging("LoadBalancers"),
      handle: ({ resources, params }) => {
        checkPageSize(params);
        return {
          LoadBalancers: of(resources, "AWS::ElasticLoadBalancingV2::LoadBalancer").map((lb) => ({
            LoadBalancerArn: lb.id,
            LoadBalancerName: lb.props.name,
            DNSName: lb.props.dnsName,
            Scheme: lb.props.scheme,
            VpcId: lb.props.vpcId,
            Type: lb.props.loadBalancerType,
            State: { Code: "active" },
            AvailabilityZones: lb.props.subnetIds.map((SubnetId, i) => ({
              SubnetId,
              ZoneName: lb.props.availabilityZones[i],
            })),
            // AWS leaves the member out for load balancers without groups.
            SecurityGroups: lb.props.securityGroupIds.length > 0 ? lb.props.securityGroupIds : undefined,
            IpAddressType: lb.props.ipAddressType,
          })),
        };
      },
    },
    DescribeListeners: {
      schema: DescribeListeners$ as unknown as OperationSchema,
      paging: paging("Listeners"),
      handle: ({ resources, params }) => {
        checkPageSize(params);
        const byArn = memberList(params, "ListenerArns");
        if (params.LoadBalancerArn === undefined && byArn.length === 0)
          validationError("You must specify either listener ARNs or a load balancer ARN");
        return {
          Listeners: of(resources, "AWS::ElasticLoadBalancingV2::Listener")
            .filter((l) =>
              byArn.length > 0 ? byArn.includes(l.id) : l.props.loadBalancerArn === params.LoadBalancerArn,
            )
            .map((l) => ({
              ListenerArn: l.id,
              LoadBalancerArn: l.props.loadBalancerArn,
              Port: l.props.port,
              Protocol: l.props.protocol,
              Certificates:
                l.props.certificateArns.length > 0
                  ? l.props.certificateArns.map((CertificateArn) => ({ CertificateArn }))
                  : undefined,
              SslPolicy: l.props.sslPolicy ?? undefined,
              DefaultActions: l.props.defaultActions.map((a, i) => ({
                Type: a.type,
                Order: i + 1,
                // One group: AWS fills both forms; several: only ForwardConfig, with weights.
                ...(a.type === "forward" && a.targetGroupArns.length === 1
                  ? { TargetGroupArn: a.targetGroupArns[0] }
                  : {}),
                ...(a.type === "forward"
                  ? {
                      ForwardConfig: {
                        TargetGroups: a.targetGroupArns.map((TargetGroupArn) => ({
                          TargetGroupArn,
                          Weight: 1,
                        })),
                        TargetGroupStickinessConfig: { Enabled: false },
                      },
                    }
                  : {}),
                ...(a.redirect
                  ? {
                      RedirectConfig: {
                        Protocol: a.redirect.protocol,
                        Port: a.redirect.port,
                        Host: "#{host}",
                        Path: "/#{path}",
                        Query: "#{query}",
                        StatusCode: a.redirect.statusCode,
                      },
                    }
                  : {}),
              })),
            })),
        };
      },
    },
    DescribeTargetGroups: {
      schema: DescribeTargetGroups$ as unknown as OperationSchema,
      paging: paging("TargetGroups"),
      handle: ({ resources, params }) => {
        checkPageSize(params);
        return {
          TargetGroups: of(resources, "AWS::ElasticLoadBalancingV2::TargetGroup").map((tg) => ({
            TargetGroupArn: tg.id,
            TargetGroupName: tg.props.name,
            Protocol: tg.props.protocol ?? undefined,
            Port: tg.props.port ?? undefined,
            VpcId: tg.props.vpcId ?? undefined,
            TargetType: tg.props.targetType,
            LoadBalancerArns: tg.props.loadBalancerArns,
          })),
        };
      },
    },
    DescribeLoadBalancerAttributes: {
      schema: DescribeLoadBalancerAttributes$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const lb = of(resources, "AWS::ElasticLoadBalancingV2::LoadBalancer").find(
          (l) => l.id === params.LoadBalancerArn,
        );
        if (!lb)
          throw Object.assign(new Error("One or more load balancers not found"), {
            code: "LoadBalancerNotFound",
            status: 400,
          });
        // AWS lists every attribute of the type, as strings; the ones the model does not hold are AWS's defaults.
        const flag = (v: boolean | undefined) => (v === undefined ? [] : [String(v)]);
        return {
          Attributes: [
            ...flag(lb.props.accessLogsEnabled).map((Value) => ({ Key: "access_logs.s3.enabled", Value })),
            { Key: "access_logs.s3.bucket", Value: lb.props.accessLogsEnabled ? "logs-bucket" : "" },
            ...flag(lb.props.deletionProtection).map((Value) => ({
              Key: "deletion_protection.enabled",
              Value,
            })),
            ...(lb.props.loadBalancerType === "application"
              ? [
                  { Key: "idle_timeout.timeout_seconds", Value: "60" },
                  ...flag(lb.props.dropInvalidHeaderFields).map((Value) => ({
                    Key: "routing.http.drop_invalid_header_fields.enabled",
                    Value,
                  })),
                ]
              : []),
          ],
        };
      },
    },
    DescribeTargetHealth: {
      schema: DescribeTargetHealth$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const tg = of(resources, "AWS::ElasticLoadBalancingV2::TargetGroup").find(
          (t) => t.id === params.TargetGroupArn,
        );
        if (!tg)
          throw Object.assign(new Error("One or more target groups not found"), {
            code: "TargetGroupNotFound",
            status: 400,
          });
        return {
          TargetHealthDescriptions: (tg.props.targets ?? []).map((t) => ({
            Target: {
              Id: t.id,
              Port: t.port ?? undefined,
              AvailabilityZone: t.availabilityZone ?? undefined,
            },
            HealthCheckPort: t.port === null ? undefined : String(t.port),
            TargetHealth: { State: "healthy" },
          })),
        };
      },
    },
    DescribeTags: {
      schema: DescribeTags$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const arns = memberList(params, "ResourceArns");
        if (arns.length > 20)
          validationError(
            "1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: Member must have length less than or equal to 20",
          );
        const byId = new Map(resources.map((r) => [r.id, r]));
        return {
          TagDescriptions: arns.map((arn) => ({
            ResourceArn: arn,
            Tags: Object.entries(byId.get(arn)?.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
          })),
        };
      },
    },
  },
};
