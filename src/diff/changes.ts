import type { Recorded } from "../model/recorded.ts";
import type { Edge, Resource, Snapshot } from "../model/snapshot.ts";

// What changed between two snapshots, resource by resource (matched by id) and edge by edge, in the words a
// reviewer reads: "ingress: + tcp/5432 from 0.0.0.0/0", "publiclyAccessible: false → true",
// "tags.Environment: staging → production". Arrays in props are sets (AWS returns them in any order), and
// security-group and NACL rules are compared one permission at a time, so a rule split in two or merged,
// or listed in another order, is no change. What always changes and means nothing (scan time, counters
// that follow the load) is ignored.

/** One property-level change of a resource. */
export interface PropertyChange {
  /** The property, dotted: "props.ingress", "tags.Environment", "name", "parent". */
  field: string;
  /** changed: a value replaced; added / removed: a member of a set (or a key) that appeared / went. */
  op: "changed" | "added" | "removed";
  /** In words, for changed values: "false", "not recorded". */
  before?: string;
  after?: string;
  /** The member added or removed, in words ("tcp/5432 from 0.0.0.0/0"). */
  item?: string;
  /** The whole line as a reviewer reads it. */
  text: string;
}

export interface ChangedResource {
  before: Resource;
  after: Resource;
  changes: PropertyChange[];
}

/** A resource on one side only whose absence on the other side is no evidence (its type was not recorded there). */
export interface UnrecordedResource {
  resource: Resource;
  /** Which snapshot lacks it. */
  missingFrom: "old" | "new";
  /** Why that snapshot says nothing about it. */
  reason: string;
}

export interface ResourceDiff {
  added: Resource[];
  removed: Resource[];
  changed: ChangedResource[];
  /** On one side only, where the other side did not record its type: neither added nor removed. */
  unrecorded: UnrecordedResource[];
  edgesAdded: Edge[];
  edgesRemoved: Edge[];
}

/**
 * Values that follow the load rather than the configuration: a scan an hour later sees other numbers and
 * nothing was changed. Keyed by type, then prop.
 */
const VOLATILE: Readonly<Record<string, readonly string[]>> = {
  "AWS::ECS::Service": ["runningCount"],
  "AWS::Route53::HostedZone": ["recordCount"],
  // Auto scaling moves these; the instances it starts and stops show as resources added and removed.
  "AWS::AutoScaling::AutoScalingGroup": ["desiredCapacity", "instanceIds"],
};

/**
 * The resource diff of two snapshots. Added and removed only count where the other snapshot recorded the
 * resource's type in its account and region (`recorded` of each side): a service denied in the new scan
 * does not remove its resources. O(resources + edges).
 */
export function diffResources(
  old: Snapshot,
  now: Snapshot,
  recorded: { old: Recorded; new: Recorded },
): ResourceDiff {
  const before = new Map(old.resources.map((r) => [r.id, r]));
  const after = new Map(now.resources.map((r) => [r.id, r]));
  const out: ResourceDiff = {
    added: [],
    removed: [],
    changed: [],
    unrecorded: [],
    edgesAdded: [],
    edgesRemoved: [],
  };
  const namer = nameOf(before, after);
  // Outside a snapshot's scope nothing was read, whatever the type (generic types have no coverage entry).
  const gapIn = (s: Snapshot, rec: Recorded, r: Resource): string | undefined =>
    !s.scope.accounts.includes(r.account)
      ? `account ${r.account} is not in the scan's scope`
      : r.region !== "global" && !s.scope.regions.includes(r.region)
        ? `region ${r.region} is not in the scan's scope`
        : rec.gap(r.account, r.region, r.type);
  for (const r of now.resources) {
    const prev = before.get(r.id);
    if (!prev) {
      const gap = gapIn(old, recorded.old, r);
      if (gap) out.unrecorded.push({ resource: r, missingFrom: "old", reason: gap });
      else out.added.push(r);
      continue;
    }
    // Most resources are unchanged: a structural comparison that allocates nothing settles those.
    if (sameValue(prev, r)) continue;
    const changes = diffResource(prev, r, namer);
    if (changes.length > 0) out.changed.push({ before: prev, after: r, changes });
  }
  for (const r of old.resources) {
    if (after.has(r.id)) continue;
    const gap = gapIn(now, recorded.new, r);
    if (gap) out.unrecorded.push({ resource: r, missingFrom: "new", reason: gap });
    else out.removed.push(r);
  }
  const key = (e: Edge) => `${e.kind}\0${e.from}\0${e.to}`;
  // An edge to a resource the other side did not record is not known to be new, nor to be gone.
  const vague = new Set(out.unrecorded.map((u) => u.resource.id));
  const compared = (e: Edge) => !vague.has(e.from) && !vague.has(e.to);
  const oldKeys = old.edges.map(key);
  const newKeys = now.edges.map(key);
  const oldEdges = new Set(oldKeys);
  const newEdges = new Set(newKeys);
  const seenNew = new Set<string>();
  now.edges.forEach((e, i) => {
    const k = newKeys[i] ?? "";
    if (!oldEdges.has(k) && !seenNew.has(k) && compared(e)) {
      out.edgesAdded.push(e);
      seenNew.add(k);
    }
  });
  const seenOld = new Set<string>();
  old.edges.forEach((e, i) => {
    const k = oldKeys[i] ?? "";
    if (!newEdges.has(k) && !seenOld.has(k) && compared(e)) {
      out.edgesRemoved.push(e);
      seenOld.add(k);
    }
  });
  const byId = (a: Resource, b: Resource) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  out.added.sort(byId);
  out.removed.sort(byId);
  out.changed.sort((a, b) => byId(a.after, b.after));
  out.unrecorded.sort((a, b) => byId(a.resource, b.resource));
  const byEdge = (a: Edge, b: Edge) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  out.edgesAdded.sort(byEdge);
  out.edgesRemoved.sort(byEdge);
  return out;
}

/** Names for ids that rules point at (security groups in a rule's peers), from either snapshot. */
type Namer = (nativeId: string) => string | undefined;

function nameOf(before: Map<string, Resource>, after: Map<string, Resource>): Namer {
  let index: Map<string, string> | undefined;
  return (nativeId) => {
    if (!index) {
      index = new Map();
      for (const side of [before, after])
        for (const r of side.values())
          if (r.type === "AWS::EC2::SecurityGroup" && r.name !== undefined) {
            const p = r.props as { groupId?: unknown };
            if (typeof p.groupId === "string") index.set(p.groupId, r.name);
          }
    }
    return index.get(nativeId);
  };
}

/** The property-level changes of one resource, in a stable order: name, parent, tags, then props by path. */
export function diffResource(a: Resource, b: Resource, namer: Namer = () => undefined): PropertyChange[] {
  const out: PropertyChange[] = [];
  scalar(out, "name", a.name, b.name);
  scalar(out, "parent", a.parent, b.parent);
  if (a.type !== b.type) scalar(out, "type", a.type, b.type);
  for (const k of sortedKeys(a.tags, b.tags)) {
    const x = a.tags[k];
    const y = b.tags[k];
    if (x === y) continue;
    const field = `tags.${k}`;
    if (x === undefined) out.push({ field, op: "added", after: y, text: `${field}: + ${y} (tag added)` });
    else if (y === undefined)
      out.push({ field, op: "removed", before: x, text: `${field}: − ${x} (tag removed)` });
    else out.push({ field, op: "changed", before: x, after: y, text: `${field}: ${x} → ${y}` });
  }
  const volatile = new Set(a.type === b.type ? (VOLATILE[b.type] ?? []) : []);
  const pa = a.props as Record<string, unknown>;
  const pb = b.props as Record<string, unknown>;
  for (const k of sortedKeys(pa, pb)) {
    if (volatile.has(k)) continue;
    value(out, k, pa[k], pb[k], `${b.type}.${k}`, namer);
  }
  return out;
}

function sortedKeys(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

/** A value in words: absent is "not recorded" (never false), null "none". */
function words(v: unknown): string {
  if (v === undefined) return "not recorded";
  if (v === null) return "none";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return canonical(v);
}

function scalar(out: PropertyChange[], field: string, x: unknown, y: unknown): void {
  if (canonical(x) === canonical(y)) return;
  const before = words(x);
  const after = words(y);
  out.push({ field, op: "changed", before, after, text: `${field}: ${before} → ${after}` });
}

/** A prop: nested objects by path, arrays as sets of their members in words, anything else as a value. */
function value(
  out: PropertyChange[],
  path: string,
  x: unknown,
  y: unknown,
  kind: string,
  namer: Namer,
): void {
  if (Array.isArray(x) && Array.isArray(y)) {
    const describe = memberWords(kind, namer);
    const bag = (xs: unknown[]) => {
      const m = new Map<string, number>();
      for (const item of xs) for (const w of describe(item)) m.set(w, (m.get(w) ?? 0) + 1);
      return m;
    };
    const bx = bag(x);
    const by = bag(y);
    for (const [w, n] of by)
      for (let i = bx.get(w) ?? 0; i < n; i++)
        out.push({ field: path, op: "added", item: w, text: `${path}: + ${w}` });
    for (const [w, n] of bx)
      for (let i = by.get(w) ?? 0; i < n; i++)
        out.push({ field: path, op: "removed", item: w, text: `${path}: − ${w}` });
    return;
  }
  if (isPlainObject(x) && isPlainObject(y)) {
    for (const k of sortedKeys(x, y)) value(out, `${path}.${k}`, x[k], y[k], `${kind}.${k}`, namer);
    return;
  }
  scalar(out, path, x, y);
}

/** Deep equality, arrays in order, object keys in any order: true means no change; false means look closer. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    n++;
    if (!sameValue(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Sorted-key JSON: the same value always gives the same text, whatever order its keys were written in. */
export function canonical(v: unknown): string {
  if (v === undefined) return "undefined";
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isPlainObject(v))
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

/**
 * How the members of one array prop read, by "Type.prop": each member gives one or more words (a security
 * group rule gives one per peer, so that one rule with two ranges equals two rules with one each).
 */
function memberWords(kind: string, namer: Namer): (item: unknown) => string[] {
  switch (kind) {
    case "AWS::EC2::SecurityGroup.ingress":
      return (r) => sgRuleWords(r, "from", namer);
    case "AWS::EC2::SecurityGroup.egress":
      return (r) => sgRuleWords(r, "to", namer);
    case "AWS::EC2::RouteTable.routes":
      return (r) => [routeWords(r)];
    case "AWS::EC2::NetworkAcl.entries":
      return (e) => [naclWords(e)];
    default:
      return (v) => [typeof v === "string" ? v : words(v)];
  }
}

function portWords(protocol: string, from: unknown, to: unknown): string {
  if (protocol === "-1" || protocol === "all") return "all traffic";
  const name = protocol === "6" ? "tcp" : protocol === "17" ? "udp" : protocol === "1" ? "icmp" : protocol;
  if (typeof from !== "number" || typeof to !== "number") return `${name}/all ports`;
  if (name === "icmp" || name === "icmpv6") return from === -1 ? name : `${name} type ${from}`;
  if (from === to) return `${name}/${from}`;
  if (from <= 0 && to >= 65535) return `${name}/all ports`;
  return `${name}/${from}-${to}`;
}

function sgRuleWords(r: unknown, dir: "from" | "to", namer: Namer): string[] {
  if (!isPlainObject(r)) return [words(r)];
  const ports = portWords(String(r.protocol), r.fromPort, r.toPort);
  const peers: string[] = [];
  for (const c of asArray(r.ipv4Ranges)) peers.push(String(c));
  for (const c of asArray(r.ipv6Ranges)) peers.push(String(c));
  for (const g of asArray(r.groupRefs)) {
    if (!isPlainObject(g)) continue;
    const id = String(g.groupId);
    const name = namer(id);
    const account = typeof g.account === "string" ? ` in account ${g.account}` : "";
    peers.push(`${name && name !== id ? `"${name}" (${id})` : id}${account}`);
  }
  for (const p of asArray(r.prefixListIds)) peers.push(`prefix list ${String(p)}`);
  // The description is a comment on the rule: a changed comment opens nothing, and is not listed.
  return peers.length > 0 ? peers.map((p) => `${ports} ${dir} ${p}`) : [`${ports} ${dir} nowhere`];
}

function routeWords(r: unknown): string {
  if (!isPlainObject(r)) return words(r);
  const dest = r.destinationCidr ?? r.destinationIpv6Cidr ?? r.destinationPrefixListId ?? "?";
  const state = r.state === "blackhole" ? " (blackhole)" : "";
  return `${String(dest)} → ${String(r.targetId)} (${String(r.targetKind)})${state}`;
}

function naclWords(e: unknown): string {
  if (!isPlainObject(e)) return words(e);
  const peer = e.cidrBlock ?? e.ipv6CidrBlock ?? "?";
  return `${e.egress ? "egress" : "ingress"} #${String(e.ruleNumber)} ${String(e.ruleAction)} ${portWords(String(e.protocol), e.fromPort, e.toPort)} ${e.egress ? "to" : "from"} ${String(peer)}`;
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
