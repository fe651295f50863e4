import { type CertificateDetail, CertificateDetail$ } from "@aws-sdk/client-acm";
import { type AutoScalingGroup, AutoScalingGroup$ } from "@aws-sdk/client-auto-scaling";
import {
  type Distribution,
  Distribution$,
  type DistributionConfig,
  type DistributionSummary,
} from "@aws-sdk/client-cloudfront";
import {
  ConfigServiceClient,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
} from "@aws-sdk/client-config-service";
import {
  Address$,
  FlowLog$,
  Instance$,
  InternetGateway$,
  NatGateway$,
  NetworkAcl$,
  NetworkInterface$,
  RouteTable$,
  SecurityGroup$,
  type Subnet,
  Subnet$,
  TransitGatewayAttachment$,
  Volume$,
  Vpc$,
  VpcEndpoint$,
  VpcPeeringConnection$,
} from "@aws-sdk/client-ec2";
import { type Cluster, Cluster$, type Service, Service$ } from "@aws-sdk/client-ecs";
import {
  type Listener,
  Listener$,
  type LoadBalancer,
  LoadBalancer$,
  type TargetGroup,
  TargetGroup$,
  TargetHealthDescription$,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { type CacheCluster, CacheCluster$, ReplicationGroup$ } from "@aws-sdk/client-elasticache";
import { type FunctionConfiguration, FunctionConfiguration$ } from "@aws-sdk/client-lambda";
import { type DBCluster, DBCluster$, type DBInstance, DBInstance$, DBProxy$ } from "@aws-sdk/client-rds";
import { type HostedZone, HostedZone$, type VPC, VPC$ } from "@aws-sdk/client-route-53";
import {
  Bucket$,
  type PublicAccessBlockConfiguration,
  PublicAccessBlockConfiguration$,
  type ServerSideEncryptionConfiguration,
  ServerSideEncryptionConfiguration$,
} from "@aws-sdk/client-s3";
import { type WebACL, WebACL$ } from "@aws-sdk/client-wafv2";
import pLimit from "p-limit";
import { type Ec2Kind, ec2Arn } from "../model/arn.ts";
import { isKnownType } from "../model/props.ts";
import {
  type Coverage,
  type Edge,
  type EdgeKind,
  type GenericResource,
  Region,
  type Resource,
} from "../model/snapshot.ts";
import acm, { type AcmRaw } from "./acm.ts";
import autoscaling, { type AutoScalingRaw } from "./autoscaling.ts";
import { CallLog, clientFactory, countingHttpHandler } from "./clients.ts";
import cloudfront, { type CloudFrontRaw } from "./cloudfront.ts";
import ec2, { type Ec2Raw, emptyEc2Raw } from "./ec2.ts";
import ecs, { type EcsRaw } from "./ecs.ts";
import elasticache, { type ElastiCacheRaw } from "./elasticache.ts";
import elbv2, { type Elbv2Raw } from "./elbv2.ts";
import { classifyError } from "./errors.ts";
import { type Aliases, fromJson, isRecord, type SdkSchema } from "./import/shape.ts";
import lambda, { type LambdaRaw } from "./lambda.ts";
import rds, { type RdsRaw } from "./rds.ts";
import route53, { type Route53Raw, zoneIdOf } from "./route53.ts";
import s3, { type BucketRaw, type S3Raw } from "./s3.ts";
import { type AccountTarget, assembleSnapshot, type ScanOptions, type ScanResult } from "./scan.ts";
import { SERVICES } from "./services.ts";
import type { ClientSettings, Operation, ServiceModule, Where } from "./types.ts";
import { nameOf } from "./util.ts";
import wafv2, { type Wafv2Raw } from "./wafv2.ts";

// AWS Config as a source: configuration items (from SelectResourceConfig, an aggregator's
// SelectAggregateResourceConfig, or a configuration snapshot file delivered to S3) become the same
// snapshot a live scan would build. Each item's `configuration` is, for most types, the describe API's
// object with Java-bean camelCase keys; it is read back into the SDK's shape (src/collector/import/shape.ts)
// and handed to the service module's own normalize function, so there is one conversion to the model, not
// one per source. Types no module reads become generic resources, their edges taken from `relationships`.
//
// What AWS Config does not carry, so a Config-built snapshot lacks it (docs/import.md lists it too):
//   - registered targets of target groups (Config records no DescribeTargetHealth; a target group item
//     only has targets when its configuration is CloudFormation-shaped and lists `Targets`);
//   - ElastiCache cache subnet groups: cache clusters keep no VPC or subnets;
//   - RDS proxies and their targets (not a recorded type);
//   - ECS tasks, so the task ENIs of Fargate services stay unattached, and services' running counts
//     (ECS items are CloudFormation-shaped: desired count, not running count);
//   - Lambda's VPC id (Config keeps subnets and groups only): taken from the recorded subnets or groups;
//   - web ACL associations (WAFv2 items name no protected resource) unless the item has relationships
//     to them;
//   - S3: GetBucketPolicyStatus (Config keeps the policy's text, not whether it is public): a bucket with a
//     policy has policyIsPublic null (unknown), as a live scan has when the status has no IsPublic;
//   - CloudFront: tags, and origins' origin access control ids (the Config resource schema for
//     AWS::CloudFront::Distribution lists no originAccessControlId; read when an item has it);
//   - Route 53: record sets (not a recorded type: a Config source marks route53 partial) and the zones'
//     record counts;
//   - anything Config is not recording (the recorder's resource types decide, per account and region).

/** What a scan through AWS Config sends: part of the generated IAM policy. */
export const CONFIG_OPERATIONS: readonly Operation[] = [
  { command: "SelectResourceConfig", iam: ["config:SelectResourceConfig"] },
  { command: "SelectAggregateResourceConfig", iam: ["config:SelectAggregateResourceConfig"] },
];

/** One configuration item, whichever of Config's APIs or files it came from. */
export interface ConfigItem {
  accountId: string;
  awsRegion: string;
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  arn?: string;
  configuration: Record<string, unknown>;
  supplementaryConfiguration: Record<string, unknown>;
  tags: Record<string, string>;
  relationships: ConfigRelationship[];
  /** configurationItemStatus: OK, ResourceDiscovered, ResourceDeleted…; "" when the source leaves it out. */
  status: string;
  /** configurationItemCaptureTime, when given. */
  capturedAt?: string;
}

export interface ConfigRelationship {
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  /** "Is contained in Vpc", "Is associated with SecurityGroup", "Contains Instance"… */
  name: string;
}

/** Statuses of items that describe no current resource. */
const GONE = new Set(["ResourceDeleted", "ResourceDeletedNotRecorded", "ResourceNotRecorded"]);

/**
 * Reads one configuration item: an advanced-query result (a JSON string, tags as [{key, value}],
 * relationships with relationshipName), a snapshot file's item (awsAccountId, ARN, tags as a map,
 * relationships with name) or an aggregator's. An error message when it is not one.
 */
export function parseConfigItem(raw: unknown): ConfigItem | { error: string } {
  let v = raw;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch (err) {
      return { error: `is a string that is not JSON (${(err as Error).message})` };
    }
  }
  if (!isRecord(v)) return { error: "is not a configuration item (an object or a JSON string)" };
  const str = (...keys: string[]) => {
    for (const k of keys) if (typeof v[k] === "string" && v[k] !== "") return v[k] as string;
    return undefined;
  };
  const resourceType = str("resourceType");
  const resourceId = str("resourceId");
  const accountId = str("accountId", "awsAccountId");
  const awsRegion = str("awsRegion");
  const missing = [
    resourceType ? "" : "resourceType",
    resourceId ? "" : "resourceId",
    accountId ? "" : "accountId",
    awsRegion ? "" : "awsRegion",
  ].filter(Boolean);
  if (!resourceType || !resourceId || !accountId || !awsRegion)
    return {
      error: `has no ${missing.join(", ")} (select at least resourceType, resourceId, accountId and awsRegion)`,
    };
  const resourceName = str("resourceName");
  const arn = str("arn", "ARN");
  const capturedAt = str("configurationItemCaptureTime");
  return {
    accountId,
    awsRegion,
    resourceType,
    resourceId,
    ...(resourceName ? { resourceName } : {}),
    ...(arn ? { arn } : {}),
    configuration: jsonObject(v.configuration),
    supplementaryConfiguration: jsonObject(v.supplementaryConfiguration),
    tags: configTags(v.tags),
    relationships: (Array.isArray(v.relationships) ? v.relationships : []).flatMap((r) => {
      if (!isRecord(r) || typeof r.resourceType !== "string") return [];
      const id = r.resourceId ?? r.resourceName;
      if (typeof id !== "string") return [];
      const name = r.relationshipName ?? r.name;
      return [
        {
          resourceType: r.resourceType,
          resourceId: id,
          ...(typeof r.resourceName === "string" ? { resourceName: r.resourceName } : {}),
          name: typeof name === "string" ? name : "",
        },
      ];
    }),
    status: str("configurationItemStatus") ?? "",
    ...(capturedAt ? { capturedAt } : {}),
  };
}

/** Some APIs give `configuration` as a JSON string, snapshot files give it as an object. */
function jsonObject(v: unknown): Record<string, unknown> {
  if (typeof v === "string") {
    try {
      const parsed: unknown = JSON.parse(v);
      return isRecord(parsed) ? parsed : {};
    } catch {
      return {};
    }
  }
  return isRecord(v) ? v : {};
}

/** Tags as a map (snapshot files), or a list of {key, value} / {Key, Value} / {tag: "k=v"} (advanced query). */
export function configTags(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const t of v) {
      if (!isRecord(t)) continue;
      const key = t.key ?? t.Key;
      const value = t.value ?? t.Value;
      if (typeof key === "string") out[key] = typeof value === "string" ? value : "";
      else if (typeof t.tag === "string") {
        const eq = t.tag.indexOf("=");
        if (eq > 0) out[t.tag.slice(0, eq)] = t.tag.slice(eq + 1);
      }
    }
  } else if (isRecord(v)) {
    for (const [k, value] of Object.entries(v))
      out[k] = typeof value === "string" ? value : String(value ?? "");
  }
  return out;
}

/** Config's type names where they differ from the model's (CloudFormation's). */
const TYPE_NAMES: Record<string, string> = {
  "AWS::ACM::Certificate": "AWS::CertificateManager::Certificate",
};

/** The model's type for a Config resource type. */
export function modelType(configType: string): string {
  return TYPE_NAMES[configType] ?? configType;
}

// ---------------------------------------------------------------------------------------------------
// Items → each module's raw input.

/** The items of one account and region, with what several conversions look up. */
interface Group {
  where: Where;
  items: ConfigItem[];
  vpcOfSubnet: Map<string, string>;
  vpcOfGroup: Map<string, string>;
}

type AddItem<Raw> = (raw: Raw, item: ConfigItem, group: Group) => void;

interface Reader<Raw> {
  module: ServiceModule<Raw>;
  empty(): Raw;
  /** Config resource type (model name) → adds one item to the raw input. */
  types: Record<string, AddItem<Raw>>;
}

function reader<Raw>(r: Reader<Raw>): Reader<unknown> {
  return r as unknown as Reader<unknown>;
}

const tagList = (tags: Record<string, string>) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const tagMapping = (arn: string | undefined, tags: Record<string, string>) =>
  arn ? [{ ResourceARN: arn, Tags: tagList(tags) }] : [];

/** The configuration read as the SDK shape; an empty object when it holds nothing. */
function sdk<T>(schema: SdkSchema, item: ConfigItem, aliases?: Aliases): T {
  return (fromJson<T>(schema, item.configuration, aliases) ?? {}) as T;
}

/** An EC2 object with the item's tags (Config's top-level tags are the resource's tags). */
function ec2Object<T extends object>(
  schema: SdkSchema,
  item: ConfigItem,
  idKey: keyof T & string,
  tagKey: "Tags" | "TagSet" = "Tags",
  aliases?: Aliases,
): T {
  const o = sdk<T>(schema, item, aliases) as Record<string, unknown>;
  if (o[idKey] === undefined) o[idKey] = item.resourceId;
  if (Object.keys(item.tags).length > 0 || o[tagKey] === undefined) o[tagKey] = tagList(item.tags);
  return o as T;
}

const EC2: Reader<unknown> = reader<Ec2Raw>({
  module: ec2,
  empty: emptyEc2Raw,
  types: {
    "AWS::EC2::VPC": (raw, i) => raw.vpcs.push(ec2Object(Vpc$, i, "VpcId")),
    "AWS::EC2::Subnet": (raw, i) => raw.subnets.push(ec2Object(Subnet$, i, "SubnetId")),
    "AWS::EC2::RouteTable": (raw, i) => raw.routeTables.push(ec2Object(RouteTable$, i, "RouteTableId")),
    "AWS::EC2::InternetGateway": (raw, i) =>
      raw.internetGateways.push(ec2Object(InternetGateway$, i, "InternetGatewayId")),
    "AWS::EC2::NatGateway": (raw, i) => raw.natGateways.push(ec2Object(NatGateway$, i, "NatGatewayId")),
    "AWS::EC2::EIP": (raw, i) => raw.addresses.push(ec2Object(Address$, i, "AllocationId")),
    // Config keeps both `ipRanges` (bare CIDR strings, an older shape) and `ipv4Ranges` (with descriptions).
    "AWS::EC2::SecurityGroup": (raw, i) =>
      raw.securityGroups.push(
        ec2Object(SecurityGroup$, i, "GroupId", "Tags", { "IpPermission.IpRanges": ["ipv4Ranges"] }),
      ),
    "AWS::EC2::NetworkAcl": (raw, i) => raw.networkAcls.push(ec2Object(NetworkAcl$, i, "NetworkAclId")),
    "AWS::EC2::NetworkInterface": (raw, i) =>
      raw.networkInterfaces.push(ec2Object(NetworkInterface$, i, "NetworkInterfaceId", "TagSet")),
    "AWS::EC2::Instance": (raw, i) => raw.instances.push(ec2Object(Instance$, i, "InstanceId")),
    "AWS::EC2::VPCPeeringConnection": (raw, i) =>
      raw.peerings.push(ec2Object(VpcPeeringConnection$, i, "VpcPeeringConnectionId")),
    "AWS::EC2::VPCEndpoint": (raw, i) => raw.vpcEndpoints.push(ec2Object(VpcEndpoint$, i, "VpcEndpointId")),
    "AWS::EC2::TransitGatewayAttachment": (raw, i) =>
      raw.transitGatewayAttachments.push(
        ec2Object(TransitGatewayAttachment$, i, "TransitGatewayAttachmentId"),
      ),
    "AWS::EC2::FlowLog": (raw, i) => raw.flowLogs.push(ec2Object(FlowLog$, i, "FlowLogId")),
    "AWS::EC2::Volume": (raw, i) => raw.volumes.push(ec2Object(Volume$, i, "VolumeId")),
  },
});

const ELBV2: Reader<unknown> = reader<Elbv2Raw>({
  module: elbv2,
  empty: () => ({ loadBalancers: [], listeners: [], targetGroups: [], targetHealth: {}, tags: {} }),
  types: {
    "AWS::ElasticLoadBalancingV2::LoadBalancer": (raw, i) => {
      const lb = sdk<LoadBalancer>(LoadBalancer$, i);
      lb.LoadBalancerArn ??= i.arn;
      lb.LoadBalancerName ??= i.resourceName;
      raw.loadBalancers.push(lb);
      if (lb.LoadBalancerArn) raw.tags[lb.LoadBalancerArn] = tagList(i.tags);
    },
    // CloudFormation-shaped in Config (ListenerArn, DefaultActions…): the same names, other case.
    "AWS::ElasticLoadBalancingV2::Listener": (raw, i) => {
      const l = sdk<Listener>(Listener$, i);
      l.ListenerArn ??= i.arn;
      raw.listeners.push(l);
      if (l.ListenerArn) raw.tags[l.ListenerArn] = tagList(i.tags);
    },
    "AWS::ElasticLoadBalancingV2::TargetGroup": (raw, i) => {
      const tg = sdk<TargetGroup>(TargetGroup$, i, { "TargetGroup.TargetGroupName": ["Name"] });
      tg.TargetGroupArn ??= i.arn;
      tg.TargetGroupName ??= i.resourceName;
      raw.targetGroups.push(tg);
      if (!tg.TargetGroupArn) return;
      raw.tags[tg.TargetGroupArn] = tagList(i.tags);
      // Only a CloudFormation-shaped item lists targets; Config records no target health.
      const targets = i.configuration.Targets ?? i.configuration.targets;
      if (Array.isArray(targets))
        raw.targetHealth[tg.TargetGroupArn] = targets.flatMap((t) => {
          const h = fromJson<Elbv2Raw["targetHealth"][string][number]>(TargetHealthDescription$, {
            Target: t,
          });
          return h?.Target?.Id ? [h] : [];
        });
    },
  },
});

const RDS: Reader<unknown> = reader<RdsRaw>({
  module: rds,
  empty: () => ({ instances: [], clusters: [], proxies: [], proxyTargets: {} }),
  types: {
    "AWS::RDS::DBInstance": (raw, i) => {
      const db = sdk<DBInstance>(DBInstance$, i);
      db.DBInstanceArn ??= i.arn;
      // Config's resourceId for an instance is its dbi-resource id; the name is the identifier.
      db.DBInstanceIdentifier ??= i.resourceName;
      db.TagList = tagList(i.tags);
      raw.instances.push(db);
    },
    "AWS::RDS::DBCluster": (raw, i) => {
      const c = sdk<DBCluster>(DBCluster$, i);
      c.DBClusterArn ??= i.arn;
      c.DBClusterIdentifier ??= i.resourceName;
      c.TagList = tagList(i.tags);
      raw.clusters.push(c);
    },
    // Not a type Config records today; read if a source has it. Its targets are not in the item.
    "AWS::RDS::DBProxy": (raw, i) => {
      const p = sdk<RdsRaw["proxies"][number]>(DBProxy$, i);
      p.DBProxyArn ??= i.arn;
      p.DBProxyName ??= i.resourceName;
      raw.proxies.push(p);
    },
  },
});

const ELASTICACHE: Reader<unknown> = reader<ElastiCacheRaw>({
  module: elasticache,
  // Config records no cache subnet groups: clusters keep no VPC and subnets.
  empty: () => ({ clusters: [], replicationGroups: [], subnetGroups: [], tags: [] }),
  types: {
    "AWS::ElastiCache::CacheCluster": (raw, i) => {
      const c = sdk<CacheCluster>(CacheCluster$, i);
      c.ARN ??= i.arn;
      c.CacheClusterId ??= i.resourceId;
      raw.clusters.push(c);
      raw.tags.push(...tagMapping(c.ARN, i.tags));
    },
    "AWS::ElastiCache::ReplicationGroup": (raw, i) => {
      const g = sdk<ElastiCacheRaw["replicationGroups"][number]>(ReplicationGroup$, i);
      g.ARN ??= i.arn;
      g.ReplicationGroupId ??= i.resourceId;
      raw.replicationGroups.push(g);
      raw.tags.push(...tagMapping(g.ARN, i.tags));
    },
  },
});

const AUTOSCALING: Reader<unknown> = reader<AutoScalingRaw>({
  module: autoscaling,
  empty: () => ({ groups: [] }),
  types: {
    "AWS::AutoScaling::AutoScalingGroup": (raw, i) => {
      const g = sdk<AutoScalingGroup>(AutoScalingGroup$, i);
      g.AutoScalingGroupARN ??= i.arn;
      g.AutoScalingGroupName ??= i.resourceName ?? i.resourceId;
      g.Tags = tagList(i.tags);
      raw.groups.push(g);
    },
  },
});

const ecsTags = (tags: Record<string, string>) =>
  Object.entries(tags).map(([key, value]) => ({ key, value }));

const ECS: Reader<unknown> = reader<EcsRaw>({
  module: ecs,
  // ECS items are CloudFormation-shaped; Config records no tasks.
  empty: () => ({ clusters: [], services: [], tasks: [] }),
  types: {
    "AWS::ECS::Cluster": (raw, i) => {
      const c = sdk<Cluster>(Cluster$, i, {
        "Cluster.clusterArn": ["Arn"],
        "Cluster.settings": ["ClusterSettings"],
      });
      c.clusterArn ??= i.arn;
      c.clusterName ??= i.resourceName ?? i.resourceId;
      c.tags = ecsTags(i.tags);
      raw.clusters.push(c);
    },
    "AWS::ECS::Service": (raw, i, g) => {
      const s = sdk<Service>(Service$, i, {
        "Service.clusterArn": ["Cluster"],
        "Service.serviceName": ["Name"],
      });
      s.serviceArn ??= i.arn;
      s.serviceName ??= i.resourceName;
      // CloudFormation's Cluster is a name or an ARN; the model keys services by the cluster's ARN.
      if (s.clusterArn && !s.clusterArn.startsWith("arn:"))
        s.clusterArn = `arn:aws:ecs:${g.where.region}:${g.where.account}:cluster/${s.clusterArn}`;
      s.tags = ecsTags(i.tags);
      raw.services.push(s);
    },
  },
});

const LAMBDA: Reader<unknown> = reader<LambdaRaw>({
  module: lambda,
  empty: () => ({ functions: [], tags: [] }),
  types: {
    "AWS::Lambda::Function": (raw, i, g) => {
      const f = sdk<FunctionConfiguration>(FunctionConfiguration$, i);
      f.FunctionArn ??= i.arn;
      f.FunctionName ??= i.resourceName ?? i.resourceId;
      // Config keeps the function's subnets and groups but not its VPC id: the recorded subnets know it.
      const vpc = f.VpcConfig;
      if (vpc && !vpc.VpcId) {
        const fromSubnet = (vpc.SubnetIds ?? []).map((s) => g.vpcOfSubnet.get(s)).find(Boolean);
        const fromGroup = (vpc.SecurityGroupIds ?? []).map((s) => g.vpcOfGroup.get(s)).find(Boolean);
        const vpcId = fromSubnet ?? fromGroup;
        if (vpcId) vpc.VpcId = vpcId;
      }
      raw.functions.push(f);
      raw.tags.push(...tagMapping(f.FunctionArn, i.tags));
    },
  },
});

const WAFV2: Reader<unknown> = reader<Wafv2Raw>({
  module: wafv2,
  empty: () => ({ acls: [] }),
  types: {
    "AWS::WAFv2::WebACL": (raw, i) => {
      const conf = { ...i.configuration };
      // Some items give the default action as a string ("ALLOW", or its JSON).
      const action = conf.defaultAction ?? conf.DefaultAction;
      if (typeof action === "string") {
        let parsed: unknown;
        try {
          parsed = JSON.parse(action);
        } catch {
          parsed = /block/i.test(action) ? { Block: {} } : { Allow: {} };
        }
        delete conf.DefaultAction;
        conf.defaultAction = parsed;
      }
      const acl = (fromJson<WebACL>(WebACL$, conf) ?? {}) as WebACL;
      const arn = acl.ARN ?? i.arn;
      const id = acl.Id ?? i.resourceId;
      const name = acl.Name ?? i.resourceName;
      if (!arn) return;
      raw.acls.push({
        scope: arn.includes(":global/webacl/") ? "CLOUDFRONT" : "REGIONAL",
        summary: { ARN: arn, Id: id, ...(name ? { Name: name } : {}) },
        acl: { ...acl, ARN: arn, Id: id },
        // WAFv2 items name no protected resource; relationships to load balancers, where present, do.
        resources: i.relationships
          .filter((r) => r.resourceType === "AWS::ElasticLoadBalancingV2::LoadBalancer")
          .map((r) => r.resourceId)
          .filter((r) => r.startsWith("arn:")),
        tags: tagList(i.tags),
      });
    },
  },
});

const ACM: Reader<unknown> = reader<AcmRaw>({
  module: acm,
  empty: () => ({ certificates: [], tags: [] }),
  types: {
    "AWS::CertificateManager::Certificate": (raw, i) => {
      const c = sdk<CertificateDetail>(CertificateDetail$, i);
      c.CertificateArn ??= i.arn;
      raw.certificates.push(c);
      raw.tags.push(...tagMapping(c.CertificateArn, i.tags));
    },
  },
});

// S3, CloudFront and Route 53. Their items are not the shapes of the APIs the modules read (ListBuckets and
// six Get calls per bucket, ListDistributions, ListHostedZones…), so each is rebuilt into the module's raw
// input. Shapes as the AWS Config resource schema (github.com/awslabs/aws-config-resource-schema) and
// Config's items write them; where that is an assumption, the comment says so.

/**
 * One member of supplementaryConfiguration, whatever its key's case. Snapshot files write each value as a
 * JSON string (AccessControlList even twice); query results mostly as objects. null: absent.
 */
function supplementary(i: ConfigItem, key: string): unknown {
  const lower = key.toLowerCase();
  const k = Object.keys(i.supplementaryConfiguration).find((x) => x.toLowerCase() === lower);
  let v = k === undefined ? undefined : i.supplementaryConfiguration[k];
  for (let n = 0; n < 2 && typeof v === "string"; n++) {
    try {
      v = JSON.parse(v);
    } catch {
      break;
    }
  }
  return v ?? undefined;
}

const nonEmpty = (v: unknown): boolean =>
  v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);

/**
 * An AWS::S3::Bucket item → what a live scan reads for the bucket. `configuration` is {name, owner,
 * creationDate}; the settings are supplementaryConfiguration members, each present only when the bucket
 * has that configuration (Config omits PublicAccessBlockConfiguration, ServerSideEncryptionConfiguration,
 * BucketWebsiteConfiguration and BucketTaggingConfiguration the way S3 answers 404 for them; it writes
 * BucketPolicy as {"policyText": null} and BucketVersioningConfiguration as {"status": "Off"} when unset;
 * that is how recorded items and the tools reading them back, Cloud Custodian's Config source among them,
 * show it, not a documented contract):
 *   - PublicAccessBlockConfiguration {blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets};
 *   - ServerSideEncryptionConfiguration {rules: [{applyServerSideEncryptionByDefault: {sseAlgorithm, kmsMasterKeyID}}]};
 *   - BucketVersioningConfiguration {status: "Off" | "Enabled" | "Suspended"};
 *   - BucketPolicy {policyText}: Config has the policy, not GetBucketPolicyStatus. No policy is what S3's
 *     NoSuchBucketPolicy means (not public: false); a policy, or no BucketPolicy member at all, is unknown
 *     (null), as a live scan has it when the status has no IsPublic. Evaluating the text is not attempted;
 *   - BucketWebsiteConfiguration {indexDocumentSuffix, errorDocument, redirectAllRequestsTo, routingRules};
 *   - tags: the item's tags, else BucketTaggingConfiguration {tagSets: [{tags: {key: value}}]}.
 * The bucket's region is the item's awsRegion (Config records a bucket in its own region).
 */
export function bucketFromConfig(i: ConfigItem): BucketRaw {
  const conf = i.configuration;
  const name = (typeof conf.name === "string" && conf.name) || i.resourceName || i.resourceId;
  const creation = fromJson<{ CreationDate?: Date }>(Bucket$, { CreationDate: conf.creationDate });
  const pab = fromJson<PublicAccessBlockConfiguration>(
    PublicAccessBlockConfiguration$,
    supplementary(i, "PublicAccessBlockConfiguration"),
  );
  const sse = fromJson<ServerSideEncryptionConfiguration>(
    ServerSideEncryptionConfiguration$,
    supplementary(i, "ServerSideEncryptionConfiguration"),
  );
  const versioning = supplementary(i, "BucketVersioningConfiguration");
  const status = isRecord(versioning) ? versioning.status : undefined;
  const policy = supplementary(i, "BucketPolicy");
  const website = supplementary(i, "BucketWebsiteConfiguration");
  const hosting =
    isRecord(website) &&
    ["indexDocumentSuffix", "errorDocument", "redirectAllRequestsTo", "routingRules"].some((k) =>
      nonEmpty(website[k]),
    );
  let tags = tagList(i.tags);
  if (tags.length === 0) {
    const tagging = supplementary(i, "BucketTaggingConfiguration");
    const sets = isRecord(tagging) && Array.isArray(tagging.tagSets) ? tagging.tagSets : [];
    tags = tagList(configTags(sets.flatMap((s) => (isRecord(s) && isRecord(s.tags) ? [s.tags] : []))[0]));
  }
  return {
    bucket: { Name: name, ...(creation?.CreationDate ? { CreationDate: creation.CreationDate } : {}) },
    region: i.awsRegion,
    publicAccessBlock: pab ? { PublicAccessBlockConfiguration: pab } : null,
    encryption: sse?.Rules?.length ? { ServerSideEncryptionConfiguration: sse } : null,
    versioning: status === "Enabled" || status === "Suspended" ? { Status: status } : {},
    policyStatus: isRecord(policy) && !nonEmpty(policy.policyText) ? null : {},
    website: hosting ? {} : null,
    tagging: tags.length > 0 ? { TagSet: tags } : null,
  };
}

const S3: Reader<unknown> = reader<S3Raw>({
  module: s3,
  empty: () => ({ buckets: [] }),
  types: {
    "AWS::S3::Bucket": (raw, i) => raw.buckets.push(bucketFromConfig(i)),
  },
});

const CLOUDFRONT: Reader<unknown> = reader<CloudFrontRaw>({
  module: cloudfront,
  empty: () => ({ distributions: [], tags: {} }),
  types: {
    // GetDistribution's Distribution in Java-bean case: {id, arn, domainName, status, distributionConfig:
    // {aliases: {quantity, items}, origins, defaultCacheBehavior, viewerCertificate: {acmCertificateArn…},
    // webACLId, comment, enabled…}}. ListDistributions' summary is the config's fields next to the ids.
    "AWS::CloudFront::Distribution": (raw, i) => {
      const d = sdk<Distribution>(Distribution$, i);
      const c: Partial<DistributionConfig> = d.DistributionConfig ?? {};
      const arn = d.ARN ?? i.arn;
      if (!arn) return;
      raw.distributions.push({
        Id: d.Id ?? i.resourceId,
        ARN: arn,
        DomainName: d.DomainName,
        Status: d.Status,
        LastModifiedTime: d.LastModifiedTime,
        Aliases: c.Aliases,
        Origins: c.Origins,
        OriginGroups: c.OriginGroups,
        DefaultCacheBehavior: c.DefaultCacheBehavior,
        CacheBehaviors: c.CacheBehaviors,
        CustomErrorResponses: c.CustomErrorResponses,
        Comment: c.Comment,
        PriceClass: c.PriceClass,
        Enabled: c.Enabled,
        ViewerCertificate: c.ViewerCertificate,
        Restrictions: c.Restrictions,
        WebACLId: c.WebACLId,
        HttpVersion: c.HttpVersion,
        IsIPV6Enabled: c.IsIPV6Enabled,
      } as DistributionSummary);
      // Config is not known to record distributions' tags; read them when an item has some.
      raw.tags[arn] = tagList(i.tags);
    },
  },
});

const ROUTE53: Reader<unknown> = reader<Route53Raw>({
  module: route53,
  // Config records no record sets (no AWS::Route53::RecordSet type): zones only.
  empty: () => ({ zones: [], vpcs: {}, records: {}, tags: {} }),
  types: {
    // CloudFormation-shaped: {Id, Name, NameServers, VPCs: [{VPCId, VPCRegion}], HostedZoneConfig,
    // HostedZoneTags}. No PrivateZone flag: a private zone is the one with VPCs (Route 53 keeps at least
    // one VPC associated with a private zone; public zones have none). No record count: 0.
    "AWS::Route53::HostedZone": (raw, i) => {
      const z = sdk<HostedZone>(HostedZone$, i);
      const list = i.configuration.VPCs ?? i.configuration.vpcs;
      const vpcs = (Array.isArray(list) ? list : []).flatMap((v) => {
        const vpc = fromJson<VPC>(VPC$, v);
        return vpc?.VPCId ? [vpc] : [];
      });
      const id = zoneIdOf(z.Id ?? i.resourceId);
      const name = z.Name ?? i.resourceName;
      if (!name) return;
      raw.zones.push({
        ...z,
        Id: id,
        Name: name,
        Config: { ...z.Config, PrivateZone: z.Config?.PrivateZone ?? vpcs.length > 0 },
      } as HostedZone);
      if (vpcs.length > 0) raw.vpcs[id] = vpcs;
      const cfTags = i.configuration.HostedZoneTags ?? i.configuration.hostedZoneTags;
      raw.tags[id] = Object.keys(i.tags).length > 0 ? tagList(i.tags) : tagList(configTags(cfTags));
    },
  },
});

const READERS: readonly Reader<unknown>[] = [
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
];

/** Model type → the reader of its module. */
const READER_OF_TYPE = new Map(READERS.flatMap((r) => Object.keys(r.types).map((t) => [t, r] as const)));

/** The Config resource types asbuilt reads into modelled resources, by service module. */
export function configTypesOf(service: string): string[] {
  const r = READERS.find((x) => x.module.service === service);
  const inverse = Object.fromEntries(Object.entries(TYPE_NAMES).map(([k, v]) => [v, k]));
  return Object.keys(r?.types ?? {}).map((t) => inverse[t] ?? t);
}

/** Services whose resources a Config source can build (route53 in part: zones, not record sets). */
export const CONFIG_SERVICES: readonly string[] = [...READERS.map((r) => r.module.service), "tagging"];

/**
 * Unmodelled types queried as generic resources (the "tagging" service of a Config scan): what an
 * architecture is made of, not the whole recorder (IAM policies, compliance items, SSM inventory).
 */
export const GENERIC_CONFIG_TYPES: readonly string[] = [
  "AWS::ApiGateway::RestApi",
  "AWS::ApiGatewayV2::Api",
  "AWS::Batch::ComputeEnvironment",
  "AWS::Batch::JobQueue",
  "AWS::CloudFormation::Stack",
  "AWS::CodeBuild::Project",
  "AWS::CodePipeline::Pipeline",
  "AWS::DynamoDB::Table",
  "AWS::EC2::CustomerGateway",
  "AWS::EC2::EgressOnlyInternetGateway",
  "AWS::EC2::TransitGateway",
  "AWS::EC2::VPNConnection",
  "AWS::EC2::VPNGateway",
  "AWS::ECR::Repository",
  "AWS::ECS::TaskDefinition",
  "AWS::EFS::FileSystem",
  "AWS::EKS::Cluster",
  "AWS::ElasticBeanstalk::Application",
  "AWS::ElasticBeanstalk::Environment",
  "AWS::ElasticLoadBalancing::LoadBalancer",
  "AWS::Elasticsearch::Domain",
  "AWS::KMS::Key",
  "AWS::Kinesis::Stream",
  "AWS::NetworkFirewall::Firewall",
  "AWS::OpenSearch::Domain",
  "AWS::Redshift::Cluster",
  "AWS::SNS::Topic",
  "AWS::SQS::Queue",
  "AWS::SecretsManager::Secret",
  "AWS::StepFunctions::StateMachine",
];

// ---------------------------------------------------------------------------------------------------
// Items → resources and edges.

export interface FromConfig {
  resources: Resource[];
  edges: Edge[];
  /** Every account and region an item came from. */
  places: { account: string; region: string }[];
  /** What could not become a resource, and why: one line each, for the summary. */
  skipped: string[];
  /** Items of deleted or unrecorded resources, left out. */
  leftOut: number;
}

const EC2_KIND: Record<string, Ec2Kind> = {
  "AWS::EC2::VPC": "vpc",
  "AWS::EC2::Subnet": "subnet",
  "AWS::EC2::RouteTable": "route-table",
  "AWS::EC2::InternetGateway": "internet-gateway",
  "AWS::EC2::NatGateway": "natgateway",
  "AWS::EC2::EIP": "elastic-ip",
  "AWS::EC2::SecurityGroup": "security-group",
  "AWS::EC2::NetworkAcl": "network-acl",
  "AWS::EC2::NetworkInterface": "network-interface",
  "AWS::EC2::Instance": "instance",
  "AWS::EC2::VPCPeeringConnection": "vpc-peering-connection",
  "AWS::EC2::VPCEndpoint": "vpc-endpoint",
  "AWS::EC2::TransitGatewayAttachment": "transit-gateway-attachment",
  "AWS::EC2::FlowLog": "vpc-flow-log",
  "AWS::EC2::Volume": "volume",
};

const GENERIC_TYPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

/** Pure: configuration items → the resources and edges a scan of the same account would hold. */
export function normalizeConfigItems(all: readonly ConfigItem[]): FromConfig {
  const skipped: string[] = [];
  let leftOut = 0;
  const groups = new Map<string, Group>();
  for (const item of all) {
    if (GONE.has(item.status)) {
      leftOut++;
      continue;
    }
    const region = item.awsRegion;
    if (!/^\d{12}$/.test(item.accountId) || !Region.safeParse(region).success) {
      skipped.push(
        `${item.resourceType} ${item.resourceId}: account "${item.accountId}" or region "${region}" is not valid`,
      );
      continue;
    }
    const key = `${item.accountId}/${region}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        where: { account: item.accountId, region },
        items: [],
        vpcOfSubnet: new Map(),
        vpcOfGroup: new Map(),
      };
      groups.set(key, g);
    }
    g.items.push({ ...item, resourceType: modelType(item.resourceType) });
  }

  const resources: Resource[] = [];
  const edges: Edge[] = [];
  // (type, resourceId) → the resource's id in the snapshot, for relationships.
  const idOf = new Map<string, string>();
  for (const g of groups.values())
    for (const i of g.items) {
      const kind = EC2_KIND[i.resourceType];
      const id = kind ? ec2Arn(g.where.region, g.where.account, kind, i.resourceId) : i.arn;
      if (id) idOf.set(`${i.resourceType}\0${i.resourceId}`, id);
    }

  for (const g of groups.values()) {
    for (const i of g.items) {
      if (i.resourceType === "AWS::EC2::Subnet") {
        const s = sdk<Subnet>(Subnet$, i);
        if (s.VpcId) g.vpcOfSubnet.set(s.SubnetId ?? i.resourceId, s.VpcId);
      } else if (i.resourceType === "AWS::EC2::SecurityGroup") {
        const vpcId = sdk<{ VpcId?: string }>(SecurityGroup$, i).VpcId;
        if (vpcId) g.vpcOfGroup.set(i.resourceId, vpcId);
      }
    }
    const raws = new Map<Reader<unknown>, unknown>();
    const wanted = new Map<string, number>();
    for (const i of g.items) {
      const r = READER_OF_TYPE.get(i.resourceType);
      if (r) {
        let raw = raws.get(r);
        if (raw === undefined) {
          raw = r.empty();
          raws.set(r, raw);
        }
        r.types[i.resourceType]?.(raw, i, g);
        wanted.set(i.resourceType, (wanted.get(i.resourceType) ?? 0) + 1);
      } else if (isKnownType(i.resourceType)) {
        skipped.push(
          `${i.resourceType} ${i.arn ?? i.resourceId}: asbuilt cannot read this modelled type from AWS Config yet`,
        );
      } else if (!GENERIC_TYPE.test(i.resourceType) || !i.arn) {
        skipped.push(`${i.resourceType} ${i.resourceId}: no ARN or not a type name asbuilt can keep`);
      } else {
        const out = generic(i, g.where, idOf);
        resources.push(out.resource);
        edges.push(...out.edges);
      }
    }
    for (const [r, raw] of raws) {
      const out = r.module.normalize(raw, g.where);
      resources.push(...out.resources);
      edges.push(...out.edges);
      const made = new Map<string, number>();
      for (const x of out.resources) made.set(x.type, (made.get(x.type) ?? 0) + 1);
      for (const type of Object.keys(r.types)) {
        const lost = (wanted.get(type) ?? 0) - (made.get(type) ?? 0);
        if (lost > 0)
          skipped.push(
            `${lost} ${type} item${lost === 1 ? "" : "s"} in ${g.where.account}/${g.where.region}: the configuration lacks what the model needs`,
          );
      }
    }
  }
  return {
    resources,
    edges,
    places: [...groups.values()].map((g) => g.where),
    skipped,
    leftOut,
  };
}

/**
 * A generic resource: type, name and tags, as the Tagging API gives them. The configuration is not kept:
 * for unmodelled types it is unchecked text that may hold secrets (a Beanstalk environment's variables).
 */
function generic(
  i: ConfigItem,
  where: Where,
  idOf: ReadonlyMap<string, string>,
): { resource: GenericResource; edges: Edge[] } {
  const id = i.arn ?? "";
  const edges: Edge[] = [];
  let parent: string | undefined;
  for (const rel of i.relationships) {
    const target =
      idOf.get(`${modelType(rel.resourceType)}\0${rel.resourceId}`) ??
      (EC2_KIND[rel.resourceType]
        ? ec2Arn(where.region, where.account, EC2_KIND[rel.resourceType] as Ec2Kind, rel.resourceId)
        : rel.resourceId.startsWith("arn:")
          ? rel.resourceId
          : undefined);
    if (!target) continue;
    const e = relationshipEdge(rel);
    if (e === "parent") {
      // A subnet is a closer parent than its VPC.
      if (parent === undefined || rel.resourceType === "AWS::EC2::Subnet") parent = target;
    } else if (e)
      edges.push(e.reverse ? { from: target, to: id, kind: e.kind } : { from: id, to: target, kind: e.kind });
  }
  return {
    resource: {
      id,
      type: i.resourceType,
      account: where.account,
      region: where.region,
      name: nameOf(i.tags, i.resourceName ?? i.resourceId) ?? i.resourceId,
      tags: i.tags,
      ...(parent ? { parent } : {}),
      props: {},
    },
    edges,
  };
}

/**
 * What a Config relationship means as an edge. Config's names are verbs: "Is contained in", "Contains",
 * "Is attached to", "Is associated with", "Is used by". Containment in a VPC or subnet is the parent;
 * other names (none known today) are left out rather than guessed.
 */
export function relationshipEdge(
  rel: Pick<ConfigRelationship, "name" | "resourceType">,
): "parent" | { kind: EdgeKind; reverse: boolean } | undefined {
  const n = rel.name.toLowerCase();
  if (n.startsWith("is contained in"))
    return rel.resourceType === "AWS::EC2::VPC" || rel.resourceType === "AWS::EC2::Subnet"
      ? "parent"
      : { kind: "contains", reverse: true };
  if (n.startsWith("contains")) return { kind: "contains", reverse: false };
  if (n.startsWith("is attached to")) return { kind: "attached", reverse: false };
  if (n.startsWith("is associated with"))
    return /::WAF(v2|Regional)?::WebACL$/.test(rel.resourceType)
      ? { kind: "protects", reverse: true }
      : { kind: "uses", reverse: false };
  if (n.startsWith("is used by")) return { kind: "uses", reverse: true };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// The query, and the scan.

/** Fields the conversion reads. `SELECT *` returns only the top-level scalars, so each is named. */
export const SELECT_FIELDS = [
  "resourceId",
  "resourceName",
  "resourceType",
  "arn",
  "accountId",
  "awsRegion",
  "configuration",
  "supplementaryConfiguration",
  "tags",
  "relationships",
  "configurationItemStatus",
  "configurationItemCaptureTime",
] as const;

/** Statuses of current resources (deleted and unrecorded ones are filtered here and again on reading). */
const CURRENT = ["OK", "ResourceDiscovered"];

const ROUTE53_PARTIAL =
  "partial: AWS Config records hosted zones, not their record sets; scan them with --source live --services route53";

/**
 * What a Config-built snapshot lacks in services it does read, per account: Route 53 record sets (always).
 * With `queried.regions` (a scan of each account × region, not an aggregator): CloudFront distributions
 * and Route 53 zones are recorded in us-east-1 only (CloudFront's documented home region; assumed for
 * hosted zones, which Route 53's control plane also serves from us-east-1), so an account that gave none
 * while us-east-1 was not queried is a gap, not an account without them.
 */
export function configPartialCoverage(
  accounts: readonly string[],
  services?: readonly string[],
  queried: { regions?: readonly string[] | undefined; resources?: readonly Resource[] } = {},
): Coverage[] {
  const wants = (s: string) => !services || services.length === 0 || services.includes(s);
  const missedHome = queried.regions !== undefined && !queried.regions.includes("us-east-1");
  const has = (account: string, type: string) =>
    (queried.resources ?? []).some((r) => r.account === account && r.type === type);
  const out: Coverage[] = [];
  for (const account of new Set(accounts)) {
    const unqueried = (type: string, what: string) =>
      missedHome && !has(account, type)
        ? `not queried: AWS Config records ${what} in us-east-1, which this scan did not query (add it to --regions)`
        : undefined;
    const cf = wants("cloudfront")
      ? unqueried("AWS::CloudFront::Distribution", "CloudFront distributions")
      : undefined;
    if (cf) out.push({ account, region: "global", service: "cloudfront", status: "skipped", error: cf });
    if (wants("route53")) {
      const zones = unqueried("AWS::Route53::HostedZone", "Route 53 hosted zones");
      out.push({
        account,
        region: "global",
        service: "route53",
        status: "skipped",
        error: zones ? `${zones}; ${ROUTE53_PARTIAL}` : ROUTE53_PARTIAL,
      });
    }
  }
  return out;
}

/** The Config resource types a scan of these services asks for (all services: undefined). */
export function configResourceTypes(services?: readonly string[]): string[] {
  const wanted = services && services.length > 0 ? services : CONFIG_SERVICES;
  const types = wanted.flatMap((s) => (s === "tagging" ? [...GENERIC_CONFIG_TYPES] : configTypesOf(s)));
  return [...new Set(types)].sort();
}

/** The advanced query: named fields, current items of the given types. At most 4096 characters. */
export function configQuery(types: readonly string[]): string {
  const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(", ");
  return `SELECT ${SELECT_FIELDS.join(", ")} WHERE resourceType IN (${list(types)}) AND configurationItemStatus IN (${list(CURRENT)})`;
}

/** SelectResourceConfig / SelectAggregateResourceConfig's largest page. */
const LIMIT = 100;

/** Runs the query, following NextToken; the results are JSON strings, one configuration item each. */
export async function selectConfigItems(
  client: ConfigServiceClient,
  expression: string,
  aggregator?: string,
): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = aggregator
      ? await client.send(
          new SelectAggregateResourceConfigCommand({
            ConfigurationAggregatorName: aggregator,
            Expression: expression,
            Limit: LIMIT,
            NextToken: token,
          }),
        )
      : await client.send(
          new SelectResourceConfigCommand({ Expression: expression, Limit: LIMIT, NextToken: token }),
        );
    out.push(...(page.Results ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

export interface ConfigScanOptions extends ScanOptions {
  /** Query this aggregator once (from homeRegion, with the first target's credentials) instead of each account × region. */
  aggregator?: string;
  homeRegion: string;
}

export interface ConfigScanResult extends ScanResult {
  /** Items that could not become resources, one line each (see normalizeConfigItems). */
  skipped: string[];
}

/** A scan whose data comes from AWS Config's advanced query: same snapshot shape, coverage per account × region. */
export async function scanConfig(opts: ConfigScanOptions): Promise<ConfigScanResult> {
  const started = performance.now();
  const log = new CallLog();
  const http = countingHttpHandler(log);
  const expression = configQuery(configResourceTypes(opts.services));
  const coverage: Coverage[] = [...(opts.coverage ?? [])];
  const items: ConfigItem[] = [];
  const malformed: string[] = [];
  const settingsFor = (region: string, target: AccountTarget | undefined): ClientSettings => ({
    region,
    ...(target?.credentials ? { credentials: target.credentials } : {}),
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.retryStrategy
      ? { retryStrategy: opts.retryStrategy }
      : { retryMode: "adaptive" as const, maxAttempts: opts.maxAttempts ?? 8 }),
  });
  const read = (results: string[]) => {
    for (const r of results) {
      const item = parseConfigItem(r);
      if ("error" in item) malformed.push(item.error);
      else items.push(item);
    }
  };

  const tasks = opts.aggregator
    ? [{ target: opts.targets[0], region: opts.homeRegion }]
    : opts.targets.flatMap((target) => target.regions.map((region) => ({ target, region })));
  const limit = pLimit(opts.concurrency ?? 16);
  let done = 0;
  await Promise.all(
    tasks.map((t) =>
      limit(async () => {
        const client = clientFactory(settingsFor(t.region, t.target), log, http.handler)(ConfigServiceClient);
        const account = t.target?.account ?? "000000000000";
        try {
          const before = items.length;
          read(await selectConfigItems(client, expression, opts.aggregator));
          coverage.push({ account, region: t.region, service: "config", status: "scanned" });
          if (opts.aggregator) {
            // The aggregator answered for these accounts and regions.
            const seen = new Set(items.slice(before).map((i) => `${i.accountId}/${i.awsRegion}`));
            seen.delete(`${account}/${t.region}`);
            for (const k of seen) {
              const [a = "", r = ""] = k.split("/");
              if (/^\d{12}$/.test(a) && Region.safeParse(r).success)
                coverage.push({ account: a, region: r, service: "config", status: "scanned" });
            }
          }
        } catch (err) {
          coverage.push({ account, region: t.region, service: "config", ...classifyError(err) });
        } finally {
          client.destroy();
          done++;
          opts.onTaskDone?.(done, tasks.length, `config ${account}/${t.region}`);
        }
      }),
    ),
  );
  http.close();

  const converted = normalizeConfigItems(items);
  const accounts = opts.aggregator
    ? [
        ...new Set([
          ...converted.places.map((p) => p.account),
          ...opts.targets.slice(0, 1).map((t) => t.account),
        ]),
      ]
    : opts.targets.map((t) => t.account);
  const regions = opts.aggregator
    ? converted.places.map((p) => p.region)
    : opts.targets.flatMap((t) => t.regions);
  // Services a live scan reads that this source cannot: gaps, so that reports say the picture lacks them.
  if (!opts.services || opts.services.length === 0)
    for (const m of SERVICES.filter((x) => !CONFIG_SERVICES.includes(x.service)))
      for (const account of accounts)
        for (const region of m.global ? ["global"] : [...new Set(regions)])
          coverage.push({
            account,
            region,
            service: m.service,
            status: "skipped",
            error: `asbuilt does not read ${m.service} from AWS Config; scan it with --source live --services ${m.service}`,
          });
  coverage.push(
    ...configPartialCoverage(accounts, opts.services, {
      regions: opts.aggregator ? undefined : regions,
      resources: converted.resources,
    }),
  );
  const { snapshot, droppedEdges } = assembleSnapshot({
    resources: converted.resources,
    edges: converted.edges,
    coverage,
    accounts,
    regions: regions.filter((r) => r !== "global"),
    source: opts.aggregator ? `aws-config:${opts.aggregator}` : "aws-config",
    scannedAt: opts.now?.() ?? new Date(),
  });
  return {
    snapshot,
    log,
    seconds: (performance.now() - started) / 1000,
    droppedEdges,
    skipped: [...malformed.map((m) => `a query result ${m}`), ...converted.skipped],
  };
}
