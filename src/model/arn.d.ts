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
  | "volume";
export declare function ec2Arn(region: string, account: string, kind: Ec2Kind, id: string): string;
/** The last path segment of an ARN: `vpc-123` for `arn:aws:ec2:…:vpc/vpc-123`. */
export declare function arnResourceId(arn: string): string;
export declare const arns: {
  s3Bucket: (bucket: string) => string;
  rdsInstance: (region: string, account: string, id: string) => string;
  rdsCluster: (region: string, account: string, id: string) => string;
  rdsProxy: (region: string, account: string, id: string) => string;
  cacheCluster: (region: string, account: string, id: string) => string;
  replicationGroup: (region: string, account: string, id: string) => string;
  distribution: (account: string, id: string) => string;
  hostedZone: (zoneId: string) => string;
  recordSet: (zoneId: string, name: string, type: string) => string;
  lambda: (region: string, account: string, name: string) => string;
  ecsCluster: (region: string, account: string, name: string) => string;
  ecsService: (region: string, account: string, cluster: string, name: string) => string;
  webAcl: (
    region: string,
    account: string,
    scope: "REGIONAL" | "CLOUDFRONT",
    name: string,
    id: string,
  ) => string;
};
