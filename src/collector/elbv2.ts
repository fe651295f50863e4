import {
  DescribeTagsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
  type Tag,
  type TargetGroup,
  type TargetHealthDescription,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { ec2Arn } from "../model/arn.ts";
import type { ListenerProps } from "../model/props.ts";
import type { ResourceOf } from "../model/snapshot.ts";
import { defineService, type Where } from "./types.ts";
import { all, Collected, nameOf, orNull, tagsOf } from "./util.ts";

export interface Elbv2Raw {
  loadBalancers: LoadBalancer[];
  listeners: Listener[];
  targetGroups: TargetGroup[];
  /** Target group ARN → its registered targets. */
  targetHealth: Record<string, TargetHealthDescription[]>;
  /** Resource ARN → tags. */
  tags: Record<string, Tag[]>;
}

const op = (command: string) => ({ command, iam: [`elasticloadbalancing:${command}`] });
/** DescribeTags takes at most 20 ARNs per call. */
const TAG_BATCH = 20;

export default defineService<Elbv2Raw>({
  service: "elbv2",
  global: false,
  operations: [
    op("DescribeLoadBalancers"),
    op("DescribeListeners"),
    op("DescribeTargetGroups"),
    op("DescribeTargetHealth"),
    op("DescribeTags"),
  ],

  async fetch(ctx) {
    const client = ctx.client(ElasticLoadBalancingV2Client);
    const page = { client, pageSize: 400 };
    const [loadBalancers, targetGroups] = await Promise.all([
      all(paginateDescribeLoadBalancers(page, {}), (p) => p.LoadBalancers),
      all(paginateDescribeTargetGroups(page, {}), (p) => p.TargetGroups),
    ]);
    // Listeners and target health have no account-wide list call: one call per load balancer / target group.
    const listeners = (
      await Promise.all(
        loadBalancers.map((lb) =>
          all(paginateDescribeListeners(page, { LoadBalancerArn: lb.LoadBalancerArn }), (p) => p.Listeners),
        ),
      )
    ).flat();
    const health = await Promise.all(
      targetGroups.map(
        async (tg) =>
          [
            tg.TargetGroupArn ?? "",
            (await client.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn })))
              .TargetHealthDescriptions ?? [],
          ] as const,
      ),
    );
    const arns = [
      ...loadBalancers.map((l) => l.LoadBalancerArn),
      ...targetGroups.map((t) => t.TargetGroupArn),
    ].filter((a): a is string => a !== undefined);
    const tags: Record<string, Tag[]> = {};
    for (let i = 0; i < arns.length; i += TAG_BATCH) {
      const out = await client.send(new DescribeTagsCommand({ ResourceArns: arns.slice(i, i + TAG_BATCH) }));
      for (const d of out.TagDescriptions ?? []) if (d.ResourceArn) tags[d.ResourceArn] = d.Tags ?? [];
    }
    return { loadBalancers, listeners, targetGroups, targetHealth: Object.fromEntries(health), tags };
  },

  normalize: normalizeElbv2,
});

/** Pure: ELBv2 API output → load balancers, listeners, target groups and their edges. */
export function normalizeElbv2(raw: Elbv2Raw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  const lbNames = new Map<string, string>();
  for (const lb of raw.loadBalancers) {
    if (!lb.LoadBalancerArn || !lb.VpcId) continue;
    const tags = tagsOf(raw.tags[lb.LoadBalancerArn]);
    const name = lb.LoadBalancerName ?? lb.LoadBalancerArn;
    lbNames.set(lb.LoadBalancerArn, name);
    const sgs = lb.SecurityGroups ?? [];
    out.add<ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer">>({
      id: lb.LoadBalancerArn,
      type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
      account,
      region,
      name: nameOf(tags, name) ?? name,
      tags,
      parent: ec2Arn(region, account, "vpc", lb.VpcId),
      props: {
        name,
        loadBalancerType:
          lb.Type === "network" ? "network" : lb.Type === "gateway" ? "gateway" : "application",
        scheme: lb.Scheme === "internal" ? "internal" : "internet-facing",
        vpcId: lb.VpcId,
        subnetIds: (lb.AvailabilityZones ?? []).flatMap((z) => (z.SubnetId ? [z.SubnetId] : [])),
        availabilityZones: (lb.AvailabilityZones ?? []).flatMap((z) => (z.ZoneName ? [z.ZoneName] : [])),
        securityGroupIds: sgs,
        dnsName: lb.DNSName ?? "",
        ipAddressType: lb.IpAddressType ?? "ipv4",
      },
    });
    for (const g of sgs) out.edge(lb.LoadBalancerArn, ec2Arn(region, account, "security-group", g), "uses");
  }

  for (const l of raw.listeners) {
    if (!l.ListenerArn || !l.LoadBalancerArn) continue;
    const actions: ListenerProps["defaultActions"] = (l.DefaultActions ?? []).map((a) => {
      const tgs = [
        ...(a.ForwardConfig?.TargetGroups ?? []).flatMap((t) => (t.TargetGroupArn ? [t.TargetGroupArn] : [])),
        ...(a.TargetGroupArn ? [a.TargetGroupArn] : []),
      ];
      return {
        type:
          a.Type === "redirect" ||
          a.Type === "fixed-response" ||
          a.Type === "authenticate-oidc" ||
          a.Type === "authenticate-cognito"
            ? a.Type
            : "forward",
        targetGroupArns: [...new Set(tgs)],
        redirect: a.RedirectConfig
          ? {
              protocol: a.RedirectConfig.Protocol ?? "#{protocol}",
              port: a.RedirectConfig.Port ?? "#{port}",
              statusCode: a.RedirectConfig.StatusCode === "HTTP_302" ? "HTTP_302" : "HTTP_301",
            }
          : null,
      };
    });
    const protocol = l.Protocol ?? "HTTP";
    out.add<ResourceOf<"AWS::ElasticLoadBalancingV2::Listener">>({
      id: l.ListenerArn,
      type: "AWS::ElasticLoadBalancingV2::Listener",
      account,
      region,
      // A listener has no name of its own: "<load balancer>:<port>" is how people say it.
      name: `${lbNames.get(l.LoadBalancerArn) ?? l.LoadBalancerArn.split("/").slice(-2, -1)[0]}:${l.Port ?? 0}`,
      tags: {},
      parent: l.LoadBalancerArn,
      props: {
        loadBalancerArn: l.LoadBalancerArn,
        protocol:
          (["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"] as const).find(
            (p) => p === protocol,
          ) ?? "HTTP",
        port: l.Port ?? 0,
        certificateArns: (l.Certificates ?? []).flatMap((c) => (c.CertificateArn ? [c.CertificateArn] : [])),
        sslPolicy: orNull(l.SslPolicy),
        defaultActions: actions,
      },
    });
    out.edge(l.LoadBalancerArn, l.ListenerArn, "targets");
    for (const a of actions)
      if (a.type === "forward") for (const tg of a.targetGroupArns) out.edge(l.ListenerArn, tg, "targets");
  }

  for (const tg of raw.targetGroups) {
    if (!tg.TargetGroupArn) continue;
    const tags = tagsOf(raw.tags[tg.TargetGroupArn]);
    const targetType =
      tg.TargetType === "ip" || tg.TargetType === "lambda" || tg.TargetType === "alb"
        ? tg.TargetType
        : "instance";
    const targets = (raw.targetHealth[tg.TargetGroupArn] ?? []).flatMap((h) =>
      h.Target?.Id
        ? [
            {
              id: h.Target.Id,
              port: orNull(h.Target.Port),
              availabilityZone: orNull(h.Target.AvailabilityZone),
            },
          ]
        : [],
    );
    const name = tg.TargetGroupName ?? tg.TargetGroupArn;
    out.add<ResourceOf<"AWS::ElasticLoadBalancingV2::TargetGroup">>({
      id: tg.TargetGroupArn,
      type: "AWS::ElasticLoadBalancingV2::TargetGroup",
      account,
      region,
      name: nameOf(tags, name) ?? name,
      tags,
      ...(tg.VpcId ? { parent: ec2Arn(region, account, "vpc", tg.VpcId) } : {}),
      props: {
        name,
        protocol: orNull(tg.Protocol),
        port: orNull(tg.Port),
        targetType,
        vpcId: orNull(tg.VpcId),
        loadBalancerArns: tg.LoadBalancerArns ?? [],
        targets,
      },
    });
    if (targetType === "instance")
      for (const t of targets)
        out.edge(tg.TargetGroupArn, ec2Arn(region, account, "instance", t.id), "targets");
  }
  return out.result();
}
