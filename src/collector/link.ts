import type { Edge, Resource, ResourceOf } from "../model/snapshot.ts";

// ENIs tie load balancers, databases, caches, Lambda functions and ECS tasks to subnets and security
// groups, but EC2 only says which *instance* an ENI is attached to. The owner of a requester-managed
// ENI is written in its description by the service that made it; this pass, run once all services
// are scanned, reads it back. Each pattern is the one AWS writes.

type Eni = ResourceOf<"AWS::EC2::NetworkInterface">;

/** Sets `attachedTo` on ENIs whose owner can be told, and returns the ENI → owner edges. Mutates the ENIs. */
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
