import { type NatGateway, NatGateway$, type NetworkInterface, NetworkInterface$ } from "@aws-sdk/client-ec2";
import { type Ec2Kind, ec2Arn } from "../../model/arn.ts";
import type { KnownType } from "../../model/props.ts";
import {
  type Edge,
  isType,
  type Resource,
  type ResourceNote,
  type ResourceOf,
} from "../../model/snapshot.ts";
import { fromJson, isRecord } from "../shape.ts";
import type { Where } from "../types.ts";
import type { ConfigItem } from "./item.ts";

// AWS Config items are recorded one resource at a time, each when it changed: two items can disagree (an
// Elastic IP's item still says "not associated" after the NAT gateway that uses it was recorded), and some
// facts are items of their own (association types). This joins them after the service modules have
// normalized the resource items: association items become props and edges, where items contradict each
// other the newer capture (configurationItemCaptureTime) wins, and every such decision is said twice: one
// line for the import summary, and a note on the resource whose data was stale, which findings quote.

/** Association item types: facts about two resources, recorded as an item of their own. */
export const ASSOCIATION_TYPES = [
  "AWS::EC2::EIPAssociation",
  "AWS::EC2::SubnetNetworkAclAssociation",
  "AWS::EC2::SubnetRouteTableAssociation",
  "AWS::EC2::VPCGatewayAttachment",
] as const;
const ASSOCIATIONS: ReadonlySet<string> = new Set(ASSOCIATION_TYPES);
export const isAssociationType = (t: string): boolean => ASSOCIATIONS.has(t);

export interface Reconciled {
  /** Lines for the import summary. */
  summary: string[];
  /** Notes on resources (snapshot ids). */
  notes: ResourceNote[];
}

/** A configuration member whatever its case (association items are CloudFormation-shaped: PascalCase). */
function member(conf: Record<string, unknown>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(conf))
    if (k.toLowerCase() === lower && typeof v === "string" && v !== "") return v;
  return undefined;
}

const when = (t: string | undefined) => (t ? `captured ${t}` : "capture time not recorded");

/** a is newer than b: an unknown capture time is older than any known one. */
const newer = (a: string | undefined, b: string | undefined) => (a ?? "") > (b ?? "");

/**
 * Joins one account and region's association items and cross-resource claims into its resources (in
 * place) and edges. `capturedAt` maps snapshot ids to their item's capture time.
 */
export function reconcileGroup(
  where: Where,
  associations: readonly ConfigItem[],
  items: readonly ConfigItem[],
  resources: Resource[],
  edges: Edge[],
  capturedAt: ReadonlyMap<string, string | undefined>,
): Reconciled {
  const summary: string[] = [];
  const notes: ResourceNote[] = [];
  const arn = (kind: Ec2Kind, id: string) => ec2Arn(where.region, where.account, kind, id);
  const byId = new Map(resources.map((r) => [r.id, r]));
  const get = <T extends KnownType>(type: T, id: string): ResourceOf<T> | undefined => {
    const r = byId.get(id);
    return r && isType(r, type) ? r : undefined;
  };
  const ofType = <T extends KnownType>(type: T): ResourceOf<T>[] =>
    resources.filter((r): r is ResourceOf<T> => isType(r, type));
  const place = `${where.account}/${where.region}`;

  interface Holder {
    id: string;
    native: string;
    subnetIds: string[];
  }
  /** Route tables or ACLs by the subnets they list (built once: association items may be many). */
  const holdersBySubnet = (list: Holder[]) => {
    const m = new Map<string, Holder[]>();
    for (const h of list) holderById.set(h.id, h);
    for (const h of list)
      for (const s of h.subnetIds) {
        const at = m.get(s);
        if (at) at.push(h);
        else m.set(s, [h]);
      }
    return m;
  };
  const holderById = new Map<string, Holder>();
  const hasAssociations = associations.some((a) => a.resourceType !== "AWS::EC2::EIPAssociation");
  const tables = holdersBySubnet(
    hasAssociations
      ? ofType("AWS::EC2::RouteTable").map((t) => ({
          id: t.id,
          native: t.props.routeTableId,
          subnetIds: t.props.subnetIds,
        }))
      : [],
  );
  const acls = holdersBySubnet(
    hasAssociations
      ? ofType("AWS::EC2::NetworkAcl").map((t) => ({
          id: t.id,
          native: t.props.networkAclId,
          subnetIds: t.props.subnetIds,
        }))
      : [],
  );

  /**
   * An association item moves `subnet` to `target` (route table or network ACL); other resources that still
   * list it are older or newer. Returns whether the association was applied.
   */
  const associate = (
    a: ConfigItem,
    what: "route table" | "network ACL",
    holders: Map<string, Holder[]>,
    targetNative: string,
    subnetNative: string,
  ): boolean => {
    const targetId = arn(what === "route table" ? "route-table" : "network-acl", targetNative);
    const label = `${a.resourceType} ${a.resourceId} (${when(a.capturedAt)})`;
    const others = (holders.get(subnetNative) ?? []).filter(
      (h) => h.id !== targetId && h.subnetIds.includes(subnetNative),
    );
    for (const o of others) {
      const t = capturedAt.get(o.id);
      if (newer(t, a.capturedAt)) {
        summary.push(
          `${place}: ${label} associates subnet ${subnetNative} with ${what} ${targetNative}, but ${what} ${o.native}'s item (${when(t)}) lists the subnet and is newer: the association is stale and not used`,
        );
        return false;
      }
    }
    // The target now holds the subnet (its subnetIds is the resource's own list, pushed to by the caller).
    const target = holderById.get(targetId);
    const listed = holders.get(subnetNative) ?? [];
    if (target && !listed.includes(target)) holders.set(subnetNative, [...listed, target]);
    for (const o of others) {
      const t = capturedAt.get(o.id);
      o.subnetIds.splice(o.subnetIds.indexOf(subnetNative), 1);
      summary.push(
        `${place}: ${what} ${o.native}'s item (${when(t)}) lists subnet ${subnetNative}, which the newer ${label} associates with ${what} ${targetNative}: the newer is used`,
      );
      notes.push({
        resource: o.id,
        note: `stale AWS Config item (${when(t)}): it lists subnet ${subnetNative}, which a newer association (${when(a.capturedAt)}) gives to ${what} ${targetNative}`,
      });
    }
    return true;
  };

  const subnetRes = (id: string) => get("AWS::EC2::Subnet", arn("subnet", id));

  for (const a of associations) {
    const conf = a.configuration;
    if (a.resourceType === "AWS::EC2::SubnetRouteTableAssociation") {
      const subnet = member(conf, "SubnetId");
      const table = member(conf, "RouteTableId");
      if (!subnet || !table) {
        summary.push(
          `${place}: ${a.resourceType} ${a.resourceId} names no SubnetId or RouteTableId: not read`,
        );
        continue;
      }
      if (!associate(a, "route table", tables, table, subnet)) continue;
      const rt = get("AWS::EC2::RouteTable", arn("route-table", table));
      if (rt && !rt.props.subnetIds.includes(subnet)) rt.props.subnetIds.push(subnet);
      // Recorded table: it lists the subnet, as a live scan has it. Unrecorded: the subnet says which.
      const s = subnetRes(subnet);
      if (s && !rt) s.props.routeTableId = table;
      if (!rt)
        summary.push(
          `${place}: ${a.resourceType} ${a.resourceId} associates subnet ${subnet} with route table ${table}, which is not in the data: the subnet's routes are unknown`,
        );
    } else if (a.resourceType === "AWS::EC2::SubnetNetworkAclAssociation") {
      const subnet = member(conf, "SubnetId");
      const acl = member(conf, "NetworkAclId");
      if (!subnet || !acl) {
        summary.push(
          `${place}: ${a.resourceType} ${a.resourceId} names no SubnetId or NetworkAclId: not read`,
        );
        continue;
      }
      if (!associate(a, "network ACL", acls, acl, subnet)) continue;
      const nacl = get("AWS::EC2::NetworkAcl", arn("network-acl", acl));
      if (nacl && !nacl.props.subnetIds.includes(subnet)) nacl.props.subnetIds.push(subnet);
      if (!nacl)
        summary.push(
          `${place}: ${a.resourceType} ${a.resourceId} associates subnet ${subnet} with network ACL ${acl}, which is not in the data: what the subnet's ACL allows is unknown`,
        );
    } else if (a.resourceType === "AWS::EC2::VPCGatewayAttachment") {
      const vpc = member(conf, "VpcId");
      const igw = member(conf, "InternetGatewayId");
      if (!vpc) {
        summary.push(`${place}: ${a.resourceType} ${a.resourceId} names no VpcId: not read`);
        continue;
      }
      if (!igw) continue; // a virtual private gateway's attachment: not modelled
      const g = get("AWS::EC2::InternetGateway", arn("internet-gateway", igw));
      if (!g) {
        summary.push(
          `${place}: ${a.resourceType} ${a.resourceId} attaches internet gateway ${igw}, which is not in the data, to VPC ${vpc}`,
        );
        continue;
      }
      if (!g.props.vpcIds.includes(vpc)) {
        g.props.vpcIds.push(vpc);
        if (!g.parent) g.parent = arn("vpc", vpc);
        edges.push({ from: g.id, to: arn("vpc", vpc), kind: "attached" });
        const t = capturedAt.get(g.id);
        if (newer(a.capturedAt, t))
          notes.push({
            resource: g.id,
            note: `stale AWS Config item (${when(t)}): it records no attachment to VPC ${vpc}, which a newer VPCGatewayAttachment (${when(a.capturedAt)}) records`,
          });
      }
    }
  }

  // ── Elastic IPs: what uses an address, from whichever item is newest ──
  interface Claim {
    allocationId?: string;
    publicIp?: string;
    instanceId?: string;
    networkInterfaceId?: string;
    associationId?: string;
    capturedAt: string | undefined;
    by: string;
  }
  const claims: Claim[] = [];
  for (const a of associations) {
    if (a.resourceType !== "AWS::EC2::EIPAssociation") continue;
    const c = a.configuration;
    const claim: Claim = {
      ...opt("allocationId", member(c, "AllocationId")),
      ...opt("publicIp", member(c, "EIP") ?? member(c, "PublicIp")),
      ...opt("instanceId", member(c, "InstanceId")),
      ...opt("networkInterfaceId", member(c, "NetworkInterfaceId")),
      ...opt(
        "associationId",
        member(c, "Id") ?? (a.resourceId.startsWith("eipassoc-") ? a.resourceId : undefined),
      ),
      capturedAt: a.capturedAt,
      by: `EIPAssociation ${a.resourceId}`,
    };
    if (!claim.allocationId && !claim.publicIp)
      summary.push(`${place}: ${a.resourceType} ${a.resourceId} names no AllocationId or EIP: not read`);
    else claims.push(claim);
  }
  for (const i of items) {
    if (i.resourceType === "AWS::EC2::NatGateway") {
      const n = fromJson<NatGateway>(NatGateway$, i.configuration) ?? {};
      if (n.State === "deleted" || n.State === "failed") continue;
      for (const addr of n.NatGatewayAddresses ?? [])
        if (addr.AllocationId || addr.PublicIp)
          claims.push({
            ...opt("allocationId", addr.AllocationId),
            ...opt("publicIp", addr.PublicIp),
            ...opt("networkInterfaceId", addr.NetworkInterfaceId),
            ...opt("associationId", addr.AssociationId),
            capturedAt: i.capturedAt,
            by: `NAT gateway ${i.resourceId}`,
          });
    } else if (i.resourceType === "AWS::EC2::NetworkInterface") {
      const e = fromJson<NetworkInterface>(NetworkInterface$, i.configuration) ?? {};
      const assoc = e.Association;
      if (assoc?.AllocationId || (assoc?.PublicIp && assoc.IpOwnerId && assoc.IpOwnerId !== "amazon"))
        claims.push({
          ...opt("allocationId", assoc.AllocationId),
          ...opt("publicIp", assoc.PublicIp),
          networkInterfaceId: e.NetworkInterfaceId ?? i.resourceId,
          ...opt("instanceId", e.Attachment?.InstanceId),
          ...opt("associationId", assoc.AssociationId),
          capturedAt: i.capturedAt,
          by: `network interface ${e.NetworkInterfaceId ?? i.resourceId}`,
        });
    }
  }
  const claimsOf = new Map<string, Claim[]>();
  for (const c of claims) {
    const k = c.allocationId ? `a:${c.allocationId}` : `ip:${c.publicIp}`;
    const at = claimsOf.get(k);
    if (at) at.push(c);
    else claimsOf.set(k, [c]);
  }
  const eips = claims.length > 0 ? ofType("AWS::EC2::EIP") : [];
  for (const eip of eips) {
    const mine = [
      ...(claimsOf.get(`a:${eip.props.allocationId}`) ?? []),
      ...(claimsOf.get(`ip:${eip.props.publicIp}`) ?? []),
    ];
    if (mine.length === 0) continue;
    const own = capturedAt.get(eip.id);
    const associated = eip.props.associationId || eip.props.instanceId || eip.props.networkInterfaceId;
    // The newest claim that the address is in use.
    const best = [...mine].sort((a, b) => ((a.capturedAt ?? "") < (b.capturedAt ?? "") ? 1 : -1))[0];
    if (!best || associated) continue;
    const what = best.networkInterfaceId
      ? `network interface ${best.networkInterfaceId}`
      : best.instanceId
        ? `instance ${best.instanceId}`
        : "something";
    if (newer(own, best.capturedAt)) {
      summary.push(
        `${place}: Elastic IP ${eip.props.allocationId}'s item (${when(own)}) records no association; ${best.by} (${when(best.capturedAt)}) uses it but is older: the Elastic IP's own item is used`,
      );
      notes.push({
        resource: eip.id,
        note: `AWS Config items disagree: ${best.by} (${when(best.capturedAt)}) uses this address, the address's own newer item (${when(own)}) records no association`,
      });
      continue;
    }
    eip.props.associationId = best.associationId ?? eip.props.associationId;
    eip.props.instanceId = best.instanceId ?? null;
    eip.props.networkInterfaceId = best.networkInterfaceId ?? null;
    if (best.networkInterfaceId)
      edges.push({ from: eip.id, to: arn("network-interface", best.networkInterfaceId), kind: "attached" });
    summary.push(
      `${place}: Elastic IP ${eip.props.allocationId}'s item (${when(own)}) records no association; the newer ${best.by} (${when(best.capturedAt)}) associates it with ${what}: the newer is used`,
    );
    notes.push({
      resource: eip.id,
      note: `stale AWS Config item (${when(own)}): it records no association, but the newer ${best.by} (${when(best.capturedAt)}) associates the address with ${what}`,
    });
  }
  return { summary, notes };
}

function opt<K extends string>(key: K, v: string | undefined): { [P in K]?: string } {
  return (v ? { [key]: v } : {}) as { [P in K]?: string };
}

/** A configuration's lifecycle state, whichever member names it (state, state.name, status.code). */
export function lifecycleState(conf: Record<string, unknown>): string | undefined {
  for (const [k, v] of Object.entries(conf)) {
    const key = k.toLowerCase();
    if (key !== "state" && key !== "status") continue;
    if (typeof v === "string") return v;
    if (isRecord(v)) {
      const inner = v.name ?? v.Name ?? v.code ?? v.Code;
      if (typeof inner === "string") return inner;
    }
  }
  return undefined;
}

/** States of a resource being torn down or gone. */
export const TORN_DOWN = new Set([
  "deleted",
  "deleting",
  "terminated",
  "shutting-down",
  "failed",
  "rejected",
]);
