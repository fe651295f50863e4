import type {
  LoadBalancerAttributes,
  LoadBalancerDescription,
  Tag,
} from "@aws-sdk/client-elastic-load-balancing";
import pLimit from "p-limit";
import { arns, ec2Arn } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, orNull, tagsOf } from "../util.ts";

// Classic Load Balancers (the 2009 ELB API, "elb" in the AWS CLI): still in accounts built before 2016 and
// in Elastic Beanstalk environments that were never migrated. One resource per load balancer; its listeners
// are props (the API has no listener objects), its instances `targets` edges.

export interface ElbRaw {
  loadBalancers: LoadBalancerDescription[];
  /** Load balancer name → tags. */
  tags: Record<string, Tag[]>;
  /** Load balancer name → its attributes; a load balancer missing here had its attributes not read. */
  attributes: Record<string, LoadBalancerAttributes>;
}

const op = (command: string) => ({ command, iam: [`elasticloadbalancing:${command}`] });
/** DescribeTags takes at most 20 names per call. */
const TAG_BATCH = 20;
const CONCURRENCY = 8;

export default defineService<ElbRaw>({
  service: "elb",
  global: false,
  concurrency: CONCURRENCY,
  operations: [op("DescribeLoadBalancers"), op("DescribeLoadBalancerAttributes"), op("DescribeTags")],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.ElasticLoadBalancingClient);
    const limit = pLimit(CONCURRENCY);
    // 400 is DescribeLoadBalancers' largest page.
    const loadBalancers = await all(
      sdk.paginateDescribeLoadBalancers({ client }, { PageSize: 400 }),
      (p) => p.LoadBalancerDescriptions,
    );
    const names = loadBalancers.flatMap((l) => (l.LoadBalancerName ? [l.LoadBalancerName] : []));
    const batches: string[][] = [];
    for (let i = 0; i < names.length; i += TAG_BATCH) batches.push(names.slice(i, i + TAG_BATCH));
    const [tagOut, attrs] = await Promise.all([
      Promise.all(
        batches.map((LoadBalancerNames) =>
          limit(() => client.send(new sdk.DescribeTagsCommand({ LoadBalancerNames }))),
        ),
      ),
      Promise.all(
        names.map((LoadBalancerName) =>
          limit(async () => {
            const out = await client.send(
              new sdk.DescribeLoadBalancerAttributesCommand({ LoadBalancerName }),
            );
            return [LoadBalancerName, out.LoadBalancerAttributes ?? {}] as const;
          }),
        ),
      ),
    ]);
    const tags: ElbRaw["tags"] = {};
    for (const out of tagOut)
      for (const d of out.TagDescriptions ?? [])
        if (d.LoadBalancerName) tags[d.LoadBalancerName] = d.Tags ?? [];
    return { loadBalancers, tags, attributes: Object.fromEntries(attrs) };
  },

  normalize: normalizeElb,
});

/** Pure: DescribeLoadBalancers (+ tags, attributes) → classic load balancers and their edges. */
export function normalizeElb(raw: ElbRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  for (const lb of raw.loadBalancers) {
    const name = lb.LoadBalancerName;
    if (!name) continue;
    const id = arns.classicLoadBalancer(region, account, name);
    const tags = tagsOf(raw.tags[name]);
    const attrs = raw.attributes[name];
    const vpcId = lb.VPCId ? lb.VPCId : null;
    const sgs = lb.SecurityGroups ?? [];
    const instanceIds = (lb.Instances ?? []).flatMap((i) => (i.InstanceId ? [i.InstanceId] : []));
    out.add<ResourceOf<"AWS::ElasticLoadBalancing::LoadBalancer">>({
      id,
      type: "AWS::ElasticLoadBalancing::LoadBalancer",
      account,
      region,
      name: nameOf(tags, name) ?? name,
      tags,
      ...(vpcId ? { parent: ec2Arn(region, account, "vpc", vpcId) } : {}),
      props: {
        name,
        // An unknown scheme is reported as the riskier one, as for ELBv2, so that no rule misses it.
        scheme: lb.Scheme === "internal" ? "internal" : "internet-facing",
        vpcId,
        subnetIds: lb.Subnets ?? [],
        availabilityZones: lb.AvailabilityZones ?? [],
        securityGroupIds: sgs,
        dnsName: lb.DNSName ?? "",
        listeners: (lb.ListenerDescriptions ?? []).flatMap((d) => {
          const l = d.Listener;
          if (!l?.Protocol || l.LoadBalancerPort === undefined) return [];
          return [
            {
              protocol: l.Protocol.toUpperCase(),
              port: l.LoadBalancerPort,
              instanceProtocol: l.InstanceProtocol ? l.InstanceProtocol.toUpperCase() : null,
              instancePort: l.InstancePort ?? l.LoadBalancerPort,
              sslCertificateId: orNull(l.SSLCertificateId),
              policyNames: d.PolicyNames ?? [],
            },
          ];
        }),
        instanceIds,
        ...(attrs?.AccessLog?.Enabled !== undefined ? { accessLogsEnabled: attrs.AccessLog.Enabled } : {}),
        ...(attrs?.CrossZoneLoadBalancing?.Enabled !== undefined
          ? { crossZone: attrs.CrossZoneLoadBalancing.Enabled }
          : {}),
      },
    });
    for (const g of sgs) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
    for (const i of instanceIds) out.edge(id, ec2Arn(region, account, "instance", i), "targets");
  }
  return out.result();
}
