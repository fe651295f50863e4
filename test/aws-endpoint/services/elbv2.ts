import {
  DescribeListeners$,
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

const of = <T extends KnownType>(rs: readonly Resource[], type: T) =>
  rs.filter((r): r is ResourceOf<T> => r.type === type);
const paging = (items: string) => ({ items, token: "Marker", nextToken: "NextMarker", limit: "PageSize" });
/** awsQuery lists arrive as Name.member.1, Name.member.2, … */
const memberList = (params: Record<string, unknown>, name: string) =>
  Object.entries(params)
    .filter(([k]) => k.startsWith(`${name}.member.`))
    .sort(([a], [b]) => Number(a.split(".").pop()) - Number(b.split(".").pop()))
    .map(([, v]) => String(v));

export const elbv2Handler: ServiceHandler = {
  signingName: "elasticloadbalancing",
  protocol: "query",
  xmlNamespace: "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
  operations: {
    DescribeLoadBalancers: {
      schema: DescribeLoadBalancers$ as unknown as OperationSchema,
      paging: paging("LoadBalancers"),
      handle: ({ resources }) => ({
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
          SecurityGroups: lb.props.securityGroupIds,
          IpAddressType: lb.props.ipAddressType,
        })),
      }),
    },
    DescribeListeners: {
      schema: DescribeListeners$ as unknown as OperationSchema,
      paging: paging("Listeners"),
      handle: ({ resources, params }) => ({
        Listeners: of(resources, "AWS::ElasticLoadBalancingV2::Listener")
          .filter((l) => l.props.loadBalancerArn === params.LoadBalancerArn)
          .map((l) => ({
            ListenerArn: l.id,
            LoadBalancerArn: l.props.loadBalancerArn,
            Port: l.props.port,
            Protocol: l.props.protocol,
            Certificates: l.props.certificateArns.map((CertificateArn) => ({ CertificateArn })),
            SslPolicy: l.props.sslPolicy ?? undefined,
            DefaultActions: l.props.defaultActions.map((a, i) => ({
              Type: a.type,
              Order: i + 1,
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
      }),
    },
    DescribeTargetGroups: {
      schema: DescribeTargetGroups$ as unknown as OperationSchema,
      paging: paging("TargetGroups"),
      handle: ({ resources }) => ({
        TargetGroups: of(resources, "AWS::ElasticLoadBalancingV2::TargetGroup").map((tg) => ({
          TargetGroupArn: tg.id,
          TargetGroupName: tg.props.name,
          Protocol: tg.props.protocol ?? undefined,
          Port: tg.props.port ?? undefined,
          VpcId: tg.props.vpcId ?? undefined,
          TargetType: tg.props.targetType,
          LoadBalancerArns: tg.props.loadBalancerArns,
        })),
      }),
    },
    DescribeTargetHealth: {
      schema: DescribeTargetHealth$ as unknown as OperationSchema,
      handle: ({ resources, params }) => ({
        TargetHealthDescriptions: (
          of(resources, "AWS::ElasticLoadBalancingV2::TargetGroup").find(
            (tg) => tg.id === params.TargetGroupArn,
          )?.props.targets ?? []
        ).map((t) => ({
          Target: { Id: t.id, Port: t.port ?? undefined, AvailabilityZone: t.availabilityZone ?? undefined },
          TargetHealth: { State: "healthy" },
        })),
      }),
    },
    DescribeTags: {
      schema: DescribeTags$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const byId = new Map(resources.map((r) => [r.id, r]));
        return {
          TagDescriptions: memberList(params, "ResourceArns").map((arn) => ({
            ResourceArn: arn,
            Tags: Object.entries(byId.get(arn)?.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
          })),
        };
      },
    },
  },
};
