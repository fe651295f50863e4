import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { isType, type Snapshot } from "../../src/model/snapshot.ts";
import { autoscalingHandler } from "../aws-endpoint/services/autoscaling.ts";
import { cloudfrontHandler } from "../aws-endpoint/services/cloudfront.ts";
import { configurationItems, placesOf } from "../aws-endpoint/services/config.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { ecsHandler } from "../aws-endpoint/services/ecs.ts";
import { efsHandler } from "../aws-endpoint/services/efs.ts";
import { eksHandler } from "../aws-endpoint/services/eks.ts";
import { elasticacheHandler } from "../aws-endpoint/services/elasticache.ts";
import { elbHandler } from "../aws-endpoint/services/elb.ts";
import { elbv2Handler } from "../aws-endpoint/services/elbv2.ts";
import { lambdaHandler } from "../aws-endpoint/services/lambda.ts";
import { opensearchHandler } from "../aws-endpoint/services/opensearch.ts";
import { rdsHandler } from "../aws-endpoint/services/rds.ts";
import { redshiftHandler } from "../aws-endpoint/services/redshift.ts";
import { route53Handler } from "../aws-endpoint/services/route53.ts";
import { s3Handler } from "../aws-endpoint/services/s3.ts";
import { s3controlHandler } from "../aws-endpoint/services/s3control.ts";
import { taggingHandler } from "../aws-endpoint/services/tagging.ts";
import { acmHandler, wafv2Handler } from "../aws-endpoint/services/waf-acm.ts";
import type { RequestContext, ServiceHandler } from "../aws-endpoint/types.ts";

// Writes the offline inputs of `asbuilt import` from a fixture, through the loopback handlers (the
// SDK-shaped answers a live scan reads, which is what the AWS CLI prints):
//   - writeCliDump: <dir>/<account>/<region>/<service>-<operation>.json, CloudMapper's layout, with its
//     per-resource folders (elbv2-describe-target-health/<URL-encoded ARN>, ecs-describe-tasks/<cluster>/<task>,
//     s3-get-…/<bucket>) and a few files asbuilt does not read, as a real collection has. A bucket's
//     configuration it does not have (S3's 404) is recorded as the error, both ways asbuilt reads: botocore's
//     error response as JSON, and the AWS CLI's message (`2>&1`); a bucket never versioned is an empty file
//     (the CLI prints nothing for an empty response);
//   - writeConfigSnapshot: an AWS Config snapshot file as delivered to S3 (.json.gz);
//   - writeSelectOutput: what `aws configservice select-resource-config` prints.
// The tests write them to a temporary folder; to look at one: node bin/run-ts.js test/import/make-dumps.ts edroplets /tmp/dump

type Json = Record<string, unknown>;

/** CloudMapper names per-resource files with Python's urllib.parse.quote_plus. */
export function quotePlus(s: string): string {
  return encodeURIComponent(s)
    .replace(/%20/g, "+")
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Keys sorted at every level, as Python's json.dumps(sort_keys=True) writes them. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== "object" || v instanceof Date) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys((v as Json)[k])]),
  );
}

/** CloudMapper's collect writes json.dumps(data, indent=4, sort_keys=True), without ResponseMetadata. */
async function write(file: string, data: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, typeof data === "string" ? data : JSON.stringify(sortKeys(data), null, 4));
}

function call(h: ServiceHandler, op: string, ctx: RequestContext, params: Json = {}): Json {
  const handler = h.operations[op];
  if (!handler) throw new Error(`make-dumps: no ${op} in ${h.signingName}`);
  return handler.handle({ ...ctx, params });
}

const list = (out: Json, key: string) => (Array.isArray(out[key]) ? (out[key] as Json[]) : []);

export interface DumpOptions {
  /** Folder name per account (default: the account id). CloudMapper uses the account's name. */
  accountDir?: (account: string) => string;
  /** Also write files asbuilt does not read, as CloudMapper's collect does. */
  extras?: boolean;
  /**
   * Only what CloudMapper's `collect` writes (its collect_commands.yaml), laid out as it lays it out: target
   * groups per load balancer (elbv2-describe-target-groups/<LB ARN>), tags per load balancer, ECS tasks per
   * cluster without describe-clusters or describe-services, private zones' VPCs as
   * route53-list-hosted-zones-by-vpc/<region>/<VPC id>; no NAT gateways, transit gateway attachments,
   * listeners, RDS clusters or proxies, ElastiCache replication or subnet groups, WAFv2, ACM, Tagging API,
   * CloudFront or Route 53 tags, nor S3's public access block, versioning, policy status, website or tagging.
   */
  collect?: boolean;
}

/** Writes the fixture as AWS CLI outputs; returns the files written. */
export async function writeCliDump(
  snapshot: Snapshot,
  root: string,
  opts: DumpOptions = {},
): Promise<string[]> {
  const written: string[] = [];
  const put = async (file: string, data: unknown) => {
    await write(file, data);
    written.push(file);
  };
  const collect = opts.collect === true;
  const places = placesOf(snapshot);
  // collect always includes the default region (us-east-1), where it reads the global services.
  if (collect)
    for (const account of new Set(places.map((p) => p.account)))
      if (!places.some((p) => p.account === account && p.region === "us-east-1"))
        places.push({ account, region: "us-east-1" });
  // describe-regions.json in each account folder: every region collected, as collect writes it once.
  for (const account of new Set(places.map((p) => p.account)))
    await put(join(root, opts.accountDir?.(account) ?? account, "describe-regions.json"), {
      Regions: places
        .filter((p) => p.account === account)
        .map((p) => p.region)
        .sort()
        .map((RegionName) => ({ Endpoint: `ec2.${RegionName}.amazonaws.com`, RegionName })),
    });
  for (const { account, region } of places) {
    const accountDir = join(root, opts.accountDir?.(account) ?? account);
    const dir = join(accountDir, region);
    const ctx: RequestContext = {
      account,
      region,
      params: {},
      resources: snapshot.resources.filter((r) => r.account === account && r.region === region),
      snapshot,
    };
    const flat = (name: string, h: ServiceHandler, op: string, params: Json = {}) =>
      put(join(dir, `${name}.json`), call(h, op, ctx, params));

    for (const [name, op] of [
      ["ec2-describe-vpcs", "DescribeVpcs"],
      ["ec2-describe-subnets", "DescribeSubnets"],
      ["ec2-describe-route-tables", "DescribeRouteTables"],
      ["ec2-describe-internet-gateways", "DescribeInternetGateways"],
      ["ec2-describe-nat-gateways", "DescribeNatGateways"],
      ["ec2-describe-addresses", "DescribeAddresses"],
      ["ec2-describe-security-groups", "DescribeSecurityGroups"],
      ["ec2-describe-network-acls", "DescribeNetworkAcls"],
      ["ec2-describe-network-interfaces", "DescribeNetworkInterfaces"],
      ["ec2-describe-instances", "DescribeInstances"],
      ["ec2-describe-vpc-peering-connections", "DescribeVpcPeeringConnections"],
      ["ec2-describe-vpc-endpoints", "DescribeVpcEndpoints"],
      ["ec2-describe-transit-gateway-attachments", "DescribeTransitGatewayAttachments"],
      ["ec2-describe-flow-logs", "DescribeFlowLogs"],
      ["ec2-describe-volumes", "DescribeVolumes"],
    ] as const)
      if (!collect || !COLLECT_SKIPS.has(name)) await flat(name, ec2Handler, op);
    // VPC Block Public Access, where the snapshot records it (CloudMapper's collect has neither call).
    if (
      !collect &&
      ctx.resources.some(
        (r) => r.type === "AWS::EC2::VPC" && (r.props as { blockPublicAccess?: unknown }).blockPublicAccess,
      )
    ) {
      await flat(
        "ec2-describe-vpc-block-public-access-options",
        ec2Handler,
        "DescribeVpcBlockPublicAccessOptions",
      );
      await flat(
        "ec2-describe-vpc-block-public-access-exclusions",
        ec2Handler,
        "DescribeVpcBlockPublicAccessExclusions",
      );
    }
    // Every region's folder has its zones (ec2 describe-availability-zones), which asbuilt does not need.
    await put(join(dir, "ec2-describe-availability-zones.json"), {
      AvailabilityZones: [
        ...new Set(
          ctx.resources.flatMap((r) => {
            const az = (r.props as { availabilityZone?: unknown }).availabilityZone;
            return typeof az === "string" ? [az] : [];
          }),
        ),
      ]
        .sort()
        .map((ZoneName) => ({
          ZoneName,
          RegionName: region,
          State: "available",
          ZoneType: "availability-zone",
        })),
    });

    const lbs = list(call(elbv2Handler, "DescribeLoadBalancers", ctx), "LoadBalancers");
    await put(join(dir, "elbv2-describe-load-balancers.json"), { LoadBalancers: lbs });
    for (const lb of lbs)
      await put(
        join(dir, "elbv2-describe-load-balancer-attributes", quotePlus(String(lb.LoadBalancerArn))),
        call(elbv2Handler, "DescribeLoadBalancerAttributes", ctx, { LoadBalancerArn: lb.LoadBalancerArn }),
      );
    if (collect) {
      // describe-target-groups, describe-tags per load balancer; describe-target-health per target group
      // found so (a target group no load balancer uses is never listed).
      const seen = new Set<string>();
      for (const lb of lbs) {
        const LoadBalancerArn = String(lb.LoadBalancerArn);
        const tgs = list(
          call(elbv2Handler, "DescribeTargetGroups", ctx, { LoadBalancerArn }),
          "TargetGroups",
        );
        await put(join(dir, "elbv2-describe-target-groups", quotePlus(LoadBalancerArn)), {
          TargetGroups: tgs,
        });
        for (const tg of tgs) {
          const TargetGroupArn = String(tg.TargetGroupArn);
          if (seen.has(TargetGroupArn)) continue;
          seen.add(TargetGroupArn);
          await put(
            join(dir, "elbv2-describe-target-health", quotePlus(TargetGroupArn)),
            call(elbv2Handler, "DescribeTargetHealth", ctx, { TargetGroupArn }),
          );
        }
        await put(
          join(dir, "elbv2-describe-tags", quotePlus(LoadBalancerArn)),
          call(elbv2Handler, "DescribeTags", ctx, { "ResourceArns.member.1": LoadBalancerArn }),
        );
      }
    } else {
      await put(join(dir, "elbv2-describe-listeners.json"), {
        Listeners: lbs.flatMap((lb) =>
          list(
            call(elbv2Handler, "DescribeListeners", ctx, { LoadBalancerArn: lb.LoadBalancerArn }),
            "Listeners",
          ),
        ),
      });
      const tgs = list(call(elbv2Handler, "DescribeTargetGroups", ctx), "TargetGroups");
      await put(join(dir, "elbv2-describe-target-groups.json"), { TargetGroups: tgs });
      for (const tg of tgs)
        await put(
          join(dir, "elbv2-describe-target-health", quotePlus(String(tg.TargetGroupArn))),
          call(elbv2Handler, "DescribeTargetHealth", ctx, { TargetGroupArn: tg.TargetGroupArn }),
        );
      const arns = [
        ...lbs.map((l) => l.LoadBalancerArn),
        ...tgs.map((t) => t.TargetGroupArn),
        ...ctx.resources.filter((r) => r.type === "AWS::ElasticLoadBalancingV2::Listener").map((r) => r.id),
      ].map(String);
      const tagDescriptions: Json[] = [];
      for (let i = 0; i < arns.length; i += 20) {
        const params = Object.fromEntries(
          arns.slice(i, i + 20).map((a, j) => [`ResourceArns.member.${j + 1}`, a]),
        );
        tagDescriptions.push(...list(call(elbv2Handler, "DescribeTags", ctx, params), "TagDescriptions"));
      }
      await put(join(dir, "elbv2-describe-tags.json"), { TagDescriptions: tagDescriptions });
    }

    const classic = list(call(elbHandler, "DescribeLoadBalancers", ctx), "LoadBalancerDescriptions");
    await put(join(dir, "elb-describe-load-balancers.json"), { LoadBalancerDescriptions: classic });
    const classicTags: Json[] = [];
    for (const lb of classic) {
      await put(
        join(dir, "elb-describe-load-balancer-attributes", quotePlus(String(lb.LoadBalancerName))),
        call(elbHandler, "DescribeLoadBalancerAttributes", ctx, { LoadBalancerName: lb.LoadBalancerName }),
      );
      classicTags.push(
        ...list(
          call(elbHandler, "DescribeTags", ctx, { "LoadBalancerNames.member.1": lb.LoadBalancerName }),
          "TagDescriptions",
        ),
      );
    }
    await put(join(dir, "elb-describe-tags.json"), { TagDescriptions: classicTags });

    await flat("rds-describe-db-instances", rdsHandler, "DescribeDBInstances");
    await flat("elasticache-describe-cache-clusters", elasticacheHandler, "DescribeCacheClusters");
    await flat("autoscaling-describe-auto-scaling-groups", autoscalingHandler, "DescribeAutoScalingGroups");
    if (!collect) {
      await flat("rds-describe-db-clusters", rdsHandler, "DescribeDBClusters");
      const proxies = call(rdsHandler, "DescribeDBProxies", ctx);
      await put(join(dir, "rds-describe-db-proxies.json"), proxies);
      for (const p of list(proxies, "DBProxies"))
        await put(
          join(dir, "rds-describe-db-proxy-targets", quotePlus(String(p.DBProxyName))),
          call(rdsHandler, "DescribeDBProxyTargets", ctx, { DBProxyName: p.DBProxyName }),
        );

      await flat("elasticache-describe-replication-groups", elasticacheHandler, "DescribeReplicationGroups");
      await flat("elasticache-describe-cache-subnet-groups", elasticacheHandler, "DescribeCacheSubnetGroups");
    }

    const clusterArns = (call(ecsHandler, "ListClusters", ctx).clusterArns ?? []) as string[];
    await put(join(dir, "ecs-list-clusters.json"), { clusterArns });
    if (!collect)
      await flat("ecs-describe-clusters", ecsHandler, "DescribeClusters", {
        clusters: clusterArns,
        include: ["TAGS", "SETTINGS"],
      });
    for (const cluster of clusterArns) {
      if (!collect) {
        const serviceArns = (call(ecsHandler, "ListServices", ctx, { cluster }).serviceArns ??
          []) as string[];
        const services: Json[] = [];
        for (let i = 0; i < serviceArns.length; i += 10)
          services.push(
            ...list(
              call(ecsHandler, "DescribeServices", ctx, {
                cluster,
                services: serviceArns.slice(i, i + 10),
                include: ["TAGS"],
              }),
              "services",
            ),
          );
        await put(join(dir, "ecs-describe-services", quotePlus(cluster)), { services, failures: [] });
      }
      const taskArns = (call(ecsHandler, "ListTasks", ctx, { cluster }).taskArns ?? []) as string[];
      await put(join(dir, "ecs-list-tasks", quotePlus(cluster)), { taskArns });
      for (const task of taskArns)
        await put(
          join(dir, "ecs-describe-tasks", quotePlus(cluster), quotePlus(task)),
          call(ecsHandler, "DescribeTasks", ctx, { cluster, tasks: [task] }),
        );
    }

    await flat("lambda-list-functions", lambdaHandler, "ListFunctions");
    for (const f of list(call(lambdaHandler, "ListFunctions", ctx), "Functions"))
      await put(
        join(dir, "lambda-list-function-url-configs", quotePlus(String(f.FunctionName))),
        call(lambdaHandler, "ListFunctionUrlConfigs", ctx, { FunctionName: f.FunctionName }),
      );

    await flat("redshift-describe-clusters", redshiftHandler, "DescribeClusters");
    await flat("redshift-describe-cluster-subnet-groups", redshiftHandler, "DescribeClusterSubnetGroups");
    const eksClusters = (call(eksHandler, "ListClusters", ctx).clusters ?? []) as string[];
    await put(join(dir, "eks-list-clusters.json"), { clusters: eksClusters });
    for (const name of eksClusters)
      await put(
        join(dir, "eks-describe-cluster", quotePlus(name)),
        call(eksHandler, "DescribeCluster", ctx, { name }),
      );
    // OpenSearch as CloudMapper's collect writes it: the Elasticsearch API's names, one file per domain.
    const domainNames = list(call(opensearchHandler, "ListDomainNames", ctx), "DomainNames");
    await put(join(dir, "es-list-domain-names.json"), { DomainNames: domainNames });
    for (const d of domainNames)
      await put(join(dir, "es-describe-elasticsearch-domain", quotePlus(String(d.DomainName))), {
        DomainStatus: list(
          call(opensearchHandler, "DescribeDomains", ctx, { DomainNames: [d.DomainName] }),
          "DomainStatusList",
        )[0],
      });

    // CloudMapper's collect asks only for the file systems (no mount targets).
    const fileSystems = list(call(efsHandler, "DescribeFileSystems", ctx), "FileSystems");
    await put(join(dir, "efs-describe-file-systems.json"), { FileSystems: fileSystems });
    if (!collect)
      for (const f of fileSystems) {
        const out = call(efsHandler, "DescribeMountTargets", ctx, { FileSystemId: f.FileSystemId });
        await put(join(dir, "efs-describe-mount-targets", quotePlus(String(f.FileSystemId))), out);
        for (const m of list(out, "MountTargets"))
          await put(
            join(dir, "efs-describe-mount-target-security-groups", quotePlus(String(m.MountTargetId))),
            call(efsHandler, "DescribeMountTargetSecurityGroups", ctx, { MountTargetId: m.MountTargetId }),
          );
      }

    if (!collect) {
      const webAcls: Json[] = [];
      for (const scope of region === "us-east-1" ? ["REGIONAL", "CLOUDFRONT"] : ["REGIONAL"])
        for (const s of list(call(wafv2Handler, "ListWebACLs", ctx, { Scope: scope }), "WebACLs")) {
          webAcls.push(s);
          await put(
            join(dir, "wafv2-get-web-acl", `${String(s.Id)}.json`),
            call(wafv2Handler, "GetWebACL", ctx, { Scope: scope, Id: s.Id }),
          );
          if (scope === "REGIONAL")
            await put(
              join(dir, "wafv2-list-resources-for-web-acl", quotePlus(String(s.ARN))),
              call(wafv2Handler, "ListResourcesForWebACL", ctx, { WebACLArn: s.ARN }),
            );
          await put(
            join(dir, "wafv2-list-tags-for-resource", quotePlus(String(s.ARN))),
            call(wafv2Handler, "ListTagsForResource", ctx, { ResourceARN: s.ARN }),
          );
        }
      await put(join(dir, "wafv2-list-web-acls.json"), { WebACLs: webAcls });

      const certs = list(call(acmHandler, "ListCertificates", ctx), "CertificateSummaryList");
      await put(join(dir, "acm-list-certificates.json"), { CertificateSummaryList: certs });
      for (const c of certs)
        await put(
          join(dir, "acm-describe-certificate", quotePlus(String(c.CertificateArn))),
          call(acmHandler, "DescribeCertificate", ctx, { CertificateArn: c.CertificateArn }),
        );
      await flat("resourcegroupstaggingapi-get-resources", taggingHandler, "GetResources");
    }

    // Global services, in the us-east-1 folder as CloudMapper writes them.
    if (region === "us-east-1") {
      const global: RequestContext = {
        ...ctx,
        resources: snapshot.resources.filter((r) => r.account === account && r.region === "global"),
      };
      const distributions = call(cloudfrontHandler, "ListDistributions", global);
      await put(join(dir, "cloudfront-list-distributions.json"), distributions);
      for (const d of collect
        ? []
        : (((distributions.DistributionList as Json | undefined)?.Items ?? []) as Json[]))
        await put(
          join(dir, "cloudfront-list-tags-for-resource", quotePlus(String(d.ARN))),
          call(cloudfrontHandler, "ListTagsForResource", global, { Resource: d.ARN }),
        );
      const zones = list(call(route53Handler, "ListHostedZones", global), "HostedZones");
      await put(join(dir, "route53-list-hosted-zones.json"), { HostedZones: zones, IsTruncated: false });
      const ids = zones.map((z) => String(z.Id).replace(/^\/hostedzone\//, ""));
      for (const z of zones) {
        const Id = String(z.Id).replace(/^\/hostedzone\//, "");
        // CloudMapper names a zone's record sets after the zone's name.
        await put(
          join(dir, "route53-list-resource-record-sets", quotePlus(String(z.Name))),
          call(route53Handler, "ListResourceRecordSets", global, { HostedZoneId: Id }),
        );
        if (!collect)
          await put(
            join(dir, "route53-get-hosted-zone", `${Id}.json`),
            call(route53Handler, "GetHostedZone", global, { Id }),
          );
      }
      if (collect) {
        // route53-list-hosted-zones-by-vpc/<region>/<VPC id> for every VPC of every region collected.
        const zonesOf = (vpcId: string) =>
          snapshot.resources
            .filter((z) => isType(z, "AWS::Route53::HostedZone"))
            .filter((z) => z.account === account && z.props.privateZone && z.props.vpcIds.includes(vpcId));
        for (const vpc of snapshot.resources
          .filter((r) => isType(r, "AWS::EC2::VPC"))
          .filter((r) => r.account === account))
          await put(join(dir, "route53-list-hosted-zones-by-vpc", vpc.region, vpc.props.vpcId), {
            HostedZoneSummaries: zonesOf(vpc.props.vpcId).map((z) => ({
              HostedZoneId: z.props.hostedZoneId,
              Name: z.props.zoneName,
              Owner: { OwningAccount: account },
            })),
            MaxItems: "100",
          });
      } else {
        const tagSets: Json[] = [];
        for (let i = 0; i < ids.length; i += 10)
          tagSets.push(
            ...list(
              call(route53Handler, "ListTagsForResources", global, { ResourceIds: ids.slice(i, i + 10) }),
              "ResourceTagSets",
            ),
          );
        await put(join(dir, "route53-list-tags-for-resources.json"), { ResourceTagSets: tagSets });
      }
    }

    if (opts.extras) {
      await put(join(dir, "ec2-describe-images.json"), { Images: [] });
      if (region === "us-east-1")
        await put(join(dir, "iam-get-account-authorization-details.json"), { UserDetailList: [] });
    }
    if (opts.accountDir && opts.accountDir(account) !== account)
      await put(join(dir, "sts-get-caller-identity.json"), {
        UserId: "AIDAASBUILT",
        Account: account,
        Arn: `arn:aws:iam::${account}:user/collector`,
      });
  }
  // S3, once per account: in the us-east-1 folder (where CloudMapper puts it), else in "global".
  for (const account of new Set(places.map((p) => p.account))) {
    const home = places.some((p) => p.account === account && p.region === "us-east-1")
      ? "us-east-1"
      : "global";
    await writeS3(snapshot, account, join(root, opts.accountDir?.(account) ?? account, home), put, collect);
    // CloudMapper's layout: a folder named after the call, one file per AccountId; none is the CLI's error.
    const ctx: RequestContext = { account, region: "us-east-1", params: {}, resources: [], snapshot };
    let block: unknown;
    try {
      block = call(s3controlHandler, "GetPublicAccessBlock", ctx, { AccountId: account });
    } catch (err) {
      block = `\nAn error occurred (${String((err as { code?: unknown }).code)}) when calling the GetPublicAccessBlock operation: ${(err as Error).message}\n`;
    }
    await put(
      join(root, opts.accountDir?.(account) ?? account, home, "s3control-get-public-access-block", account),
      block,
    );
  }
  return written;
}

/** EC2 files asbuilt reads that CloudMapper's collect_commands.yaml never asks for. */
const COLLECT_SKIPS = new Set(["ec2-describe-nat-gateways", "ec2-describe-transit-gateway-attachments"]);

/** The per-bucket calls, with how a configuration the bucket lacks is recorded. */
const S3_CALLS = [
  ["s3-get-public-access-block", "GetPublicAccessBlock", "json"],
  ["s3-get-bucket-encryption", "GetBucketEncryption", "json"],
  ["s3-get-bucket-versioning", "GetBucketVersioning", "json"],
  ["s3-get-bucket-policy-status", "GetBucketPolicyStatus", "json"],
  ["s3-get-bucket-website", "GetBucketWebsite", "cli"],
  ["s3-get-bucket-tagging", "GetBucketTagging", "cli"],
] as const;

/** s3-list-buckets.json (as the CLI lists without --max-buckets: no BucketRegion) and s3-get-…/<bucket>. */
async function writeS3(
  snapshot: Snapshot,
  account: string,
  dir: string,
  put: (file: string, data: unknown) => Promise<void>,
  collect = false,
): Promise<void> {
  const ctx: RequestContext = { account, region: "us-east-1", params: {}, resources: [], snapshot };
  const listed = call(s3Handler, "ListBuckets", ctx);
  await put(join(dir, "s3-list-buckets.json"), listed);
  for (const b of list(listed, "Buckets")) {
    const Bucket = String(b.Name);
    // CloudMapper names the files after the bucket, without .json.
    const file = (op: string) => join(dir, op, quotePlus(Bucket));
    const location = call(s3Handler, "GetBucketLocation", ctx, { Bucket });
    await put(file("s3-get-bucket-location"), { LocationConstraint: location.LocationConstraint ?? null });
    const inRegion = { ...ctx, region: String(location.LocationConstraint ?? "us-east-1") };
    for (const [name, op, how] of S3_CALLS) {
      // Of these, collect asks only for the encryption, and writes no file when S3 answers an error.
      if (collect && name !== "s3-get-bucket-encryption") continue;
      let out: Json;
      try {
        out = call(s3Handler, op, inRegion, { Bucket });
      } catch (err) {
        if (collect) continue;
        const { code, message } = err as { code: string; message: string };
        await put(
          file(name),
          how === "cli"
            ? `\nAn error occurred (${code}) when calling the ${op} operation: ${message}\n`
            : { Error: { Code: code, Message: message, BucketName: Bucket } },
        );
        continue;
      }
      await put(file(name), Object.keys(out).length === 0 ? "" : out);
    }
  }
}

/** Every configuration item of the fixture, in the style of a snapshot file or of the advanced query. */
function allItems(snapshot: Snapshot, style: "query" | "snapshot-file") {
  return placesOf(snapshot).flatMap((p) => configurationItems(snapshot, p.account, p.region, style));
}

/** An AWS Config snapshot file as delivered to S3; gzipped when the name ends in .gz. */
export async function writeConfigSnapshot(snapshot: Snapshot, file: string): Promise<void> {
  const body = `${JSON.stringify({
    fileVersion: "1.0",
    configSnapshotId: "4f3a2b1c-0d9e-4f8a-b7c6-d5e4f3a2b1c0",
    configurationItems: allItems(snapshot, "snapshot-file"),
  })}\n`;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, file.endsWith(".gz") ? gzipSync(body) : body);
}

/** The output of `aws configservice select-resource-config` (results are JSON strings). */
export async function writeSelectOutput(
  snapshot: Snapshot,
  file: string,
  fields: readonly string[],
): Promise<void> {
  const results = allItems(snapshot, "query")
    .filter((i) => i.configurationItemStatus !== "ResourceDeleted")
    .map((i) => JSON.stringify(Object.fromEntries(fields.map((f) => [f, i[f]]))));
  await write(file, { Results: results, QueryInfo: { SelectFields: fields.map((Name) => ({ Name })) } });
}

if (process.argv[1]?.endsWith("make-dumps.ts")) {
  const [name = "edroplets", out = "dump"] = process.argv.slice(2);
  const { FIXTURES } = await import("../../fixtures/index.ts");
  const fixture = FIXTURES[name as keyof typeof FIXTURES]?.build();
  if (!fixture) throw new Error(`no fixture ${name}`);
  const files = await writeCliDump(fixture, join(out, "cli"), { extras: true });
  await writeConfigSnapshot(fixture, join(out, "config", "ConfigSnapshot.json.gz"));
  console.log(`wrote ${files.length} CLI outputs under ${join(out, "cli")} and ${join(out, "config")}`);
}
