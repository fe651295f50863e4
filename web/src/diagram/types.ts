import type { Severity } from "../../../src/architecture/schema.ts";
import type { Snapshot } from "../../../src/model/snapshot.ts";
import type { Finding, FindingsReport } from "../../../src/rules/finding.ts";

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
  | "internet";

export interface LeafNode {
  kind: "leaf";
  id: string;
  /** The resource type (or the shared type of an aggregate). */
  type: string;
  label: string;
  /** The resources it stands for: one, or several for an aggregate ("24 instances"). */
  resourceIds: string[];
  aggregate: boolean;
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
  sublabel?: string;
  /** The resource the group is (a VPC, a subnet), when it is one. */
  resourceId?: string;
  children: DiagramNode[];
  collapsed: boolean;
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

export type EdgeStyle =
  | "flow-documented"
  | "flow-undocumented"
  | "flow-unspecified"
  | "targets"
  | "aliases"
  | "origin"
  | "protects";

export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  style: EdgeStyle;
  /** Ports of a flow, for the tooltip. */
  label?: string;
}

export interface Diagram {
  root: GroupNode;
  edges: DiagramEdge[];
  /** Resource id → the id of the node that draws it (itself, an aggregate, a collapsed group or a host). */
  nodeOf: Map<string, string>;
  /** Resources matching the filters but not drawn as their own node (security groups, listeners…). */
  hiddenCount: number;
}
