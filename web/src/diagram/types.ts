import type { Severity } from "../../../src/architecture/schema.ts";
import type { Snapshot } from "../../../src/model/snapshot.ts";
import type { Finding, FindingsReport } from "../../../src/rules/finding.ts";
import type { IconKey } from "./icon-files.ts";

export type { Finding, FindingsReport, Severity, Snapshot };
export type Resource = Snapshot["resources"][number];

/** What the UI and the HTML report draw: a snapshot and the findings JSON of `asbuilt check --format json`. */
export interface DiagramData {
  snapshot: Snapshot;
  report: FindingsReport;
}

export type GroupKind =
  | "root"
  | "account"
  | "region"
  | "global"
  | "services"
  | "vpc"
  | "az"
  | "subnet"
  /** An Auto Scaling group: a dashed box around its instances, across the AZ columns of its subnets. */
  | "asg"
  | "internet";

export interface LeafNode {
  kind: "leaf";
  id: string;
  /** The resource type (or the shared type of an aggregate). */
  type: string;
  /** The full name (or the aggregate's "24 instances"): tooltips, search, the inspector. */
  label: string;
  /** The name as drawn: one or two lines, cut in the middle (keeping the distinguishing end) when longer. */
  lines: string[];
  /** The second text: the kind of resource, plus what tells it apart from a namesake (AZ or id suffix). */
  sub: string;
  /** Its AWS Architecture Icon. */
  icon: IconKey;
  /** Subnets (resource ids) it is placed over: one for most, several for what spans subnets (a load balancer). */
  subnets: string[];
  /** Drawn on its VPC's border (an internet gateway), or the standby copy of a Multi-AZ database. */
  role?: "border" | "standby";
  /** The resources it stands for: one, or several for an aggregate ("24 instances"). */
  resourceIds: string[];
  aggregate: boolean;
  /** With a comparison (serve --compare): added, removed (drawn ghosted) or changed since the old snapshot. */
  change?: Change;
  severity?: Severity;
  findings: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GroupNode {
  kind: "group";
  id: string;
  groupKind: GroupKind;
  label: string;
  /** A shorter title for when the label does not fit: a subnet's name without what its VPC's name says. */
  shortLabel?: string;
  sublabel?: string;
  /** The resource the group is (a VPC, a subnet, an Auto Scaling group), when it is one. */
  resourceId?: string;
  /** A subnet's class from its route table: public, private, isolated, or unknown (route table not recorded). */
  subnetClass?: string;
  /** An Auto Scaling group's subnets (resource ids): the AZ columns it spans. */
  subnets?: string[];
  children: DiagramNode[];
  collapsed: boolean;
  /** With a comparison: the group's own resource (a VPC, a subnet) added, removed or changed. */
  change?: Change;
  /** Visible resources inside, counted through collapsed and aggregated children. */
  count: number;
  severity?: Severity;
  /** Findings on this group's own resource and on hidden resources it hosts (security groups, route tables…). */
  findings: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export type DiagramNode = LeafNode | GroupNode;

/** What a comparison says of a resource or an edge. */
export type Change = "added" | "removed" | "changed";

export type EdgeStyle =
  /** A documented flow (the spec allows every port). */
  | "flow-documented"
  /** A flow a flow-undocumented finding reports: the only red edges. */
  | "flow-undocumented"
  /** Possible, with no finding: no spec given, or what the internet already reaches anyway. */
  | "flow-possible"
  | "targets"
  | "aliases"
  | "origin"
  | "protects";

export interface DiagramEdge {
  id: string;
  /** Drawn node ids (a resource, an aggregate, an Auto Scaling group, a collapsed box). */
  from: string;
  to: string;
  style: EdgeStyle;
  /** The ports, as drawn on the edge: ":443", ":80, 443", "HTTP:8000". */
  ports?: string;
  /** Fingerprints of the findings the edge shows (flow-undocumented). */
  findings: string[];
  /** Why it is possible: security-group rules, NACL entries, routes (from the findings JSON). */
  evidence: string[];
  /** The resource-level pairs it aggregates ("internet" or a resource id → a resource id). */
  pairs: [string, string][];
  /** With a comparison: every pair new (added) or gone (removed) since the old snapshot. */
  change?: "added" | "removed";
}

/** An edge once routed: orthogonal points from its source's border to its target's, and its label's place. */
export interface RoutedEdge extends DiagramEdge {
  points: [number, number][];
  label?: { x: number; y: number; w: number; h: number };
}

export interface Diagram {
  root: GroupNode;
  edges: DiagramEdge[];
  /** Resource id → the id of the node that draws it (itself, an aggregate, a collapsed group or a host). */
  nodeOf: Map<string, string>;
  /** Resources matching the filters but not drawn as their own node (security groups, listeners…). */
  hiddenCount: number;
}
