import {
  type CertificateDetail,
  type CertificateSummary,
  DescribeCertificate$,
  ListCertificates$,
} from "@aws-sdk/client-acm";
import { DescribeAutoScalingGroups$ } from "@aws-sdk/client-auto-scaling";
import {
  type Tag as CloudFrontTag,
  type DistributionSummary,
  ListTagsForResource$ as ListCloudFrontTags$,
  ListDistributions$,
} from "@aws-sdk/client-cloudfront";
import {
  DescribeAddresses$,
  DescribeFlowLogs$,
  DescribeInstances$,
  DescribeInternetGateways$,
  DescribeNatGateways$,
  DescribeNetworkAcls$,
  DescribeNetworkInterfaces$,
  DescribeRouteTables$,
  DescribeSecurityGroups$,
  DescribeSubnets$,
  DescribeTransitGatewayAttachments$,
  DescribeVolumes$,
  DescribeVpcEndpoints$,
  DescribeVpcPeeringConnections$,
  DescribeVpcs$,
  type Reservation,
} from "@aws-sdk/client-ec2";
import { DescribeClusters$, DescribeServices$, DescribeTasks$ } from "@aws-sdk/client-ecs";
import {
  DescribeTags$ as DescribeElbv2Tags$,
  DescribeListeners$,
  DescribeLoadBalancers$,
  DescribeTargetGroups$,
  DescribeTargetHealth$,
  type TagDescription,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import {
  DescribeCacheClusters$,
  DescribeCacheSubnetGroups$,
  DescribeReplicationGroups$,
} from "@aws-sdk/client-elasticache";
import { ListFunctions$ } from "@aws-sdk/client-lambda";
import {
  DescribeDBClusters$,
  DescribeDBInstances$,
  DescribeDBProxies$,
  DescribeDBProxyTargets$,
} from "@aws-sdk/client-rds";
import { GetResources$ } from "@aws-sdk/client-resource-groups-tagging-api";
import {
  GetHostedZone$,
  type HostedZone,
  ListHostedZones$,
  ListResourceRecordSets$,
  ListTagsForResources$ as ListRoute53Tags$,
  type ResourceRecordSet,
  type ResourceTagSet,
  type VPC,
} from "@aws-sdk/client-route-53";
import {
  type Bucket,
  GetBucketEncryption$,
  type GetBucketEncryptionOutput,
  GetBucketLocation$,
  type GetBucketLocationOutput,
  GetBucketPolicyStatus$,
  type GetBucketPolicyStatusOutput,
  GetBucketTagging$,
  type GetBucketTaggingOutput,
  GetBucketVersioning$,
  type GetBucketVersioningOutput,
  GetBucketWebsite$,
  type GetBucketWebsiteOutput,
  GetPublicAccessBlock$,
  type GetPublicAccessBlockOutput,
  ListBuckets$,
} from "@aws-sdk/client-s3";
import {
  GetWebACL$,
  ListResourcesForWebACL$,
  ListTagsForResource$ as ListWafTags$,
  ListWebACLs$,
  type TagInfoForResource,
  type WebACL,
  type WebACLSummary,
} from "@aws-sdk/client-wafv2";
import acm, { type AcmRaw } from "../acm.ts";
import autoscaling, { type AutoScalingRaw } from "../autoscaling.ts";
import cloudfront, { type CloudFrontRaw } from "../cloudfront.ts";
import ec2, { type Ec2Raw } from "../ec2.ts";
import ecs, { type EcsRaw } from "../ecs.ts";
import elasticache, { type ElastiCacheRaw } from "../elasticache.ts";
import elbv2, { type Elbv2Raw } from "../elbv2.ts";
import lambda, { type LambdaRaw } from "../lambda.ts";
import rds, { type RdsRaw } from "../rds.ts";
import route53, { type Route53Raw, zoneIdOf } from "../route53.ts";
import s3, { type BucketRaw, type S3Raw } from "../s3.ts";
import tagging, { type TaggingRaw } from "../tagging.ts";
import type { ServiceModule } from "../types.ts";
import wafv2, { type Wafv2Raw } from "../wafv2.ts";
import type { SdkSchema } from "./shape.ts";

// An AWS CLI dump: `<dir>/<account>/<region>/<service>-<operation>.json`, each file the JSON output of
// `aws <service> <operation>` (CloudMapper's `collect` writes this layout, paginated pages merged). The CLI
// prints exactly the SDK's response shape, so each file feeds the field of the service module's raw input
// that the live fetch would have filled, and the module's own normalize function does the rest.
//
// Calls made once per resource (the targets of each target group, the targets of each RDS proxy) are a
// folder named after the operation with one response per file, the file named after the parameter,
// URL-encoded as CloudMapper names them: `elbv2-describe-target-health/arn%3Aaws%3A…`.

/** One file's response, read with the operation's output schema; `param` is the per-resource file's name, decoded. */
export interface DumpResponse<T = Record<string, unknown>> {
  out: T;
  param?: string;
  file: string;
  /**
   * The error code the file records instead of a response (operations with `errorRecords` only): botocore's
   * error response, {"Error": {"Code": "NoSuchTagSet", …}}, or the AWS CLI's message redirected into the
   * file, "An error occurred (NoSuchTagSet) when calling the GetBucketTagging operation: …". `out` is {}.
   */
  error?: string;
}

export type Get = <T>(name: string) => DumpResponse<T>[];

export interface OperationFile {
  op: SdkSchema;
  /** The output member that must be a list (checked, so a wrong file is an error, not silently nothing). */
  list?: string;
  /** Per-resource operation: what its files are named after. */
  perResource?: string;
  /** A per-resource file may record the call's error instead of a response (DumpResponse.error). */
  errorRecords?: boolean;
  /**
   * An empty file is the empty response: the AWS CLI prints nothing when the response has no members
   * (get-bucket-versioning of a bucket never versioned).
   */
  emptyResponse?: boolean;
}

export interface DumpReader<Raw> {
  module: ServiceModule<Raw>;
  files: Record<string, OperationFile>;
  /** Files whose absence means the module's picture of the region is incomplete. */
  required: readonly string[];
  build(get: Get): { raw: Raw; gaps: string[] };
}

function reader<Raw>(r: DumpReader<Raw>): DumpReader<unknown> {
  return r as unknown as DumpReader<unknown>;
}

/** The items of a list member across every response of an operation. */
function items<T>(get: Get, name: string, member: string): T[] {
  return get<Record<string, T[] | undefined>>(name).flatMap((r) => r.out[member] ?? []);
}

/** Unique by a key (CloudMapper lists target groups once per load balancer). */
function uniqueBy<T>(list: T[], key: (t: T) => string | undefined): T[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = key(t);
    if (k === undefined) return true;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const TAGGING_FILE = "resourcegroupstaggingapi-get-resources";
const taggingFile = { op: GetResources$, list: "ResourceTagMappingList" };
const tagMappings = (get: Get) =>
  items<TaggingRaw["mappings"][number]>(get, TAGGING_FILE, "ResourceTagMappingList");

const EC2_FILES = {
  "ec2-describe-vpcs": { op: DescribeVpcs$, list: "Vpcs" },
  "ec2-describe-subnets": { op: DescribeSubnets$, list: "Subnets" },
  "ec2-describe-route-tables": { op: DescribeRouteTables$, list: "RouteTables" },
  "ec2-describe-internet-gateways": { op: DescribeInternetGateways$, list: "InternetGateways" },
  "ec2-describe-nat-gateways": { op: DescribeNatGateways$, list: "NatGateways" },
  "ec2-describe-addresses": { op: DescribeAddresses$, list: "Addresses" },
  "ec2-describe-security-groups": { op: DescribeSecurityGroups$, list: "SecurityGroups" },
  "ec2-describe-network-acls": { op: DescribeNetworkAcls$, list: "NetworkAcls" },
  "ec2-describe-network-interfaces": { op: DescribeNetworkInterfaces$, list: "NetworkInterfaces" },
  "ec2-describe-instances": { op: DescribeInstances$, list: "Reservations" },
  "ec2-describe-vpc-peering-connections": {
    op: DescribeVpcPeeringConnections$,
    list: "VpcPeeringConnections",
  },
  "ec2-describe-vpc-endpoints": { op: DescribeVpcEndpoints$, list: "VpcEndpoints" },
  "ec2-describe-transit-gateway-attachments": {
    op: DescribeTransitGatewayAttachments$,
    list: "TransitGatewayAttachments",
  },
  "ec2-describe-flow-logs": { op: DescribeFlowLogs$, list: "FlowLogs" },
  "ec2-describe-volumes": { op: DescribeVolumes$, list: "Volumes" },
} as const;

const EC2: DumpReader<unknown> = reader<Ec2Raw>({
  module: ec2,
  files: EC2_FILES,
  required: Object.keys(EC2_FILES),
  build: (get) => ({
    raw: {
      vpcs: items(get, "ec2-describe-vpcs", "Vpcs"),
      subnets: items(get, "ec2-describe-subnets", "Subnets"),
      routeTables: items(get, "ec2-describe-route-tables", "RouteTables"),
      internetGateways: items(get, "ec2-describe-internet-gateways", "InternetGateways"),
      natGateways: items(get, "ec2-describe-nat-gateways", "NatGateways"),
      addresses: items(get, "ec2-describe-addresses", "Addresses"),
      securityGroups: items(get, "ec2-describe-security-groups", "SecurityGroups"),
      networkAcls: items(get, "ec2-describe-network-acls", "NetworkAcls"),
      networkInterfaces: items(get, "ec2-describe-network-interfaces", "NetworkInterfaces"),
      instances: items<Reservation>(get, "ec2-describe-instances", "Reservations").flatMap(
        (r) => r.Instances ?? [],
      ),
      peerings: items(get, "ec2-describe-vpc-peering-connections", "VpcPeeringConnections"),
      vpcEndpoints: items(get, "ec2-describe-vpc-endpoints", "VpcEndpoints"),
      transitGatewayAttachments: items(
        get,
        "ec2-describe-transit-gateway-attachments",
        "TransitGatewayAttachments",
      ),
      flowLogs: items(get, "ec2-describe-flow-logs", "FlowLogs"),
      volumes: items(get, "ec2-describe-volumes", "Volumes"),
    },
    gaps: [],
  }),
});

const ELBV2: DumpReader<unknown> = reader<Elbv2Raw>({
  module: elbv2,
  files: {
    "elbv2-describe-load-balancers": { op: DescribeLoadBalancers$, list: "LoadBalancers" },
    "elbv2-describe-listeners": { op: DescribeListeners$, list: "Listeners" },
    "elbv2-describe-target-groups": { op: DescribeTargetGroups$, list: "TargetGroups" },
    "elbv2-describe-target-health": {
      op: DescribeTargetHealth$,
      list: "TargetHealthDescriptions",
      perResource: "target group ARN",
    },
    "elbv2-describe-tags": { op: DescribeElbv2Tags$, list: "TagDescriptions" },
  },
  required: [
    "elbv2-describe-load-balancers",
    "elbv2-describe-listeners",
    "elbv2-describe-target-groups",
    "elbv2-describe-tags",
  ],
  build: (get) => {
    const targetGroups = uniqueBy(
      items<Elbv2Raw["targetGroups"][number]>(get, "elbv2-describe-target-groups", "TargetGroups"),
      (t) => t.TargetGroupArn,
    );
    const targetHealth: Elbv2Raw["targetHealth"] = {};
    for (const r of get<{ TargetHealthDescriptions?: Elbv2Raw["targetHealth"][string] }>(
      "elbv2-describe-target-health",
    ))
      if (r.param) targetHealth[r.param] = r.out.TargetHealthDescriptions ?? [];
    const tags: Elbv2Raw["tags"] = {};
    for (const d of items<TagDescription>(get, "elbv2-describe-tags", "TagDescriptions"))
      if (d.ResourceArn) tags[d.ResourceArn] = d.Tags ?? [];
    const noHealth = targetGroups.filter(
      (t) => t.TargetGroupArn && !(t.TargetGroupArn in targetHealth),
    ).length;
    return {
      raw: {
        loadBalancers: uniqueBy(
          items<Elbv2Raw["loadBalancers"][number]>(get, "elbv2-describe-load-balancers", "LoadBalancers"),
          (l) => l.LoadBalancerArn,
        ),
        listeners: uniqueBy(
          items<Elbv2Raw["listeners"][number]>(get, "elbv2-describe-listeners", "Listeners"),
          (l) => l.ListenerArn,
        ),
        targetGroups,
        targetHealth,
        tags,
      },
      gaps:
        noHealth > 0
          ? [
              `no elbv2-describe-target-health response for ${noHealth} target group(s): their targets are empty`,
            ]
          : [],
    };
  },
});

const RDS: DumpReader<unknown> = reader<RdsRaw>({
  module: rds,
  files: {
    "rds-describe-db-instances": { op: DescribeDBInstances$, list: "DBInstances" },
    "rds-describe-db-clusters": { op: DescribeDBClusters$, list: "DBClusters" },
    "rds-describe-db-proxies": { op: DescribeDBProxies$, list: "DBProxies" },
    "rds-describe-db-proxy-targets": {
      op: DescribeDBProxyTargets$,
      list: "Targets",
      perResource: "proxy name",
    },
  },
  required: ["rds-describe-db-instances", "rds-describe-db-clusters", "rds-describe-db-proxies"],
  build: (get) => {
    const proxies = items<RdsRaw["proxies"][number]>(get, "rds-describe-db-proxies", "DBProxies");
    const proxyTargets: RdsRaw["proxyTargets"] = {};
    for (const r of get<{ Targets?: RdsRaw["proxyTargets"][string] }>("rds-describe-db-proxy-targets"))
      if (r.param) proxyTargets[r.param] = r.out.Targets ?? [];
    const missing = proxies.filter((p) => p.DBProxyName && !(p.DBProxyName in proxyTargets)).length;
    return {
      raw: {
        instances: items(get, "rds-describe-db-instances", "DBInstances"),
        clusters: items(get, "rds-describe-db-clusters", "DBClusters"),
        proxies,
        proxyTargets,
      },
      gaps: missing > 0 ? [`no rds-describe-db-proxy-targets response for ${missing} proxy(ies)`] : [],
    };
  },
});

const ELASTICACHE: DumpReader<unknown> = reader<ElastiCacheRaw>({
  module: elasticache,
  files: {
    "elasticache-describe-cache-clusters": { op: DescribeCacheClusters$, list: "CacheClusters" },
    "elasticache-describe-replication-groups": { op: DescribeReplicationGroups$, list: "ReplicationGroups" },
    "elasticache-describe-cache-subnet-groups": { op: DescribeCacheSubnetGroups$, list: "CacheSubnetGroups" },
    [TAGGING_FILE]: taggingFile,
  },
  required: [
    "elasticache-describe-cache-clusters",
    "elasticache-describe-replication-groups",
    "elasticache-describe-cache-subnet-groups",
    TAGGING_FILE,
  ],
  build: (get) => ({
    raw: {
      clusters: items(get, "elasticache-describe-cache-clusters", "CacheClusters"),
      replicationGroups: items(get, "elasticache-describe-replication-groups", "ReplicationGroups"),
      subnetGroups: items(get, "elasticache-describe-cache-subnet-groups", "CacheSubnetGroups"),
      tags: tagMappings(get),
    },
    gaps: [],
  }),
});

const AUTOSCALING: DumpReader<unknown> = reader<AutoScalingRaw>({
  module: autoscaling,
  files: {
    "autoscaling-describe-auto-scaling-groups": { op: DescribeAutoScalingGroups$, list: "AutoScalingGroups" },
  },
  required: ["autoscaling-describe-auto-scaling-groups"],
  build: (get) => ({
    raw: { groups: items(get, "autoscaling-describe-auto-scaling-groups", "AutoScalingGroups") },
    gaps: [],
  }),
});

const ECS: DumpReader<unknown> = reader<EcsRaw>({
  module: ecs,
  files: {
    "ecs-describe-clusters": { op: DescribeClusters$, list: "clusters" },
    "ecs-describe-services": { op: DescribeServices$, list: "services" },
    // CloudMapper: ecs-describe-tasks/<cluster ARN>/<task ARN>, one response each.
    "ecs-describe-tasks": { op: DescribeTasks$, list: "tasks" },
  },
  required: ["ecs-describe-clusters"],
  build: (get) => {
    const clusters = uniqueBy(
      items<EcsRaw["clusters"][number]>(get, "ecs-describe-clusters", "clusters"),
      (c) => c.clusterArn,
    );
    const services = uniqueBy(
      items<EcsRaw["services"][number]>(get, "ecs-describe-services", "services"),
      (s) => s.serviceArn,
    );
    const tasks = uniqueBy(
      items<EcsRaw["tasks"][number]>(get, "ecs-describe-tasks", "tasks"),
      (t) => t.taskArn,
    );
    const gaps: string[] = [];
    if (clusters.length > 0 && get("ecs-describe-services").length === 0)
      gaps.push("no ecs-describe-services: the clusters' services are missing");
    if (services.some((s) => (s.runningCount ?? 0) > 0) && get("ecs-describe-tasks").length === 0)
      gaps.push("no ecs-describe-tasks: the services' task ENIs stay unattached");
    return { raw: { clusters, services, tasks }, gaps };
  },
});

const LAMBDA: DumpReader<unknown> = reader<LambdaRaw>({
  module: lambda,
  files: { "lambda-list-functions": { op: ListFunctions$, list: "Functions" }, [TAGGING_FILE]: taggingFile },
  required: ["lambda-list-functions", TAGGING_FILE],
  build: (get) => ({
    raw: { functions: items(get, "lambda-list-functions", "Functions"), tags: tagMappings(get) },
    gaps: [],
  }),
});

const WAFV2: DumpReader<unknown> = reader<Wafv2Raw>({
  module: wafv2,
  files: {
    // Either scope: a web ACL's ARN says which (…:regional/webacl/… or …:global/webacl/…).
    "wafv2-list-web-acls": { op: ListWebACLs$, list: "WebACLs" },
    "wafv2-get-web-acl": { op: GetWebACL$ },
    "wafv2-list-resources-for-web-acl": {
      op: ListResourcesForWebACL$,
      list: "ResourceArns",
      perResource: "web ACL ARN",
    },
    "wafv2-list-tags-for-resource": { op: ListWafTags$ },
  },
  required: ["wafv2-list-web-acls"],
  build: (get) => {
    const acls = new Map<string, WebACL>();
    for (const r of get<{ WebACL?: WebACL }>("wafv2-get-web-acl"))
      if (r.out.WebACL?.ARN) acls.set(r.out.WebACL.ARN, r.out.WebACL);
    const summaries = uniqueBy(
      [
        ...items<WebACLSummary>(get, "wafv2-list-web-acls", "WebACLs"),
        ...[...acls.values()].map((a) => ({ ARN: a.ARN, Id: a.Id, Name: a.Name })),
      ],
      (s) => s.ARN,
    );
    const resources = new Map<string, string[]>();
    for (const r of get<{ ResourceArns?: string[] }>("wafv2-list-resources-for-web-acl"))
      if (r.param) resources.set(r.param, r.out.ResourceArns ?? []);
    const tags = new Map<string, TagInfoForResource>();
    for (const r of get<{ TagInfoForResource?: TagInfoForResource }>("wafv2-list-tags-for-resource")) {
      const arn = r.out.TagInfoForResource?.ResourceARN ?? r.param;
      if (arn && r.out.TagInfoForResource) tags.set(arn, r.out.TagInfoForResource);
    }
    const noRules = summaries.filter((s) => s.ARN && !acls.has(s.ARN)).length;
    const noTags = summaries.filter((s) => s.ARN && !tags.has(s.ARN)).length;
    return {
      raw: {
        acls: summaries.map((summary) => {
          const arn = summary.ARN ?? "";
          const scope = arn.includes(":global/webacl/") ? ("CLOUDFRONT" as const) : ("REGIONAL" as const);
          return {
            scope,
            summary,
            acl: acls.get(arn),
            resources: scope === "REGIONAL" ? (resources.get(arn) ?? []) : [],
            tags: tags.get(arn)?.TagList ?? [],
          };
        }),
      },
      gaps: [
        ...(noRules > 0
          ? [`no wafv2-get-web-acl response for ${noRules} web ACL(s): rules and default action unknown`]
          : []),
        ...(noTags > 0 ? [`no wafv2-list-tags-for-resource response for ${noTags} web ACL(s)`] : []),
      ],
    };
  },
});

const ACM: DumpReader<unknown> = reader<AcmRaw>({
  module: acm,
  files: {
    "acm-list-certificates": { op: ListCertificates$, list: "CertificateSummaryList" },
    "acm-describe-certificate": { op: DescribeCertificate$ },
    [TAGGING_FILE]: taggingFile,
  },
  required: ["acm-list-certificates", TAGGING_FILE],
  build: (get) => {
    const details = get<{ Certificate?: CertificateDetail }>("acm-describe-certificate").flatMap((r) =>
      r.out.Certificate ? [r.out.Certificate] : [],
    );
    const described = new Set(details.map((d) => d.CertificateArn));
    // A certificate only listed: what the summary says (no in-use list before ACM added InUse).
    const listed = items<CertificateSummary>(get, "acm-list-certificates", "CertificateSummaryList")
      .filter((s) => s.CertificateArn && !described.has(s.CertificateArn))
      .map(
        (s): CertificateDetail => ({
          CertificateArn: s.CertificateArn,
          DomainName: s.DomainName,
          ...(s.SubjectAlternativeNameSummaries
            ? { SubjectAlternativeNames: s.SubjectAlternativeNameSummaries }
            : {}),
          ...(s.Status ? { Status: s.Status } : {}),
          ...(s.Type ? { Type: s.Type } : {}),
          ...(s.KeyAlgorithm ? { KeyAlgorithm: s.KeyAlgorithm } : {}),
          ...(s.NotAfter ? { NotAfter: s.NotAfter } : {}),
        }),
      );
    return {
      raw: {
        certificates: uniqueBy([...details, ...listed], (c) => c.CertificateArn),
        tags: tagMappings(get),
      },
      gaps:
        listed.length > 0
          ? [`${listed.length} certificate(s) only listed, not described: no in-use list`]
          : [],
    };
  },
});

// Global services: their files are in the us-east-1 folder (where CloudMapper puts them) or in "global".

const CLOUDFRONT: DumpReader<unknown> = reader<CloudFrontRaw>({
  module: cloudfront,
  files: {
    "cloudfront-list-distributions": { op: ListDistributions$ },
    "cloudfront-list-tags-for-resource": { op: ListCloudFrontTags$, perResource: "distribution ARN" },
  },
  required: ["cloudfront-list-distributions"],
  build: (get) => {
    const distributions = uniqueBy(
      get<{ DistributionList?: { Items?: DistributionSummary[] } }>("cloudfront-list-distributions").flatMap(
        (r) => r.out.DistributionList?.Items ?? [],
      ),
      (d) => d.ARN,
    );
    const tags: CloudFrontRaw["tags"] = {};
    for (const r of get<{ Tags?: { Items?: CloudFrontTag[] } }>("cloudfront-list-tags-for-resource"))
      if (r.param) tags[r.param] = r.out.Tags?.Items ?? [];
    const untagged = distributions.filter((d) => d.ARN && !(d.ARN in tags)).length;
    return {
      raw: { distributions, tags },
      gaps:
        untagged > 0
          ? [
              `no cloudfront-list-tags-for-resource response for ${untagged} distribution(s): their tags are empty`,
            ]
          : [],
    };
  },
});

const ROUTE53: DumpReader<unknown> = reader<Route53Raw>({
  module: route53,
  files: {
    "route53-list-hosted-zones": { op: ListHostedZones$, list: "HostedZones" },
    "route53-get-hosted-zone": { op: GetHostedZone$ },
    // CloudMapper names these files after the zone's name; a zone id works too.
    "route53-list-resource-record-sets": {
      op: ListResourceRecordSets$,
      list: "ResourceRecordSets",
      perResource: "hosted zone id or name",
    },
    "route53-list-tags-for-resources": { op: ListRoute53Tags$, list: "ResourceTagSets" },
  },
  required: ["route53-list-hosted-zones", "route53-list-tags-for-resources"],
  build: (get) => {
    const zones = uniqueBy(items<HostedZone>(get, "route53-list-hosted-zones", "HostedZones"), (z) => z.Id);
    const byKey = new Map<string, string>();
    const dot = (n: string) => (n.endsWith(".") ? n : `${n}.`).toLowerCase();
    for (const z of zones)
      if (z.Id) {
        byKey.set(zoneIdOf(z.Id), zoneIdOf(z.Id));
        if (z.Name) byKey.set(dot(z.Name), zoneIdOf(z.Id));
      }
    const records: Route53Raw["records"] = {};
    for (const r of get<{ ResourceRecordSets?: ResourceRecordSet[] }>("route53-list-resource-record-sets")) {
      const id = r.param ? (byKey.get(zoneIdOf(r.param)) ?? byKey.get(dot(r.param))) : undefined;
      if (id) records[id] = [...(records[id] ?? []), ...(r.out.ResourceRecordSets ?? [])];
    }
    const vpcs: Route53Raw["vpcs"] = {};
    for (const r of get<{ HostedZone?: HostedZone; VPCs?: VPC[] }>("route53-get-hosted-zone"))
      if (r.out.HostedZone?.Id) vpcs[zoneIdOf(r.out.HostedZone.Id)] = r.out.VPCs ?? [];
    const tags: Route53Raw["tags"] = {};
    for (const s of items<ResourceTagSet>(get, "route53-list-tags-for-resources", "ResourceTagSets"))
      if (s.ResourceId) tags[zoneIdOf(s.ResourceId)] = s.Tags ?? [];
    const ids = zones.flatMap((z) => (z.Id ? [zoneIdOf(z.Id)] : []));
    const noRecords = ids.filter((id) => !(id in records)).length;
    const noVpcs = zones.filter((z) => z.Config?.PrivateZone && z.Id && !(zoneIdOf(z.Id) in vpcs)).length;
    return {
      raw: { zones, vpcs, records, tags },
      gaps: [
        ...(noRecords > 0 ? [`no route53-list-resource-record-sets response for ${noRecords} zone(s)`] : []),
        ...(noVpcs > 0
          ? [`no route53-get-hosted-zone response for ${noVpcs} private zone(s): their VPCs are unknown`]
          : []),
      ],
    };
  },
});

// S3: the bucket list, and one response per bucket for each of the calls a live scan makes. S3 answers 404
// when a bucket has no such configuration, and the AWS CLI then prints nothing (an error, on stderr), as
// CloudMapper writes nothing: a missing file is "no such configuration" or "not collected", and reading it
// as the former would report buckets without a public access block that have one. So a bucket is read
// only when every file it needs is there, a configuration it lacks recorded as the error (DumpResponse.error);
// otherwise it is left out and the module is partial. CloudMapper collects s3-get-bucket-location and
// s3-get-bucket-encryption only (and writes no file for a bucket without encryption): collect the others
// alongside with the AWS CLI.

/** Per-bucket files, each with the error code that means "the bucket has no such configuration". */
const S3_PER_BUCKET = {
  "s3-get-public-access-block": { op: GetPublicAccessBlock$, absent: "NoSuchPublicAccessBlockConfiguration" },
  "s3-get-bucket-encryption": {
    op: GetBucketEncryption$,
    absent: "ServerSideEncryptionConfigurationNotFoundError",
  },
  "s3-get-bucket-versioning": { op: GetBucketVersioning$, absent: undefined },
  "s3-get-bucket-policy-status": { op: GetBucketPolicyStatus$, absent: "NoSuchBucketPolicy" },
  "s3-get-bucket-website": { op: GetBucketWebsite$, absent: "NoSuchWebsiteConfiguration" },
  "s3-get-bucket-tagging": { op: GetBucketTagging$, absent: "NoSuchTagSet" },
} as const;
type S3PerBucket = keyof typeof S3_PER_BUCKET;

const perBucket = (op: SdkSchema, extra: Partial<OperationFile> = {}): OperationFile => ({
  op,
  perResource: "bucket name",
  errorRecords: true,
  ...extra,
});

/** How many names a message lists before "…". */
const LISTED = 3;

const S3: DumpReader<unknown> = reader<S3Raw>({
  module: s3,
  files: {
    "s3-list-buckets": { op: ListBuckets$, list: "Buckets" },
    // Where ListBuckets gives no BucketRegion (the CLI asks for it only with --max-buckets or --bucket-region).
    "s3-get-bucket-location": perBucket(GetBucketLocation$),
    ...Object.fromEntries(
      Object.entries(S3_PER_BUCKET).map(([name, f]) => [
        name,
        perBucket(f.op, name === "s3-get-bucket-versioning" ? { emptyResponse: true } : {}),
      ]),
    ),
  },
  required: ["s3-list-buckets"],
  build: (get) => {
    const byBucket = (name: string) =>
      new Map(get(name).flatMap((r) => (r.param !== undefined ? [[r.param, r] as const] : [])));
    const location = byBucket("s3-get-bucket-location");
    const files = new Map(Object.keys(S3_PER_BUCKET).map((name) => [name, byBucket(name)]));
    const listed = uniqueBy(items<Bucket>(get, "s3-list-buckets", "Buckets"), (b) => b.Name);
    const buckets: BucketRaw[] = [];
    const left: string[] = [];
    for (const b of listed) {
      const name = b.Name;
      if (!name) continue;
      const lacking: string[] = [];
      /** The response; null: the bucket has no such configuration; undefined: not collected (or failed). */
      const answer = <T>(file: S3PerBucket): T | null | undefined => {
        const r = files.get(file)?.get(name);
        if (!r) lacking.push(file);
        else if (r.error === undefined) return r.out as T;
        else if (r.error === S3_PER_BUCKET[file].absent) return null;
        else lacking.push(`${file} (${r.error})`);
        return undefined;
      };
      let region = b.BucketRegion;
      if (!region) {
        const r = location.get(name);
        if (!r || r.error !== undefined)
          lacking.push(r?.error ? `s3-get-bucket-location (${r.error})` : "s3-get-bucket-location");
        else {
          // No constraint is us-east-1; "EU" is eu-west-1's old name.
          const c = (r.out as GetBucketLocationOutput).LocationConstraint as string | undefined;
          region = !c ? "us-east-1" : c === "EU" ? "eu-west-1" : c;
        }
      }
      const publicAccessBlock = answer<GetPublicAccessBlockOutput>("s3-get-public-access-block");
      const encryption = answer<GetBucketEncryptionOutput>("s3-get-bucket-encryption");
      const versioning = answer<GetBucketVersioningOutput>("s3-get-bucket-versioning");
      const policyStatus = answer<GetBucketPolicyStatusOutput>("s3-get-bucket-policy-status");
      const website = answer<GetBucketWebsiteOutput>("s3-get-bucket-website");
      const tagging = answer<GetBucketTaggingOutput>("s3-get-bucket-tagging");
      if (
        lacking.length > 0 ||
        !region ||
        publicAccessBlock === undefined ||
        encryption === undefined ||
        !versioning ||
        policyStatus === undefined ||
        website === undefined ||
        tagging === undefined
      ) {
        left.push(`${name} (no ${lacking.join(", ")})`);
        continue;
      }
      buckets.push({
        bucket: b,
        region,
        publicAccessBlock,
        encryption,
        versioning,
        policyStatus,
        website,
        tagging,
      });
    }
    return {
      raw: { buckets },
      gaps:
        left.length > 0
          ? [
              `${left.length} of ${listed.length} bucket(s) left out, their per-bucket responses missing: ${left.slice(0, LISTED).join("; ")}${left.length > LISTED ? "; …" : ""}`,
            ]
          : [],
    };
  },
});

const TAGGING: DumpReader<unknown> = reader<TaggingRaw>({
  module: tagging,
  files: { [TAGGING_FILE]: taggingFile },
  required: [TAGGING_FILE],
  build: (get) => ({ raw: { mappings: tagMappings(get) }, gaps: [] }),
});

/** Every module an AWS CLI dump can feed, in scan order. */
export const DUMP_READERS: readonly DumpReader<unknown>[] = [
  EC2,
  ELBV2,
  RDS,
  ELASTICACHE,
  AUTOSCALING,
  ECS,
  LAMBDA,
  WAFV2,
  ACM,
  S3,
  CLOUDFRONT,
  ROUTE53,
  TAGGING,
];

/** Every file name (without .json) asbuilt reads from a dump, with its output schema. */
export const DUMP_FILES: ReadonlyMap<string, OperationFile> = new Map(
  DUMP_READERS.flatMap((r) => Object.entries(r.files)),
);
