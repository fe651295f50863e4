import { SecurityGroup$, type Subnet, Subnet$ } from "@aws-sdk/client-ec2";
import { type Ec2Kind, ec2Arn } from "../../model/arn.ts";
import { isKnownType } from "../../model/props.ts";
import {
  type Edge,
  type EdgeKind,
  type GenericResource,
  type NotEvaluated,
  Region,
  type Resource,
} from "../../model/snapshot.ts";
import { CONFIG_READERS } from "../services.ts";
import type { Where } from "../types.ts";
import { nameOf } from "../util.ts";
import { type ConfigItem, type ConfigRelationship, GONE, modelType, TYPE_NAMES } from "./item.ts";
import type { ConfigReader, Group } from "./reader.ts";
import { sdk } from "./reader.ts";

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

/** Model type → the reader of its module. */
const READER_OF_TYPE = new Map(
  CONFIG_READERS.flatMap((r) => Object.keys(r.types).map((t) => [t, r] as const)),
);

/** The Config resource types asbuilt reads into modelled resources, by service module. */
export function configTypesOf(service: string): string[] {
  const r = CONFIG_READERS.find((x) => x.module.service === service);
  const inverse = Object.fromEntries(Object.entries(TYPE_NAMES).map(([k, v]) => [v, k]));
  return Object.keys(r?.types ?? {}).map((t) => inverse[t] ?? t);
}

/** Services whose resources a Config source can build (route53 in part: zones, not record sets). */
export const CONFIG_SERVICES: readonly string[] = [...CONFIG_READERS.map((r) => r.module.service), "tagging"];

/**
 * Unmodelled types queried as generic resources (the "tagging" service of a Config scan): what an
 * architecture is made of, not the whole recorder (IAM policies, compliance items, SSM inventory).
 */
export const GENERIC_CONFIG_TYPES: readonly string[] = [
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
  "AWS::ElasticBeanstalk::Application",
  "AWS::ElasticBeanstalk::Environment",
  "AWS::ElasticLoadBalancing::LoadBalancer",
  "AWS::KMS::Key",
  "AWS::Kinesis::Stream",
  "AWS::NetworkFirewall::Firewall",
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
  /** Items left out that were present (not deleted): present, not evaluated, by place and type. */
  notEvaluated: NotEvaluated[];
  /** Items of deleted or unrecorded resources, left out. */
  leftOut: number;
}

export const EC2_KIND: Record<string, Ec2Kind> = {
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
  const notKept = new Map<string, NotEvaluated>();
  const unread = (where: Where, type: string) => {
    const k = `${where.account}/${where.region}/${type}`;
    const e = notKept.get(k) ?? { ...where, type, count: 0, source: "aws-config" as const };
    e.count++;
    notKept.set(k, e);
  };
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
    const raws = new Map<ConfigReader<unknown>, unknown>();
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
        unread(g.where, i.resourceType);
        skipped.push(
          `${i.resourceType} ${i.arn ?? i.resourceId}: asbuilt cannot read this modelled type from AWS Config yet`,
        );
      } else if (!GENERIC_TYPE.test(i.resourceType) || !i.arn) {
        unread(g.where, i.resourceType);
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
    notEvaluated: [...notKept.values()],
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
