// EC2 and a few other services return ids, not ARNs; asbuilt builds the ARN AWS would use,
// so every resource in a snapshot is keyed the same way.

export type Ec2Kind =
  | "vpc"
  | "subnet"
  | "route-table"
  | "internet-gateway"
  | "natgateway"
  | "elastic-ip"
  | "security-group"
  | "network-acl"
  | "network-interface"
  | "instance"
  | "vpc-peering-connection"
  | "vpc-endpoint"
  | "transit-gateway-attachment"
  | "vpc-flow-log"
  | "volume"
  | "prefix-list";

export function ec2Arn(region: string, account: string, kind: Ec2Kind, id: string): string {
  return `arn:aws:ec2:${region}:${account}:${kind}/${id}`;
}

/** The last path segment of an ARN: `vpc-123` for `arn:aws:ec2:…:vpc/vpc-123`. */
export function arnResourceId(arn: string): string {
  const slash = arn.lastIndexOf("/");
  const colon = arn.lastIndexOf(":");
  return arn.slice(Math.max(slash, colon) + 1);
}

export const arns = {
  s3Bucket: (bucket: string) => `arn:aws:s3:::${bucket}`,
  /** The account's S3 Block Public Access has no ARN of its own; this one names the account. */
  accountPublicAccessBlock: (account: string) => `arn:aws:s3:::account/${account}/public-access-block`,
  rdsInstance: (region: string, account: string, id: string) => `arn:aws:rds:${region}:${account}:db:${id}`,
  rdsCluster: (region: string, account: string, id: string) =>
    `arn:aws:rds:${region}:${account}:cluster:${id}`,
  rdsProxy: (region: string, account: string, id: string) =>
    `arn:aws:rds:${region}:${account}:db-proxy:${id}`,
  cacheCluster: (region: string, account: string, id: string) =>
    `arn:aws:elasticache:${region}:${account}:cluster:${id}`,
  replicationGroup: (region: string, account: string, id: string) =>
    `arn:aws:elasticache:${region}:${account}:replicationgroup:${id}`,
  distribution: (account: string, id: string) => `arn:aws:cloudfront::${account}:distribution/${id}`,
  hostedZone: (zoneId: string) => `arn:aws:route53:::hostedzone/${zoneId}`,
  recordSet: (zoneId: string, name: string, type: string) =>
    `arn:aws:route53:::hostedzone/${zoneId}/recordset/${name}/${type}`,
  lambda: (region: string, account: string, name: string) =>
    `arn:aws:lambda:${region}:${account}:function:${name}`,
  ecsCluster: (region: string, account: string, name: string) =>
    `arn:aws:ecs:${region}:${account}:cluster/${name}`,
  ecsService: (region: string, account: string, cluster: string, name: string) =>
    `arn:aws:ecs:${region}:${account}:service/${cluster}/${name}`,
  classicLoadBalancer: (region: string, account: string, name: string) =>
    `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/${name}`,
  efsFileSystem: (region: string, account: string, id: string) =>
    `arn:aws:elasticfilesystem:${region}:${account}:file-system/${id}`,
  /** Mount targets have no ARN of their own in the API: this one follows the file system's form. */
  efsMountTarget: (region: string, account: string, id: string) =>
    `arn:aws:elasticfilesystem:${region}:${account}:mount-target/${id}`,
  webAcl: (region: string, account: string, scope: "REGIONAL" | "CLOUDFRONT", name: string, id: string) =>
    scope === "CLOUDFRONT"
      ? `arn:aws:wafv2:us-east-1:${account}:global/webacl/${name}/${id}`
      : `arn:aws:wafv2:${region}:${account}:regional/webacl/${name}/${id}`,
};
