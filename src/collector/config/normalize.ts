import { SecurityGroup$, type Subnet, Subnet$ } from "@aws-sdk/client-ec2";
import { type Ec2Kind, ec2Arn } from "../../model/arn.ts";
import { isKnownType } from "../../model/props.ts";
import { SERVICE_OF_TYPE, SERVICE_TYPES } from "../../model/services.ts";
import {
  type Coverage,
  type Edge,
  type EdgeKind,
  type GenericResource,
  type NotEvaluated,
  Region,
  type Resource,
  type ResourceNote,
} from "../../model/snapshot.ts";
import { CONFIG_READERS } from "../services.ts";
import { withShapeIssues } from "../shape.ts";
import type { Where } from "../types.ts";
import { nameOf } from "../util.ts";
import { type ConfigItem, type ConfigRelationship, GONE, modelType, TYPE_NAMES } from "./item.ts";
import type { ConfigReader, Group } from "./reader.ts";
import { sdk } from "./reader.ts";
import { isAssociationType, lifecycleState, reconcileGroup, TORN_DOWN } from "./reconcile.ts";

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
  /**
   * What the import summary says: items that could not become resources and why, deleted and unrecorded
   * resources (by name), contradictions between items and which won, dangling references. One line each.
   */
  skipped: string[];
  /** Items left out that were present (not deleted): present, not evaluated, by place and type. */
  notEvaluated: NotEvaluated[];
  /** Items of deleted or unrecorded resources, left out. */
  leftOut: number;
  /** Notes on resources whose data is stale or half torn down (for the snapshot's `notes`). */
  notes: ResourceNote[];
  /**
   * Types whose latest item says ResourceNotRecorded (the recorder stopped recording them), by account
   * and region: what they hold is unknown there (see withNotRecorded).
   */
  notRecorded: { account: string; region: string; type: string }[];
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

const itemKey = (i: ConfigItem) =>
  `${i.accountId}\0${i.awsRegion}\0${modelType(i.resourceType)}\0${i.resourceId}`;
const captured = (i: ConfigItem) => (i.capturedAt ? ` at ${i.capturedAt}` : "");

/**
 * The newest item of each resource (a history file has one per change; two snapshot files may both hold
 * it). Ties keep the later in input order. `superseded` counts resources whose older items differ from the
 * newest (the newer capture wins; the summary says so).
 */
export function latestItems(all: readonly ConfigItem[]): { items: ConfigItem[]; superseded: number } {
  const byKey = new Map<string, ConfigItem>();
  const differing = new Set<string>();
  for (const item of all) {
    const k = itemKey(item);
    const prev = byKey.get(k);
    if (!prev) {
      byKey.set(k, item);
      continue;
    }
    const a = JSON.stringify([prev.status, prev.configuration, prev.supplementaryConfiguration, prev.tags]);
    const b = JSON.stringify([item.status, item.configuration, item.supplementaryConfiguration, item.tags]);
    if (a !== b) differing.add(k);
    if ((item.capturedAt ?? "") >= (prev.capturedAt ?? "")) byKey.set(k, item);
  }
  return { items: [...byKey.values()], superseded: differing.size };
}

/** The snapshot id an item's resource gets (EC2: a built ARN; others: the item's ARN). */
function snapshotId(i: ConfigItem): string | undefined {
  const kind = EC2_KIND[i.resourceType];
  return kind ? ec2Arn(i.awsRegion, i.accountId, kind, i.resourceId) : i.arn;
}

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
  const notes: ResourceNote[] = [];
  const notRecorded: FromConfig["notRecorded"] = [];
  let leftOut = 0;
  const groups = new Map<string, Group>();
  const associations = new Map<string, ConfigItem[]>();
  const { items: latest, superseded } = latestItems(all);
  if (superseded > 0)
    skipped.push(
      `${superseded} resource(s) had several differing AWS Config items (a history file, or several files): the newest capture of each is used`,
    );
  // Items of deleted resources, by (type, resourceId): references to them are reported as such.
  const gone = new Map<string, ConfigItem>();
  for (const raw of latest) {
    const item = { ...raw, resourceType: modelType(raw.resourceType) };
    const region = item.awsRegion;
    if (!/^\d{12}$/.test(item.accountId) || !Region.safeParse(region).success) {
      skipped.push(
        `${item.resourceType} ${item.resourceId}: account "${item.accountId}" or region "${region}" is not valid`,
      );
      continue;
    }
    if (GONE.has(item.status)) {
      leftOut++;
      gone.set(`${item.accountId}\0${region}\0${item.resourceType}\0${item.resourceId}`, item);
      if (item.status === "ResourceNotRecorded") {
        notRecorded.push({ account: item.accountId, region, type: item.resourceType });
        skipped.push(
          `${item.resourceType} ${item.resourceName ?? item.resourceId} in ${item.accountId}/${region}: no longer recorded (ResourceNotRecorded${captured(item)}): left out; the recorder does not record its type, so what it holds is unknown`,
        );
      } else
        skipped.push(
          `${item.resourceType} ${item.resourceName ?? item.resourceId} in ${item.accountId}/${region}: deleted (${item.status}${captured(item)}): left out`,
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
        notes: [],
      };
      groups.set(key, g);
    }
    if (isAssociationType(item.resourceType)) {
      const list = associations.get(key);
      if (list) list.push(item);
      else associations.set(key, [item]);
    } else g.items.push(item);
  }

  const resources: Resource[] = [];
  const edges: Edge[] = [];
  // (type, resourceId) → the resource's id in the snapshot, for relationships.
  const idOf = new Map<string, string>();
  const capturedAt = new Map<string, string | undefined>();
  for (const g of groups.values())
    for (const i of g.items) {
      const id = snapshotId(i);
      if (id) {
        idOf.set(`${i.resourceType}\0${i.resourceId}`, id);
        capturedAt.set(id, i.capturedAt);
      }
    }

  for (const [key, g] of groups) {
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
    const wanted = new Map<string, ConfigItem[]>();
    // Items the normalizers dropped as torn down (a NAT gateway "deleted", an instance "terminated").
    const torn = new Map<string, { item: ConfigItem; state: string }>();
    const groupResources: Resource[] = [];
    const groupEdges: Edge[] = [];
    for (const i of g.items) {
      const r = READER_OF_TYPE.get(i.resourceType);
      if (r) {
        let raw = raws.get(r);
        if (raw === undefined) {
          raw = r.empty();
          raws.set(r, raw);
        }
        const { issues } = withShapeIssues(() => r.types[i.resourceType]?.(raw, i, g));
        for (const issue of issues)
          g.notes.push(`${i.resourceType} ${i.resourceId}: configuration.${issue}: not read`);
        const list = wanted.get(i.resourceType);
        if (list) list.push(i);
        else wanted.set(i.resourceType, [i]);
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
        groupResources.push(out.resource);
        groupEdges.push(...out.edges);
      }
    }
    for (const [r, raw] of raws) {
      const out = r.module.normalize(raw, g.where);
      groupResources.push(...out.resources);
      groupEdges.push(...out.edges);
      const made = new Set(out.resources.map((x) => x.id));
      const madeOfType = new Map<string, number>();
      for (const x of out.resources) madeOfType.set(x.type, (madeOfType.get(x.type) ?? 0) + 1);
      for (const type of Object.keys(r.types)) {
        const items = wanted.get(type) ?? [];
        // As many made as given: none lost (an item's ARN may disagree with its name, e.g. a bucket's).
        if ((madeOfType.get(type) ?? 0) >= items.length) continue;
        const identified = items.filter((i) => snapshotId(i) !== undefined);
        // Items whose id is known are told one by one; the rest (no ARN in the item) are counted.
        for (const i of identified) {
          if (made.has(snapshotId(i) as string)) continue;
          const state = lifecycleState(i.configuration);
          if (state && TORN_DOWN.has(state.toLowerCase()))
            torn.set(`${type}\0${i.resourceId}`, { item: i, state });
          skipped.push(
            state && TORN_DOWN.has(state.toLowerCase())
              ? `${type} ${i.resourceId} in ${g.where.account}/${g.where.region}: torn down (state ${state}${captured(i)}): left out`
              : `${type} ${i.resourceId} in ${g.where.account}/${g.where.region}: the configuration lacks what the model needs${Object.keys(i.configuration).length === 0 ? ` (it is empty: an item of a deleted resource${i.status ? "" : " without its configurationItemStatus"}, or a query that did not select configuration)` : ""}`,
          );
        }
        const unidentified = items.length - identified.length;
        const identifiedMade = identified.filter((i) => made.has(snapshotId(i) as string)).length;
        const lost = unidentified - Math.max(0, (madeOfType.get(type) ?? 0) - identifiedMade);
        if (lost > 0)
          skipped.push(
            `${lost} ${type} item${lost === 1 ? "" : "s"} in ${g.where.account}/${g.where.region}: the configuration lacks what the model needs`,
          );
      }
    }
    const joined = reconcileGroup(
      g.where,
      associations.get(key) ?? [],
      g.items,
      groupResources,
      groupEdges,
      capturedAt,
    );
    skipped.push(...g.notes, ...joined.summary);
    notes.push(...joined.notes);
    notes.push(...tornDown(g, gone, torn, idOf));
    skipped.push(...dangling(g, gone, idOf));
    resources.push(...groupResources);
    edges.push(...groupEdges);
  }
  return {
    resources,
    edges,
    places: [...groups.values()].map((g) => g.where),
    skipped,
    notEvaluated: [...notKept.values()],
    leftOut,
    notes,
    notRecorded,
  };
}

/** Relationship targets of a type asbuilt reads, in the item's own account and region. */
function modelledTargets(i: ConfigItem): ConfigRelationship[] {
  return i.relationships.filter((rel) => READER_OF_TYPE.has(modelType(rel.resourceType)));
}

/** Resources whose item refers to one recorded as deleted: half torn down, or its item is stale. */
function tornDown(
  g: Group,
  gone: ReadonlyMap<string, ConfigItem>,
  torn: ReadonlyMap<string, { item: ConfigItem; state: string }>,
  idOf: ReadonlyMap<string, string>,
): ResourceNote[] {
  const out: ResourceNote[] = [];
  for (const i of g.items) {
    const id = idOf.get(`${i.resourceType}\0${i.resourceId}`);
    if (!id || torn.has(`${i.resourceType}\0${i.resourceId}`)) continue;
    for (const rel of modelledTargets(i)) {
      const dying = torn.get(`${modelType(rel.resourceType)}\0${rel.resourceId}`);
      if (dying)
        out.push({
          resource: id,
          note: `half torn down or stale: its AWS Config item${captured(i)} relates it to ${rel.resourceType} ${rel.resourceId} (${rel.name || "related"}), whose own item${captured(dying.item)} has state ${dying.state}`,
        });
      const dead = gone.get(
        `${g.where.account}\0${g.where.region}\0${modelType(rel.resourceType)}\0${rel.resourceId}`,
      );
      if (!dead || dead.status === "ResourceNotRecorded") continue;
      out.push({
        resource: id,
        note: `half torn down or stale: its AWS Config item${captured(i)} relates it to ${rel.resourceType} ${rel.resourceId} (${rel.name || "related"}), which AWS Config records as deleted${captured(dead)}`,
      });
    }
  }
  return out;
}

/**
 * References to resources that are in no item although items of their type were read in that account and
 * region: listed, not dropped silently. (Of a type no item was read of at all, the input holds none: that
 * is coverage, and a reference to it is expected to lead nowhere.)
 */
function dangling(
  g: Group,
  gone: ReadonlyMap<string, ConfigItem>,
  idOf: ReadonlyMap<string, string>,
): string[] {
  const out = new Set<string>();
  const typesRead = new Set(g.items.map((i) => i.resourceType));
  for (const i of g.items)
    for (const rel of modelledTargets(i)) {
      const type = modelType(rel.resourceType);
      if (!typesRead.has(type)) continue;
      if (idOf.has(`${type}\0${rel.resourceId}`)) continue;
      if (gone.has(`${g.where.account}\0${g.where.region}\0${type}\0${rel.resourceId}`)) continue;
      out.add(
        `dangling reference in ${g.where.account}/${g.where.region}: ${i.resourceType} ${i.resourceId} → ${rel.resourceType} ${rel.resourceId} (${rel.name || "related"}), which is in no AWS Config item read`,
      );
    }
  return [...out];
}

/**
 * Coverage with what the recorder stopped recording: where an item says ResourceNotRecorded, its type is
 * not recorded in that account and region (a scanned service there becomes partial), so that the rules
 * answer unverified rather than "none".
 */
export function withNotRecorded(coverage: Coverage[], list: FromConfig["notRecorded"]): Coverage[] {
  if (list.length === 0) return coverage;
  return coverage.map((c) => {
    const types = [
      ...new Set(
        list
          .filter(
            (n) =>
              n.account === c.account &&
              SERVICE_OF_TYPE.get(n.type) === c.service &&
              (n.region === c.region || (c.region === "global" && SERVICE_TYPES[c.service]?.global)),
          )
          .map((n) => n.type),
      ),
    ].sort();
    if (types.length === 0 || (c.status !== "scanned" && c.status !== "partial")) return c;
    const why = `AWS Config no longer records ${types.join(", ")} here (ResourceNotRecorded)`;
    return {
      ...c,
      status: "partial",
      error: c.error ? `${c.error}; ${why}` : why,
      notRecorded: [...new Set([...(c.notRecorded ?? []), ...types])],
    };
  });
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
