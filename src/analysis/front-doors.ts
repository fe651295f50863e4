import type { Graph } from "../model/graph.ts";
import type { Resource } from "../model/snapshot.ts";
import type { Via } from "./exposure-schema.ts";
import { type PortSet, protocolPorts, union } from "./ports.ts";

// The internet's front doors that are not a network interface in a subnet: managed endpoints (CloudFront,
// API Gateway, Lambda function URLs, an EKS API server, a public OpenSearch domain) and the load balancers
// whose listeners decide what reaches them. One row per resource type: a new entry point is one line here.
// Props are read leniently (`Record<string, unknown>`): a type another module models later plugs in as
// soon as its props carry the names documented on its row, and a row whose props are absent finds an
// unknown, never "not exposed".

export { VIAS, type Via } from "./exposure-schema.ts";

/** What one front door lets the internet reach on the resource itself. */
export interface DoorEntry {
  ports: PortSet;
  /** "anyone": any internet address; "some addresses": a listed range. */
  audience: "anyone" | "some addresses";
  /** Why: the props that decided, one sentence each (text, never markup). */
  hops: string[];
  /** Set when a prop that decides was not recorded: then the entry is a possibility, not a fact. */
  unknown?: string;
}

export interface FrontDoor {
  via: Via;
  /** The resource's own endpoint: what the internet reaches on it. */
  entries(r: Resource, graph: Graph): DoorEntry[];
  /**
   * What the door forwards to, found through the graph's edges (CloudFront → origin): each reached on the
   * door's ports. The targets' own network exposure is analysed apart.
   */
  behind?: (r: Resource, graph: Graph) => { target: Resource; ports: PortSet; hop: string }[];
  /** Whether the resource has a public address (for types reachability places in subnets). */
  publicAddress?: (r: Resource) => boolean | undefined;
}

const props = (r: Resource) => r.props as Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const bool = (v: unknown) => (typeof v === "boolean" ? v : undefined);
const strs = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined;
const HTTPS: PortSet = protocolPorts("tcp", 443, 443);
const WEB: PortSet = union(protocolPorts("tcp", 80, 80), HTTPS);

/** A door whose props did not say whether it is public: a possibility on its ports. */
const unsure = (ports: PortSet, what: string): DoorEntry[] => [
  { ports, audience: "anyone", hops: [], unknown: `${what} is not recorded` },
];

export const FRONT_DOORS: Readonly<Record<string, FrontDoor>> = {
  // Props (the model's): enabled, viewerProtocolPolicy, webAclId; `origin` edges to buckets and LBs.
  "AWS::CloudFront::Distribution": {
    via: "cloudfront",
    entries(r) {
      const p = props(r);
      if (bool(p.enabled) === false) return [];
      const policy = str(p.viewerProtocolPolicy);
      const waf = str(p.webAclId);
      return [
        {
          // Every policy accepts connections on 443; port 80 too unless https-only (a redirect still answers).
          ports: policy === "https-only" ? HTTPS : WEB,
          audience: "anyone",
          hops: [
            `CloudFront distribution ${str(p.domainName) ?? r.name ?? r.id} is on the internet (viewer protocol policy ${policy ?? "not recorded"})`,
            waf ? `web ACL ${waf} filters its requests` : "no web ACL filters its requests",
          ],
        },
      ];
    },
    behind(r, graph) {
      return graph.out(r.id, "origin").flatMap((e) => {
        const target = graph.get(e.to);
        return target
          ? [{ target, ports: HTTPS, hop: `origin of CloudFront distribution ${r.name ?? r.id}` }]
          : [];
      });
    },
  },
  // The model's props: scheme, listeners [{ protocol, port, instanceProtocol, instancePort }], instanceIds,
  // subnetIds, securityGroupIds. Reachability decides what reaches it (its security groups, its subnets);
  // its listeners and instances, what it forwards (src/analysis/exposure.ts).
  "AWS::ElasticLoadBalancing::LoadBalancer": {
    via: "classic-load-balancer",
    entries: () => [],
    publicAddress: (r) => {
      const scheme = str(props(r).scheme);
      return scheme === undefined ? undefined : scheme === "internet-facing";
    },
  },
  // The model's props: scheme. Listener, target group and target hops are followed by reachability.
  "AWS::ElasticLoadBalancingV2::LoadBalancer": {
    via: "load-balancer",
    entries: () => [],
    publicAddress: (r) => {
      const scheme = str(props(r).scheme);
      return scheme === undefined ? undefined : scheme === "internet-facing";
    },
  },
  // Expected props: endpointTypes (["EDGE"] | ["REGIONAL"] | ["PRIVATE"]), disableExecuteApiEndpoint.
  "AWS::ApiGateway::RestApi": {
    via: "api-gateway",
    entries(r) {
      const p = props(r);
      const types = strs(p.endpointTypes);
      if (!types) return unsure(HTTPS, `the endpoint type of REST API ${r.name ?? r.id}`);
      if (types.every((t) => t === "PRIVATE")) return [];
      if (bool(p.disableExecuteApiEndpoint) === true) return [];
      return [
        {
          ports: HTTPS,
          audience: "anyone",
          hops: [`REST API ${r.name ?? r.id} has a ${types.join("/")} endpoint on the internet`],
        },
      ];
    },
  },
  // Expected props: protocolType ("HTTP" | "WEBSOCKET"), disableExecuteApiEndpoint.
  "AWS::ApiGatewayV2::Api": {
    via: "api-gateway",
    entries(r) {
      const disabled = bool(props(r).disableExecuteApiEndpoint);
      if (disabled === true) return [];
      if (disabled === undefined)
        return unsure(HTTPS, `whether API ${r.name ?? r.id} has its default endpoint`);
      return [
        {
          ports: HTTPS,
          audience: "anyone",
          hops: [
            `${str(props(r).protocolType) ?? ""} API ${r.name ?? r.id} has its default endpoint on the internet`.trim(),
          ],
        },
      ];
    },
  },
  // Expected props: authType ("NONE" | "AWS_IAM"), targetFunctionArn. Every URL is on the internet; with
  // AWS_IAM only signed requests are served.
  "AWS::Lambda::Url": {
    via: "lambda-url",
    entries(r) {
      const auth = str(props(r).authType);
      return [
        {
          ports: HTTPS,
          audience: "anyone",
          hops: [
            `function URL of ${str(props(r).targetFunctionArn) ?? r.name ?? r.id}: auth ${auth ?? "not recorded"}${auth === "NONE" ? " (anyone can invoke it)" : ""}`,
          ],
          ...(auth === undefined ? { unknown: "the auth type of the function URL is not recorded" } : {}),
        },
      ];
    },
  },
  // The model's props (lambda module): functionUrls [{ url, authType, qualifier }], absent when not read.
  "AWS::Lambda::Function": {
    via: "lambda-url",
    entries(r) {
      const urls = props(r).functionUrls;
      if (urls === undefined) return unsure(HTTPS, `the function URLs of Lambda function ${r.name ?? r.id}`);
      if (!Array.isArray(urls)) return [];
      return urls.map((u: { url?: unknown; authType?: unknown; qualifier?: unknown }) => {
        const auth = str(u.authType);
        const alias = str(u.qualifier);
        return {
          ports: HTTPS,
          audience: "anyone" as const,
          hops: [
            `function URL ${str(u.url) ?? ""} of ${r.name ?? r.id}${alias ? ` (alias ${alias})` : ""}: auth ${auth ?? "not recorded"}${auth === "NONE" ? " (anyone can invoke it)" : ""}`,
          ],
          ...(auth === undefined ? { unknown: "the auth type of the function URL is not recorded" } : {}),
        };
      });
    },
  },
  // The model's props (entry-point module): endpointPublicAccess, publicAccessCidrs.
  "AWS::EKS::Cluster": {
    via: "eks-endpoint",
    entries(r) {
      const p = props(r);
      const open = bool(p.endpointPublicAccess);
      if (open === false) return [];
      if (open === undefined)
        return unsure(HTTPS, `whether the API endpoint of EKS cluster ${r.name ?? r.id} is public`);
      const cidrs = strs(p.publicAccessCidrs);
      const anyone = !cidrs || cidrs.some((c) => c === "0.0.0.0/0" || c === "::/0");
      return [
        {
          ports: HTTPS,
          audience: anyone ? "anyone" : "some addresses",
          hops: [
            `EKS cluster ${r.name ?? r.id}: public API endpoint, allowed from ${cidrs ? cidrs.join(", ") : "0.0.0.0/0 (AWS's default; publicAccessCidrs not recorded)"}`,
          ],
          ...(cidrs ? {} : { unknown: "the public access CIDRs of the cluster are not recorded" }),
        },
      ];
    },
  },
  // The model's props (entry-point module): publicEndpoint, accessPolicyOpen, enforceHttps. A domain in a
  // VPC is placed in its subnets and analysed as any network resource.
  "AWS::OpenSearch::Domain": openSearch(),
  "AWS::OpenSearchService::Domain": openSearch(),
  "AWS::Elasticsearch::Domain": openSearch(),
  // The model's props (entry-point module): publiclyAccessible; placed in its subnets by reachability.
  "AWS::Redshift::Cluster": {
    via: "direct",
    entries: () => [],
    publicAddress: (r) => bool(props(r).publiclyAccessible),
  },
  "AWS::RDS::DBInstance": {
    via: "direct",
    entries: () => [],
    publicAddress: (r) => bool(props(r).publiclyAccessible),
  },
};

function openSearch(): FrontDoor {
  return {
    via: "opensearch-endpoint",
    entries(r) {
      const p = props(r);
      const pub = bool(p.publicEndpoint);
      if (pub === false) return [];
      if (pub === undefined)
        return unsure(HTTPS, `whether OpenSearch domain ${r.name ?? r.id} has a public endpoint`);
      const open = bool(p.accessPolicyOpen);
      return [
        {
          ports: bool(p.enforceHttps) === true ? HTTPS : WEB,
          audience: "anyone",
          hops: [
            `OpenSearch domain ${r.name ?? r.id} has a public endpoint`,
            open === true
              ? "its access policy lets anyone call it"
              : open === false
                ? "its access policy restricts who may call it"
                : "its access policy is not recorded",
          ],
        },
      ];
    },
  };
}
