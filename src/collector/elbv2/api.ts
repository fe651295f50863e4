import type {
  Listener,
  LoadBalancer,
  LoadBalancerAttribute,
  Tag,
  TargetGroup,
  TargetHealthDescription,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import pLimit from "p-limit";
import { ec2Arn } from "../../model/arn.ts";
import type { ListenerProps } from "../../model/props.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, orNull, tagsOf } from "../util.ts";

export interface Elbv2Raw {
  loadBalancers: LoadBalancer[];
  listeners: Listener[];
  targetGroups: TargetGroup[];
  /** Target group ARN → its registered targets. */
  targetHealth: Record<string, TargetHealthDescription[]>;
  /** Resource ARN → tags. */
  tags: Record<string, Tag[]>;
  /**
   * Load balancer ARN → its attributes (DescribeLoadBalancerAttributes, or Config's supplementary
   * LoadBalancerAttributes); a load balancer missing here had its attributes not read.
   */
  attributes: Record<string, LoadBalancerAttribute[]>;
}

const op = (command: string) => ({ command, iam: [`elasticloadbalancing:${command}`] });
/** DescribeTags takes at most 20 ARNs per call. */
const TAG_BATCH = 20;

/** Calls one elbv2 task keeps in flight (its per-resource calls). */
const CONCURRENCY = 8;

export default defineService<Elbv2Raw>({
  service: "elbv2",
  global: false,
  concurrency: CONCURRENCY,
  operations: [
    op("DescribeLoadBalancers"),
    op("DescribeLoadBalancerAttributes"),
    op("DescribeListeners"),
    op("DescribeTargetGroups"),
    op("DescribeTargetHealth"),
    op("DescribeTags"),
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.ElasticLoadBalancingV2Client);
    // 400 is the largest page every ELBv2 Describe* accepts: fewest round trips. The SDK's ELBv2
    // paginators do not map their pageSize option onto PageSize, so it goes in each request.
    const page = { client };
    const PageSize = 400;
    // Per-resource calls grow with the account; a bound keeps a large one from bursting into throttling.
    const limit = pLimit(CONCURRENCY);
    const [loadBalancers, targetGroups] = await Promise.all([
      all(sdk.paginateDescribeLoadBalancers(page, { PageSize }), (p) => p.LoadBalancers),
      all(sdk.paginateDescribeTargetGroups(page, { PageSize }), (p) => p.TargetGroups),
    ]);
    // Listeners and registered targets have no account-wide list call: DescribeListeners needs a load
    // balancer, DescribeTargetHealth a target group (and is the only call that names the targets).
    const [listeners, health, attributes] = await Promise.all([
      Promise.all(
        loadBalancers.map((lb) =>
          limit(() =>
            all(
              sdk.paginateDescribeListeners(page, { LoadBalancerArn: lb.LoadBalancerArn, PageSize }),
              (p) => p.Listeners,
            ),
          ),
        ),
      ).then((l) => l.flat()),
      Promise.all(
        targetGroups.map((tg) =>
          limit(async () => {
            const out = await client.send(
              new sdk.DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn }),
            );
            return [tg.TargetGroupArn ?? "", out.TargetHealthDescriptions ?? []] as const;
          }),
        ),
      ),
      // Access logs, deletion protection, header hygiene: only this per-LB call names them.
      Promise.all(
        loadBalancers.map((lb) =>
          limit(async () => {
            const out = await client.send(
              new sdk.DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lb.LoadBalancerArn }),
            );
            return [lb.LoadBalancerArn ?? "", out.Attributes ?? []] as const;
          }),
        ),
      ),
    ]);
    // Listeners carry tags too (the model has a place for them); DescribeTags takes any ELBv2 ARN.
    const arns = [
      ...loadBalancers.map((l) => l.LoadBalancerArn),
      ...listeners.map((l) => l.ListenerArn),
      ...targetGroups.map((t) => t.TargetGroupArn),
    ].filter((a): a is string => a !== undefined);
    const batches: string[][] = [];
    for (let i = 0; i < arns.length; i += TAG_BATCH) batches.push(arns.slice(i, i + TAG_BATCH));
    const tags: Record<string, Tag[]> = {};
    for (const out of await Promise.all(
      batches.map((ResourceArns) => limit(() => client.send(new sdk.DescribeTagsCommand({ ResourceArns })))),
    ))
      for (const d of out.TagDescriptions ?? []) if (d.ResourceArn) tags[d.ResourceArn] = d.Tags ?? [];
    return {
      loadBalancers,
      listeners,
      targetGroups,
      targetHealth: Object.fromEntries(health),
      tags,
      attributes: Object.fromEntries(attributes),
    };
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
        ...lbAttributes(raw.attributes[lb.LoadBalancerArn]),
      },
    });
    for (const g of sgs) out.edge(lb.LoadBalancerArn, ec2Arn(region, account, "security-group", g), "uses");
  }

  for (const l of raw.listeners) {
    if (!l.ListenerArn || !l.LoadBalancerArn) continue;
    // AWS applies default actions by Order (authenticate before forward), not by list position.
    const ordered = [...(l.DefaultActions ?? [])].sort(
      (x, y) => (x.Order ?? Number.MAX_SAFE_INTEGER) - (y.Order ?? Number.MAX_SAFE_INTEGER),
    );
    const actions: ListenerProps["defaultActions"] = ordered.map((a) => {
      // A forward names its groups in ForwardConfig, in TargetGroupArn (the older form), or in both.
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
    // Gateway Load Balancer listeners have neither protocol nor port in the API: they are always
    // GENEVE on 6081, which is what reachability needs to know.
    const gateway = l.ListenerArn.includes(":listener/gwy/");
    const protocol = l.Protocol ?? (gateway ? "GENEVE" : "HTTP");
    const port = l.Port ?? (gateway ? 6081 : 0);
    out.add<ResourceOf<"AWS::ElasticLoadBalancingV2::Listener">>({
      id: l.ListenerArn,
      type: "AWS::ElasticLoadBalancingV2::Listener",
      account,
      region,
      // A listener has no name of its own: "<load balancer>:<port>" is how people say it.
      name: `${lbNames.get(l.LoadBalancerArn) ?? l.LoadBalancerArn.split("/").slice(-2, -1)[0]}:${port}`,
      tags: tagsOf(raw.tags[l.ListenerArn]),
      parent: l.LoadBalancerArn,
      props: {
        loadBalancerArn: l.LoadBalancerArn,
        protocol:
          (["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"] as const).find(
            (p) => p === protocol,
          ) ?? "HTTP",
        port,
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
    // No target health answer for the group (AWS Config, a dump without the file): its targets are unknown.
    const targets = raw.targetHealth[tg.TargetGroupArn]?.flatMap((h) =>
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
    // IP targets name an address, not a resource: whatever owns it (an ECS task, a peered host) is
    // linked by the module that knows it. The other kinds name a resource asbuilt models.
    for (const t of targets ?? []) {
      const to =
        targetType === "instance"
          ? ec2Arn(region, account, "instance", t.id)
          : targetType === "alb"
            ? t.id
            : targetType === "lambda"
              ? unqualifiedFunctionArn(t.id)
              : undefined;
      if (to !== undefined) out.edge(tg.TargetGroupArn, to, "targets");
    }
  }
  return out.result();
}

/**
 * The attributes rules read, each absent when not read: no answer for the load balancer at all, or an
 * answer without the key (older load balancers and other types lack some, e.g. a network load balancer has
 * no routing.http.* keys).
 */
export function lbAttributes(attrs: readonly LoadBalancerAttribute[] | undefined) {
  const flag = (key: string): boolean | undefined => {
    const v = attrs?.find((a) => a.Key === key)?.Value;
    return v === "true" ? true : v === "false" ? false : undefined;
  };
  const out: {
    accessLogsEnabled?: boolean;
    deletionProtection?: boolean;
    dropInvalidHeaderFields?: boolean;
  } = {};
  const logs = flag("access_logs.s3.enabled");
  const deletion = flag("deletion_protection.enabled");
  const headers = flag("routing.http.drop_invalid_header_fields.enabled");
  if (logs !== undefined) out.accessLogsEnabled = logs;
  if (deletion !== undefined) out.deletionProtection = deletion;
  if (headers !== undefined) out.dropInvalidHeaderFields = headers;
  return out;
}

/** A Lambda target may be a version or alias ARN (…:function:name:live); the function's own ARN has 7 parts. */
function unqualifiedFunctionArn(arn: string): string {
  return arn.split(":").slice(0, 7).join(":");
}
