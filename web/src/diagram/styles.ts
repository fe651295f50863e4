import type { IconKey } from "./icon-files.ts";
import type { EdgeStyle, GroupKind, Severity } from "./types.ts";

// Colours and strokes of the diagram, after AWS's architecture icon guidelines (group colours as in AWS's
// deck and awslabs/diagram-as-code): one table for the boxes, one for the edges.

export const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: "#7a1020",
  high: "#d1293d",
  medium: "#e07b00",
  low: "#5c7fa8",
};

export interface GroupStyle {
  stroke: string;
  fill: string;
  dash?: string;
  icon?: IconKey;
  /** Title in the middle of the top edge (an AZ) instead of after the corner icon. */
  centred?: boolean;
  label: string;
}

/** Group styles by kind; subnets by class (see subnetStyle). */
export const GROUP_STYLES: Record<Exclude<GroupKind, "subnet">, GroupStyle> = {
  root: { stroke: "none", fill: "none", label: "" },
  account: { stroke: "#e7157b", fill: "#ffffff", icon: "group-account", label: "AWS account" },
  region: { stroke: "#00a4a6", fill: "#ffffff", dash: "6 4", icon: "group-region", label: "Region" },
  global: { stroke: "#232f3e", fill: "#ffffff", icon: "group-cloud", label: "Global services (AWS Cloud)" },
  services: { stroke: "#7d8998", fill: "#fafbfc", dash: "4 3", label: "Regional services outside any VPC" },
  vpc: { stroke: "#8c4fff", fill: "#ffffff", icon: "group-vpc", label: "VPC" },
  az: { stroke: "#00a4a6", fill: "none", dash: "7 5", centred: true, label: "Availability Zone" },
  asg: {
    stroke: "#ed7100",
    fill: "rgba(255,255,255,0.55)",
    dash: "6 4",
    icon: "group-asg",
    label: "Auto Scaling group",
  },
  internet: { stroke: "none", fill: "none", label: "" },
};

export const SUBNET_STYLES: Record<"public" | "private" | "unknown", GroupStyle> = {
  public: {
    stroke: "#7aa116",
    fill: "#f2f6e8",
    icon: "group-public-subnet",
    label: "Public subnet (route to an internet gateway)",
  },
  private: {
    stroke: "#00a4a6",
    fill: "#e6f6f7",
    icon: "group-private-subnet",
    label: "Private subnet (no route to an internet gateway)",
  },
  unknown: {
    stroke: "#7d8998",
    fill: "#f4f5f6",
    dash: "5 4",
    label: "Subnet whose route table was not recorded: public or private unknown",
  },
};

/** Isolated subnets (no default route at all) are private in AWS's drawing; unknown is never drawn as either. */
export function subnetStyle(cls: string | undefined): GroupStyle {
  if (cls === "public") return SUBNET_STYLES.public;
  if (cls === "private" || cls === "isolated") return SUBNET_STYLES.private;
  return SUBNET_STYLES.unknown;
}

export const EDGE_STYLES: Record<EdgeStyle, { colour: string; dash?: string; width: number; label: string }> =
  {
    "flow-documented": { colour: "#2f7d32", width: 1.8, label: "flow, documented in the spec" },
    "flow-undocumented": {
      colour: "#d1293d",
      dash: "7 4",
      width: 2.4,
      label: "flow with a finding (not documented)",
    },
    "flow-possible": {
      colour: "#8792a2",
      dash: "2 4",
      width: 1.4,
      label: "flow possible, no finding (no spec, or the internet reaches it anyway)",
    },
    targets: { colour: "#232f3e", width: 1.6, label: "load balancer → targets" },
    aliases: { colour: "#8c4fff", dash: "9 3 2 3", width: 1.4, label: "DNS alias → target" },
    origin: { colour: "#b7791f", width: 1.6, label: "CloudFront → origin" },
    protects: { colour: "#9b2335", dash: "1 4", width: 1.8, label: "WAF web ACL protects" },
  };

/** Edge styles of the default view: the edges an architect draws, and every violation. */
export const DEFAULT_EDGE_STYLES: ReadonlySet<EdgeStyle> = new Set([
  "flow-documented",
  "flow-undocumented",
  "targets",
  "aliases",
  "origin",
]);
