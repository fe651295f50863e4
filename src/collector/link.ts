import type { Edge, Resource, ResourceOf } from "../model/snapshot.ts";

// ENIs tie load balancers, databases, caches, Lambda functions and ECS tasks to subnets and security
// groups, but EC2 only says which *instance* an ENI is attached to. The owner of a requester-managed
// ENI is written in its description by the service that made it; this pass, run once all services
// are scanned, reads it back. Each pattern is the one AWS writes.

type Eni = ResourceOf<"AWS::EC2::NetworkInterface">;

/**
 * Sets `attachedTo` on ENIs whose owner can be told, and returns the ENI → owner edges; adds the edges
 * CloudFront and Route 53 only name by DNS name (see linkByDnsName). Mutates the ENIs and CloudFront-scope web ACLs.
 */
export function linkAcrossServices(resources: readonly Resource[], edges: readonly Edge[] = []): Edge[] {
  const ids = new Set(resources.map((r) => r.id));
  const lambdas = resources.filter(
    (r): r is ResourceOf<"AWS::Lambda::Function"> => r.type === "AWS::Lambda::Function",
  );
  const dbs = resources.filter(
    (r): r is ResourceOf<"AWS::RDS::DBInstance"> => r.type === "AWS::RDS::DBInstance",
  );
  const attachedByEdge = new Map<string, string>();
  for (const e of edges)
    if (e.kind === "attached" && e.from.includes(":network-interface/")) attachedByEdge.set(e.from, e.to);

  const out: Edge[] = [];
  for (const r of resources) {
    if (r.type !== "AWS::EC2::NetworkInterface") continue;
    const eni = r as Eni;
    if (eni.props.attachedTo !== null) continue;
    const owner = attachedByEdge.get(eni.id) ?? ownerFromDescription(eni, lambdas, dbs);
    if (owner === undefined || !ids.has(owner)) continue;
    eni.props.attachedTo = owner;
    out.push({ from: eni.id, to: owner, kind: "attached" });
  }
  out.push(...linkByDnsName(resources));
  return out;
}

function ownerFromDescription(
  eni: Eni,
  lambdas: readonly ResourceOf<"AWS::Lambda::Function">[],
  dbs: readonly ResourceOf<"AWS::RDS::DBInstance">[],
): string | undefined {
  const { account, region } = eni;
  const d = eni.props.description;
  let m = /^ELB ((?:app|net|gwy)\/[^/]+\/[0-9a-f]+)$/.exec(d);
  if (m) return `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/${m[1]}`;
  // A classic load balancer's ENIs say "ELB <name>" (no type/name/id path as ELBv2's).
  m = /^ELB ([A-Za-z0-9-]+)$/.exec(d);
  if (m) return `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/${m[1]}`;
  m = /^Interface for NAT Gateway (nat-[0-9a-f]+)$/.exec(d);
  if (m) return `arn:aws:ec2:${region}:${account}:natgateway/${m[1]}`;
  m = /^ElastiCache (.+)$/.exec(d);
  if (m) return `arn:aws:elasticache:${region}:${account}:cluster:${m[1]}`;
  m = /^Network interface for DBProxy (.+)$/.exec(d);
  if (m) return `arn:aws:rds:${region}:${account}:db-proxy:${m[1]}`;
  m = /^AWS Lambda VPC ENI-(.+)$/.exec(d);
  if (m) {
    // "AWS Lambda VPC ENI-<function>-<uuid>": the longest function name in this subnet that prefixes it.
    const rest = m[1] ?? "";
    const candidates = lambdas
      .filter(
        (f) =>
          f.account === account &&
          f.region === region &&
          f.props.vpcConfig?.subnetIds.includes(eni.props.subnetId),
      )
      .filter((f) => rest === f.props.functionName || rest.startsWith(`${f.props.functionName}-`))
      .sort((a, b) => b.props.functionName.length - a.props.functionName.length);
    return candidates[0]?.id;
  }
  if (d === "RDSNetworkInterface") {
    // RDS does not name the instance: link when exactly one instance in this subnet group has these groups.
    const groups = [...eni.props.securityGroupIds].sort().join(",");
    const matches = dbs.filter(
      (db) =>
        db.account === account &&
        db.region === region &&
        db.props.subnetIds.includes(eni.props.subnetId) &&
        [...db.props.securityGroupIds].sort().join(",") === groups,
    );
    return matches.length === 1 ? matches[0]?.id : undefined;
  }
  return undefined;
}

// CloudFront and Route 53 name what they point at by host name, not ARN: a distribution's origins, a
// record's alias target. And WAFv2 cannot list what a CloudFront-scope web ACL protects (AWS says to read
// each distribution's WebACLId instead). These edges need the buckets, load balancers and web ACLs other
// modules scanned, so they are drawn here.

type Bucket = ResourceOf<"AWS::S3::Bucket">;
type LoadBalancer = ResourceOf<"AWS::ElasticLoadBalancingV2::LoadBalancer">;
type Distribution = ResourceOf<"AWS::CloudFront::Distribution">;

/** A host name as compared: lower case, no trailing dot, no "dualstack." (Route 53's IPv6 alias form of an ELB name). */
export function hostKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^dualstack\./, "");
}

const REGION = "[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\\d";
/** S3 REST and website endpoints of a bucket: <bucket>.s3.amazonaws.com, <bucket>.s3.<region>…, <bucket>.s3-website-<region>… */
const S3_HOST = [
  /^(.+)\.s3(?:\.dualstack)?\.amazonaws\.com$/,
  new RegExp(`^(.+)\\.s3(?:\\.dualstack)?[.-](?:website[.-])?(${REGION})\\.amazonaws\\.com$`),
];
/** The S3 website endpoint a Route 53 alias to a bucket points at (the record is named after the bucket). */
const S3_WEBSITE_ALIAS = new RegExp(`^s3-website[.-](${REGION})\\.amazonaws\\.com$`);

/** Origin edges (distribution → bucket / LB), protects edges from CloudFront-scope web ACLs, alias edges (record → LB / distribution / bucket). */
export function linkByDnsName(resources: readonly Resource[]): Edge[] {
  const of = <T extends Resource>(type: string) => resources.filter((r): r is T => r.type === type);
  const buckets = new Map(of<Bucket>("AWS::S3::Bucket").map((b) => [b.props.bucketName.toLowerCase(), b]));
  const lbs = new Map(
    of<LoadBalancer>("AWS::ElasticLoadBalancingV2::LoadBalancer").map((lb) => [
      hostKey(lb.props.dnsName),
      lb,
    ]),
  );
  const distributions = of<Distribution>("AWS::CloudFront::Distribution");
  const byDomain = new Map(distributions.map((d) => [hostKey(d.props.domainName), d]));
  const acls = new Map(of<ResourceOf<"AWS::WAFv2::WebACL">>("AWS::WAFv2::WebACL").map((a) => [a.id, a]));
  const out: Edge[] = [];

  const bucketOfHost = (host: string): Bucket | undefined => {
    for (const re of S3_HOST) {
      const m = re.exec(host);
      if (!m?.[1]) continue;
      const b = buckets.get(m[1]);
      if (b && (m[2] === undefined || m[2] === b.region)) return b;
    }
    return undefined;
  };

  for (const d of distributions) {
    for (const o of d.props.origins) {
      const host = hostKey(o.domainName);
      const target = bucketOfHost(host) ?? lbs.get(host);
      if (target) out.push({ from: d.id, to: target.id, kind: "origin" });
    }
    const acl = d.props.webAclId ? acls.get(d.props.webAclId) : undefined;
    if (acl?.props.scope === "CLOUDFRONT") {
      // WAFv2 cannot list a CloudFront-scope ACL's distributions: the distributions name their ACL.
      const arns = acl.props.associatedResourceArns ?? [];
      if (!arns.includes(d.id)) arns.push(d.id);
      acl.props.associatedResourceArns = arns;
      out.push({ from: acl.id, to: d.id, kind: "protects" });
    }
  }

  for (const r of of<ResourceOf<"AWS::Route53::RecordSet">>("AWS::Route53::RecordSet")) {
    const alias = r.props.aliasTarget;
    if (!alias) continue;
    const host = hostKey(alias.dnsName);
    let target: Resource | undefined = lbs.get(host) ?? byDomain.get(host);
    const website = S3_WEBSITE_ALIAS.exec(host);
    if (!target && website) {
      const b = buckets.get(hostKey(r.props.recordName));
      if (b && b.region === website[1]) target = b;
    }
    if (target) out.push({ from: r.id, to: target.id, kind: "aliases" });
  }
  return out;
}
