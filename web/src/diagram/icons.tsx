import type { ReactElement } from "react";

// asbuilt's own icons (24×24, stroke-drawn, no third-party artwork): one glyph per kind of resource, in the
// colour of its family (compute, network, database, storage, edge, security).

interface IconDef {
  colour: string;
  /** Two or three letters under the glyph in the legend and on tiny nodes. */
  glyph: ReactElement;
}

const compute = "#d45b07";
const network = "#7b3fc4";
const database = "#2e6fd8";
const storage = "#2f8a3b";
const edge = "#8a4fd1";
const security = "#c62f3a";
const neutral = "#5b6676";

const p = (d: string) => <path d={d} />;

const ICONS: Record<string, IconDef> = {
  "AWS::EC2::Instance": {
    colour: compute,
    glyph: (
      <>
        <rect x="6" y="6" width="12" height="12" rx="1.5" />
        {p("M9 3v3M12 3v3M15 3v3M9 18v3M12 18v3M15 18v3M3 9h3M3 12h3M3 15h3M18 9h3M18 12h3M18 15h3")}
      </>
    ),
  },
  "AWS::AutoScaling::AutoScalingGroup": {
    colour: compute,
    glyph: (
      <>
        <rect x="3" y="8" width="9" height="9" rx="1" />
        <rect x="8" y="4" width="9" height="9" rx="1" />
        {p("M17 17h4M19 15v4")}
      </>
    ),
  },
  "AWS::Lambda::Function": { colour: compute, glyph: p("M6 20l6-10M9 4h3l7 16M12 10l-2-6") },
  "AWS::ECS::Cluster": {
    colour: compute,
    glyph: (
      <>
        <rect x="3" y="4" width="8" height="7" />
        <rect x="13" y="4" width="8" height="7" />
        <rect x="8" y="13" width="8" height="7" />
      </>
    ),
  },
  "AWS::ECS::Service": {
    colour: compute,
    glyph: (
      <>
        <rect x="4" y="6" width="16" height="12" rx="1" />
        {p("M8 6v12M12 6v12M16 6v12")}
      </>
    ),
  },
  "AWS::ElasticLoadBalancingV2::LoadBalancer": {
    colour: network,
    glyph: (
      <>
        <circle cx="6" cy="12" r="3" />
        {p("M9 12h4M13 12l5-6M13 12l5 6M13 12h6")}
      </>
    ),
  },
  "AWS::EC2::InternetGateway": {
    colour: network,
    glyph: p("M4 20V10a8 8 0 0 1 16 0v10M8 20v-8a4 4 0 0 1 8 0v8"),
  },
  "AWS::EC2::NatGateway": {
    colour: network,
    glyph: p("M4 8h12l-3-3M16 8l-3 3M20 16H8l3-3M8 16l3 3"),
  },
  "AWS::EC2::VPCEndpoint": {
    colour: network,
    glyph: p("M4 12h6M14 12h6M10 8v8h4V8zM14 10h2M14 14h2"),
  },
  "AWS::EC2::VPCPeeringConnection": {
    colour: network,
    glyph: (
      <>
        <rect x="3" y="9" width="9" height="6" rx="3" />
        <rect x="12" y="9" width="9" height="6" rx="3" />
      </>
    ),
  },
  "AWS::EC2::TransitGatewayAttachment": {
    colour: network,
    glyph: (
      <>
        <circle cx="12" cy="12" r="3" />
        {p("M12 3v6M12 15v6M3 12h6M15 12h6")}
      </>
    ),
  },
  "AWS::RDS::DBInstance": {
    colour: database,
    glyph: (
      <>
        <ellipse cx="12" cy="6" rx="7" ry="3" />
        {p("M5 6v12c0 1.7 3.1 3 7 3s7-1.3 7-3V6M5 12c0 1.7 3.1 3 7 3s7-1.3 7-3")}
      </>
    ),
  },
  "AWS::RDS::DBCluster": {
    colour: database,
    glyph: (
      <>
        <ellipse cx="9" cy="6" rx="5" ry="2" />
        {p("M4 6v9c0 1.1 2.2 2 5 2s5-.9 5-2V6")}
        <ellipse cx="15" cy="11" rx="5" ry="2" />
        {p("M10 11v8c0 1.1 2.2 2 5 2s5-.9 5-2v-8")}
      </>
    ),
  },
  "AWS::RDS::DBProxy": {
    colour: database,
    glyph: (
      <>
        <ellipse cx="15" cy="7" rx="5" ry="2.5" />
        {p("M10 7v10c0 1.4 2.2 2.5 5 2.5s5-1.1 5-2.5V7M3 12h5M6 9l3 3-3 3")}
      </>
    ),
  },
  "AWS::ElastiCache::CacheCluster": { colour: database, glyph: p("M13 3L5 14h6l-1 7 8-11h-6z") },
  "AWS::S3::Bucket": {
    colour: storage,
    glyph: (
      <>
        <ellipse cx="12" cy="6" rx="8" ry="2.5" />
        {p("M4 6l2 13c.2 1.2 2.8 2 6 2s5.8-.8 6-2l2-13")}
      </>
    ),
  },
  "AWS::CloudFront::Distribution": {
    colour: edge,
    glyph: (
      <>
        <circle cx="12" cy="12" r="8" />
        {p("M4 12h16M12 4c-3 3-3 13 0 16M12 4c3 3 3 13 0 16")}
      </>
    ),
  },
  "AWS::Route53::HostedZone": {
    colour: edge,
    glyph: (
      <>
        <circle cx="12" cy="12" r="8" />
        {p("M8 10h3l-2 3h2M13 10h3v4h-3")}
      </>
    ),
  },
  "AWS::WAFv2::WebACL": {
    colour: security,
    glyph: p("M12 3l7 3v5c0 5-3 8-7 10-4-2-7-5-7-10V6zM9 12l2 2 4-4"),
  },
  "AWS::CertificateManager::Certificate": {
    colour: security,
    glyph: (
      <>
        <rect x="4" y="4" width="16" height="12" rx="1" />
        {p("M8 8h8M8 11h5M14 16v5l2-1 2 1v-5")}
      </>
    ),
  },
  internet: {
    colour: "#3b4a5e",
    glyph: p("M7 18h11a4 4 0 0 0 0-8 6 6 0 0 0-11.5 1A3.5 3.5 0 0 0 7 18z"),
  },
};

const GENERIC: IconDef = {
  colour: neutral,
  glyph: p("M12 3l8 4.5v9L12 21l-8-4.5v-9zM12 12l8-4.5M12 12v9M12 12L4 7.5"),
};

export function iconColour(type: string): string {
  return (ICONS[type] ?? GENERIC).colour;
}

/** The icon for a resource type, drawn at (x, y) with the given size. */
export function TypeIcon({ type, x, y, size }: { type: string; x: number; y: number; size: number }) {
  const def = ICONS[type] ?? GENERIC;
  return (
    <g transform={`translate(${x} ${y}) scale(${size / 24})`} className="icon">
      <rect width="24" height="24" rx="5" fill={def.colour} />
      <g
        transform="translate(3.6 3.6) scale(0.7)"
        fill="none"
        stroke="#fff"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {def.glyph}
      </g>
    </g>
  );
}

export const ICON_TYPES = Object.keys(ICONS);
