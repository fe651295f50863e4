import * as z from "zod/mini";
import "./zod-messages.ts";

// Typed `props` for each resource type we model, keyed by CloudFormation / AWS Config type name.
// These describe asbuilt's own snapshot format, so they are strict: an unknown key is a mistake.
// Two kinds of "nothing", never confused (unknown is never false):
//   - `null`: the source recorded that there is none (no public IP, no web ACL);
//   - absent (`.optional()`): the source did not record the value (an old AWS Config item, a CLI dump
//     without the file, an API response without the field). Rules that need it report *unverified*.
// A value a source may lack is optional here and never defaulted by a normalizer to a guess.

const Id = z.string().check(z.minLength(1));
const Ids = z.array(Id);
const Cidr4 = z
  .string()
  .check(z.regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, "expected an IPv4 CIDR such as 10.0.0.0/16"));
const Cidr6 = z.string().check(z.regex(/^[0-9a-fA-F:]+\/\d{1,3}$/, "expected an IPv6 CIDR such as ::/0"));
const Port = z.number().check(z.int(), z.gte(-1), z.lte(65535));

export const VpcProps = z.strictObject({
  vpcId: Id,
  cidrBlock: z.optional(Cidr4),
  /**
   * Every IPv4 block associated with the VPC, the primary first, secondary ones after
   * (CidrBlockAssociationSet); absent when the source did not list the associations.
   */
  cidrBlocks: z.optional(z.array(Cidr4)),
  /** IPv6 blocks associated with the VPC (Ipv6CidrBlockAssociationSet). */
  ipv6CidrBlocks: z.array(Cidr6),
  isDefault: z.optional(z.boolean()),
  /**
   * VPC Block Public Access as it applies to this VPC: the region's internet gateway block mode
   * (DescribeVpcBlockPublicAccessOptions) and the exclusions (DescribeVpcBlockPublicAccessExclusions) of the
   * VPC itself and of its subnets, in force ones only. With a mode other than "off", internet traffic through
   * the VPC's internet gateways is blocked (ingress; both ways for block-bidirectional) except where an
   * exclusion allows it. Absent when not recorded (AWS Config, a dump without the files, a denied call).
   */
  blockPublicAccess: z.optional(
    z.strictObject({
      mode: z.enum(["off", "block-bidirectional", "block-ingress"]),
      exclusion: z.nullable(z.enum(["allow-bidirectional", "allow-egress"])),
      subnetExclusions: z.record(z.string(), z.enum(["allow-bidirectional", "allow-egress"])),
    }),
  ),
});
export type VpcProps = z.infer<typeof VpcProps>;

export const SubnetProps = z.strictObject({
  subnetId: Id,
  vpcId: Id,
  cidrBlock: z.optional(Cidr4),
  ipv6CidrBlock: z.nullable(Cidr6),
  availabilityZone: z.optional(Id),
  mapPublicIpOnLaunch: z.optional(z.boolean()),
  /**
   * The route table an association record (AWS Config's SubnetRouteTableAssociation) names for the subnet
   * when that table is not in the snapshot: the subnet's routes are unknown, and the VPC's main table does
   * not apply. Absent otherwise (a recorded table lists the subnet in its `subnetIds`).
   */
  routeTableId: z.optional(Id),
});
export type SubnetProps = z.infer<typeof SubnetProps>;

export const RouteTargetKind = z.enum([
  "local",
  "internet-gateway",
  "egress-only-internet-gateway",
  "nat-gateway",
  "vpc-peering",
  "transit-gateway",
  "vpc-endpoint",
  "network-interface",
  "instance",
  "virtual-private-gateway",
  "carrier-gateway",
  "local-gateway",
  "core-network",
]);
export type RouteTargetKind = z.infer<typeof RouteTargetKind>;

export const Route = z.strictObject({
  /** Exactly one destination is set: an IPv4 CIDR, an IPv6 CIDR, or a managed prefix list. */
  destinationCidr: z.nullable(Cidr4),
  destinationIpv6Cidr: z.nullable(Cidr6),
  destinationPrefixListId: z.nullable(Id),
  targetKind: RouteTargetKind,
  /** igw-…, nat-…, pcx-…, tgw-…; "local" for the VPC's local route. */
  targetId: Id,
  state: z.enum(["active", "blackhole"]),
});
export type Route = z.infer<typeof Route>;

export const RouteTableProps = z.strictObject({
  routeTableId: Id,
  vpcId: Id,
  /**
   * The VPC's main route table: it applies to every subnet with no explicit association. Absent when the
   * table's associations were not recorded (then neither is which subnets use it).
   */
  main: z.optional(z.boolean()),
  /** Subnets explicitly associated with this table (empty, and `main` absent, when not recorded). */
  subnetIds: Ids,
  routes: z.array(Route),
});
export type RouteTableProps = z.infer<typeof RouteTableProps>;

export const InternetGatewayProps = z.strictObject({
  internetGatewayId: Id,
  /** VPCs the gateway is attached to (zero or one in practice). */
  vpcIds: Ids,
});

export const NatGatewayProps = z.strictObject({
  natGatewayId: Id,
  vpcId: Id,
  subnetId: Id,
  connectivityType: z.enum(["public", "private"]),
  state: z.optional(z.string()),
  publicIps: z.array(z.string()),
  networkInterfaceIds: Ids,
});

export const EipProps = z.strictObject({
  allocationId: Id,
  publicIp: z.string(),
  associationId: z.nullable(Id),
  instanceId: z.nullable(Id),
  networkInterfaceId: z.nullable(Id),
  domain: z.enum(["vpc", "standard"]),
});

export const SecurityGroupRule = z.strictObject({
  /** "-1" means all protocols; otherwise "tcp", "udp", "icmp", "icmpv6" or a protocol number. */
  protocol: z.string().check(z.minLength(1)),
  /** null with protocol "-1": all ports. For ICMP these are type and code. */
  fromPort: z.nullable(Port),
  toPort: z.nullable(Port),
  ipv4Ranges: z.array(Cidr4),
  ipv6Ranges: z.array(Cidr6),
  /** Security groups allowed as the peer (sg-…), possibly in another account. */
  groupRefs: z.array(z.strictObject({ groupId: Id, account: z.nullable(z.string()) })),
  prefixListIds: Ids,
  description: z.nullable(z.string()),
});
export type SecurityGroupRule = z.infer<typeof SecurityGroupRule>;

export const SecurityGroupProps = z.strictObject({
  groupId: Id,
  groupName: z.string(),
  description: z.string(),
  vpcId: Id,
  /** Absent when the source did not record the group's rules: then what it allows is unknown. */
  ingress: z.optional(z.array(SecurityGroupRule)),
  egress: z.optional(z.array(SecurityGroupRule)),
});
export type SecurityGroupProps = z.infer<typeof SecurityGroupProps>;

export const NetworkAclEntry = z.strictObject({
  ruleNumber: z.number().check(z.int(), z.gte(1), z.lte(32767)),
  egress: z.boolean(),
  protocol: z.string().check(z.minLength(1)),
  ruleAction: z.enum(["allow", "deny"]),
  cidrBlock: z.nullable(Cidr4),
  ipv6CidrBlock: z.nullable(Cidr6),
  /** For ICMP (protocol "1"), the ICMP type and code (-1: all); null for ICMP: not recorded (older snapshots). */
  fromPort: z.nullable(Port),
  toPort: z.nullable(Port),
});
export type NetworkAclEntry = z.infer<typeof NetworkAclEntry>;

export const NetworkAclProps = z.strictObject({
  networkAclId: Id,
  vpcId: Id,
  isDefault: z.optional(z.boolean()),
  subnetIds: Ids,
  /** Sorted by (egress, ruleNumber); the implicit final deny (*) is not listed. Absent: not recorded. */
  entries: z.optional(z.array(NetworkAclEntry)),
});
export type NetworkAclProps = z.infer<typeof NetworkAclProps>;

export const NetworkInterfaceProps = z.strictObject({
  networkInterfaceId: Id,
  vpcId: Id,
  subnetId: Id,
  availabilityZone: z.optional(Id),
  interfaceType: z.string(),
  description: z.string(),
  privateIpAddresses: z.array(z.string()),
  publicIp: z.nullable(z.string()),
  securityGroupIds: Ids,
  /** The resource this ENI belongs to (instance, LB, RDS, Lambda, ECS task…), when known. */
  attachedTo: z.nullable(z.string()),
  requesterManaged: z.boolean(),
});

export const InstanceProps = z.strictObject({
  instanceId: Id,
  instanceType: z.optional(z.string()),
  imageId: z.optional(z.string()),
  state: z.optional(z.string()),
  vpcId: z.nullable(Id),
  subnetId: z.nullable(Id),
  availabilityZone: z.optional(Id),
  privateIp: z.nullable(z.string()),
  publicIp: z.nullable(z.string()),
  securityGroupIds: Ids,
  networkInterfaceIds: Ids,
  iamInstanceProfileArn: z.nullable(z.string()),
  /** IMDS: "required" means IMDSv2 only. Absent when the source has no metadata options. */
  httpTokens: z.optional(z.enum(["required", "optional"])),
  httpEndpoint: z.optional(z.enum(["enabled", "disabled"])),
});
export type InstanceProps = z.infer<typeof InstanceProps>;

export const LoadBalancerProps = z.strictObject({
  name: z.string(),
  loadBalancerType: z.enum(["application", "network", "gateway"]),
  scheme: z.enum(["internet-facing", "internal"]),
  vpcId: Id,
  subnetIds: Ids,
  availabilityZones: Ids,
  securityGroupIds: Ids,
  dnsName: z.string(),
  ipAddressType: z.string(),
  /** DescribeLoadBalancerAttributes access_logs.s3.enabled; absent when the attributes were not read. */
  accessLogsEnabled: z.optional(z.boolean()),
  /** deletion_protection.enabled; absent when not read. */
  deletionProtection: z.optional(z.boolean()),
  /** routing.http.drop_invalid_header_fields.enabled (ALBs only); absent when not read. */
  dropInvalidHeaderFields: z.optional(z.boolean()),
});
export type LoadBalancerProps = z.infer<typeof LoadBalancerProps>;

export const ListenerAction = z.strictObject({
  type: z.enum(["forward", "redirect", "fixed-response", "authenticate-oidc", "authenticate-cognito"]),
  targetGroupArns: Ids,
  redirect: z.nullable(
    z.strictObject({
      protocol: z.string(),
      port: z.string(),
      statusCode: z.enum(["HTTP_301", "HTTP_302"]),
    }),
  ),
});

export const ListenerProps = z.strictObject({
  loadBalancerArn: Id,
  protocol: z.enum(["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"]),
  port: Port,
  certificateArns: Ids,
  sslPolicy: z.nullable(z.string()),
  defaultActions: z.array(ListenerAction),
});
export type ListenerProps = z.infer<typeof ListenerProps>;

export const TargetGroupProps = z.strictObject({
  name: z.string(),
  protocol: z.nullable(z.string()),
  port: z.nullable(Port),
  targetType: z.enum(["instance", "ip", "lambda", "alb"]),
  vpcId: z.nullable(Id),
  loadBalancerArns: Ids,
  /** Registered targets; absent when not recorded (AWS Config records no target health, a dump may lack it). */
  targets: z.optional(
    z.array(
      z.strictObject({
        /** Instance id, IP address, Lambda ARN or ALB ARN, per targetType. */
        id: Id,
        port: z.nullable(Port),
        availabilityZone: z.nullable(z.string()),
      }),
    ),
  ),
});

export const WebAclProps = z.strictObject({
  webAclId: Id,
  scope: z.enum(["REGIONAL", "CLOUDFRONT"]),
  defaultAction: z.optional(z.enum(["allow", "block"])),
  ruleNames: z.array(z.string()),
  /**
   * ARNs of the ALBs, API stages, CloudFront distributions… this ACL protects; absent when not recorded (an
   * AWS Config item without relationships names none).
   */
  associatedResourceArns: z.optional(Ids),
});

const Endpoint = z.nullable(z.strictObject({ address: z.string(), port: Port }));

export const DbInstanceProps = z.strictObject({
  dbInstanceIdentifier: Id,
  engine: z.string(),
  engineVersion: z.string(),
  instanceClass: z.string(),
  dbClusterIdentifier: z.nullable(Id),
  publiclyAccessible: z.optional(z.boolean()),
  multiAz: z.optional(z.boolean()),
  storageEncrypted: z.optional(z.boolean()),
  availabilityZone: z.nullable(z.string()),
  vpcId: z.nullable(Id),
  subnetIds: Ids,
  securityGroupIds: Ids,
  endpoint: Endpoint,
  backupRetentionPeriod: z.optional(z.number().check(z.int(), z.gte(0))),
  deletionProtection: z.optional(z.boolean()),
});
export type DbInstanceProps = z.infer<typeof DbInstanceProps>;

export const DbClusterProps = z.strictObject({
  dbClusterIdentifier: Id,
  engine: z.string(),
  engineVersion: z.string(),
  multiAz: z.optional(z.boolean()),
  storageEncrypted: z.optional(z.boolean()),
  publiclyAccessible: z.nullable(z.boolean()),
  availabilityZones: Ids,
  vpcId: z.nullable(Id),
  subnetIds: Ids,
  securityGroupIds: Ids,
  endpoint: Endpoint,
  memberInstanceIds: Ids,
  backupRetentionPeriod: z.optional(z.number().check(z.int(), z.gte(0))),
  deletionProtection: z.optional(z.boolean()),
});

export const DbProxyProps = z.strictObject({
  dbProxyName: Id,
  engineFamily: z.string(),
  requireTls: z.boolean(),
  vpcId: Id,
  subnetIds: Ids,
  securityGroupIds: Ids,
  endpoint: z.nullable(z.string()),
  /** DB instance or cluster identifiers behind the proxy. */
  targetIds: Ids,
});

export const CacheClusterProps = z.strictObject({
  cacheClusterId: Id,
  engine: z.string(),
  engineVersion: z.string(),
  cacheNodeType: z.string(),
  numCacheNodes: z.number().check(z.int(), z.gte(0)),
  replicationGroupId: z.nullable(Id),
  preferredAvailabilityZone: z.nullable(z.string()),
  vpcId: z.nullable(Id),
  subnetIds: Ids,
  securityGroupIds: Ids,
  port: z.nullable(Port),
  atRestEncryptionEnabled: z.optional(z.boolean()),
  transitEncryptionEnabled: z.optional(z.boolean()),
});

export const ReplicationGroupProps = z.strictObject({
  replicationGroupId: Id,
  description: z.string(),
  memberClusterIds: Ids,
  automaticFailover: z.optional(z.enum(["enabled", "disabled", "enabling", "disabling"])),
  multiAz: z.optional(z.boolean()),
  atRestEncryptionEnabled: z.optional(z.boolean()),
  transitEncryptionEnabled: z.optional(z.boolean()),
  port: z.nullable(Port),
});

export const RedshiftClusterProps = z.strictObject({
  clusterIdentifier: Id,
  nodeType: z.string(),
  numberOfNodes: z.optional(z.number().check(z.int(), z.gte(0))),
  /** PubliclyAccessible: the endpoint resolves to a public address. Absent when the source did not say. */
  publiclyAccessible: z.optional(z.boolean()),
  encrypted: z.optional(z.boolean()),
  availabilityZone: z.nullable(z.string()),
  /** The cluster subnet group, which holds the subnets (null for an EC2-Classic cluster). */
  clusterSubnetGroupName: z.nullable(z.string()),
  vpcId: z.nullable(Id),
  /** From the cluster subnet group; empty when it was not recorded. */
  subnetIds: Ids,
  securityGroupIds: Ids,
  endpoint: Endpoint,
});

export const EksClusterProps = z.strictObject({
  name: Id,
  version: z.optional(z.string()),
  /** The API server endpoint URL. */
  endpoint: z.nullable(z.string()),
  vpcId: z.nullable(Id),
  subnetIds: Ids,
  /** The cluster security group and the additional ones (resourcesVpcConfig). */
  securityGroupIds: Ids,
  /** Each absent when the source did not record it (older AWS Config items lack all three). */
  endpointPublicAccess: z.optional(z.boolean()),
  endpointPrivateAccess: z.optional(z.boolean()),
  publicAccessCidrs: z.optional(z.array(z.string())),
});

export const OpenSearchDomainProps = z.strictObject({
  domainName: Id,
  /** "OpenSearch_2.11", "Elasticsearch_7.10" (the Elasticsearch API reports "7.10": prefixed here). */
  engineVersion: z.optional(z.string()),
  /**
   * The endpoint is public (no VPCOptions, a public `Endpoint`): false for a domain in a VPC; absent when
   * the source shows neither.
   */
  publicEndpoint: z.optional(z.boolean()),
  vpcId: z.nullable(Id),
  subnetIds: Ids,
  securityGroupIds: Ids,
  /** The domain's endpoint host name(s), public or VPC. */
  endpoints: z.array(z.string()),
  /**
   * The access policy lets anyone (Principal "*" without a Condition) call the domain; absent when the
   * policy was not recorded. The policy text itself is not kept.
   */
  accessPolicyOpen: z.optional(z.boolean()),
  /** The anonymous statements' Condition keys when it is not fully open ("aws:SourceIp"…). */
  accessPolicyConditions: z.optional(z.array(z.string())),
  encryptionAtRest: z.optional(z.boolean()),
  nodeToNodeEncryption: z.optional(z.boolean()),
  enforceHttps: z.optional(z.boolean()),
});

/** One method (REST) or route (HTTP/WebSocket) of an API Gateway API, and who may call it. */
const ApiRoute = z.strictObject({
  /** "GET /orders/{id}" (REST: method and resource path), "POST /hooks" or "$default" (HTTP API route key). */
  route: z.string(),
  /** NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS, JWT; absent when the source did not record it. */
  authorizationType: z.optional(z.string()),
  /** REST only: an API key is required (which authenticates nothing, but does gate calls). */
  apiKeyRequired: z.optional(z.boolean()),
  /** What the route calls: a Lambda function ARN, a load balancer listener ARN, a URL; null when none. */
  target: z.nullable(z.string()),
});

export const RestApiProps = z.strictObject({
  restApiId: Id,
  /** EDGE, REGIONAL or PRIVATE; absent when the source did not record the endpoint configuration. */
  endpointTypes: z.optional(z.array(z.string())),
  disableExecuteApiEndpoint: z.optional(z.boolean()),
  /** Every resource's methods (GetResources); absent when they were not read (AWS Config records none). */
  routes: z.optional(z.array(ApiRoute)),
});

export const HttpApiProps = z.strictObject({
  apiId: Id,
  /** HTTP or WEBSOCKET. */
  protocolType: z.string(),
  apiEndpoint: z.nullable(z.string()),
  disableExecuteApiEndpoint: z.optional(z.boolean()),
  /** GetRoutes with GetIntegrations' targets; absent when they were not read (AWS Config records none). */
  routes: z.optional(z.array(ApiRoute)),
});

export const BucketProps = z.strictObject({
  bucketName: Id,
  /**
   * null when the bucket has no public access block of its own; absent when that is not known (an AWS
   * Config item recorded before Block Public Access existed, a dump without the file).
   */
  publicAccessBlock: z.optional(
    z.nullable(
      z.strictObject({
        blockPublicAcls: z.boolean(),
        ignorePublicAcls: z.boolean(),
        blockPublicPolicy: z.boolean(),
        restrictPublicBuckets: z.boolean(),
      }),
    ),
  ),
  /**
   * null when the bucket has no default encryption (GetBucketEncryption answers 404; every bucket created
   * since 2023 has SSE-S3 at least); absent when it was not recorded.
   */
  encryption: z.optional(
    z.nullable(
      z.strictObject({
        algorithm: z.enum(["AES256", "aws:kms", "aws:kms:dsse"]),
        kmsKeyId: z.nullable(z.string()),
      }),
    ),
  ),
  versioning: z.optional(z.enum(["Enabled", "Suspended", "Disabled"])),
  /** From GetBucketPolicyStatus; null when unknown. */
  policyIsPublic: z.nullable(z.boolean()),
  websiteHosting: z.optional(z.boolean()),
});
export type BucketProps = z.infer<typeof BucketProps>;

/**
 * The account's own S3 Block Public Access (s3control GetPublicAccessBlock): it applies to every bucket of
 * the account on top of the bucket's own block. An account without one has no such resource (where s3control
 * was read); where it was not read, whether one exists is unknown.
 */
export const AccountPublicAccessBlockProps = z.strictObject({
  blockPublicAcls: z.boolean(),
  ignorePublicAcls: z.boolean(),
  blockPublicPolicy: z.boolean(),
  restrictPublicBuckets: z.boolean(),
});
export type AccountPublicAccessBlockProps = z.infer<typeof AccountPublicAccessBlockProps>;

export const DistributionProps = z.strictObject({
  distributionId: Id,
  domainName: z.string(),
  aliases: z.array(z.string()),
  enabled: z.boolean(),
  /** WAFv2 web ACL ARN (or classic WAF id); null when unprotected. */
  webAclId: z.nullable(z.string()),
  viewerProtocolPolicy: z.optional(z.enum(["allow-all", "https-only", "redirect-to-https"])),
  minimumProtocolVersion: z.nullable(z.string()),
  certificateArn: z.nullable(z.string()),
  origins: z.array(
    z.strictObject({
      originId: z.string(),
      domainName: z.string(),
      kind: z.enum(["s3", "custom"]),
      originAccessControlId: z.optional(z.nullable(z.string())),
      originAccessIdentity: z.nullable(z.string()),
      originProtocolPolicy: z.nullable(z.enum(["http-only", "https-only", "match-viewer"])),
    }),
  ),
  /** Lambda@Edge functions of every cache behaviour, the default's and the others'. */
  lambdaEdgeArns: Ids,
  /**
   * The cache behaviours besides the default, in CloudFront's order (first match wins); the default's
   * viewer protocol policy is `viewerProtocolPolicy`. Absent when the source did not record them.
   */
  cacheBehaviors: z.optional(
    z.array(
      z.strictObject({
        pathPattern: z.string(),
        targetOriginId: z.string(),
        viewerProtocolPolicy: z.optional(z.enum(["allow-all", "https-only", "redirect-to-https"])),
        lambdaEdgeArns: Ids,
        /** CloudFront Functions (viewer request/response). */
        functionArns: Ids,
      }),
    ),
  ),
});

export const HostedZoneProps = z.strictObject({
  hostedZoneId: Id,
  zoneName: z.string(),
  privateZone: z.boolean(),
  vpcIds: Ids,
  recordCount: z.number().check(z.int(), z.gte(0)),
});

export const RecordSetProps = z.strictObject({
  hostedZoneId: Id,
  recordName: z.string(),
  recordType: z.string(),
  ttl: z.nullable(z.number().check(z.int())),
  values: z.array(z.string()),
  aliasTarget: z.nullable(
    z.strictObject({ dnsName: z.string(), hostedZoneId: z.string(), evaluateTargetHealth: z.boolean() }),
  ),
});

export const CertificateProps = z.strictObject({
  domainName: z.string(),
  subjectAlternativeNames: z.array(z.string()),
  status: z.string(),
  certificateType: z.enum(["AMAZON_ISSUED", "IMPORTED", "PRIVATE"]),
  keyAlgorithm: z.string(),
  notAfter: z.nullable(z.string()),
  inUseBy: Ids,
});

export const AutoScalingGroupProps = z.strictObject({
  autoScalingGroupName: Id,
  minSize: z.number().check(z.int(), z.gte(0)),
  maxSize: z.number().check(z.int(), z.gte(0)),
  desiredCapacity: z.number().check(z.int(), z.gte(0)),
  availabilityZones: Ids,
  subnetIds: Ids,
  instanceIds: Ids,
  targetGroupArns: Ids,
  launchTemplate: z.nullable(z.string()),
  healthCheckType: z.string(),
});

export const EcsClusterProps = z.strictObject({
  clusterName: Id,
  status: z.string(),
  capacityProviders: z.array(z.string()),
  containerInsights: z.boolean(),
});

export const EcsServiceProps = z.strictObject({
  serviceName: Id,
  clusterArn: Id,
  launchType: z.nullable(z.enum(["FARGATE", "EC2", "EXTERNAL"])),
  desiredCount: z.number().check(z.int(), z.gte(0)),
  /** Absent when the source did not record it (AWS Config's CloudFormation-shaped items have no running count). */
  runningCount: z.optional(z.number().check(z.int(), z.gte(0))),
  taskDefinitionArn: z.string(),
  networkConfiguration: z.nullable(
    z.strictObject({ subnetIds: Ids, securityGroupIds: Ids, assignPublicIp: z.boolean() }),
  ),
  loadBalancers: z.array(
    z.strictObject({ targetGroupArn: Id, containerName: z.string(), containerPort: Port }),
  ),
});

/**
 * A running ECS task that no recorded service accounts for: one started alone (RunTask, a schedule, AWS Batch:
 * group "family:…"), or a service's task when the services were not read (a CloudMapper dump has
 * ecs-describe-tasks but no describe-services). A service's tasks are otherwise the service's ENIs.
 */
export const EcsTaskProps = z.strictObject({
  taskArn: Id,
  clusterArn: Id,
  /** "service:<name>" or "family:<task definition family>", as ECS records it. */
  group: z.optional(z.string()),
  launchType: z.nullable(z.enum(["FARGATE", "EC2", "EXTERNAL"])),
  lastStatus: z.optional(z.string()),
  taskDefinitionArn: z.optional(z.string()),
  /** awsvpc tasks' ENIs; their subnets and security groups are the ENIs' (network-interface resources). */
  networkInterfaceIds: Ids,
  privateIpAddresses: z.array(z.string()),
});

export const LambdaFunctionProps = z.strictObject({
  functionName: Id,
  runtime: z.nullable(z.string()),
  packageType: z.enum(["Zip", "Image"]),
  roleArn: z.string(),
  architectures: z.array(z.string()),
  /** null for a function outside any VPC. Environment variables are never stored. */
  vpcConfig: z.nullable(z.strictObject({ vpcId: Id, subnetIds: Ids, securityGroupIds: Ids })),
  /**
   * The function URLs (ListFunctionUrlConfigs: the function's own and its aliases'), [] when it has none;
   * absent when they were not read (AWS Config does not record them, a dump may lack the files).
   */
  functionUrls: z.optional(
    z.array(
      z.strictObject({
        url: z.string(),
        /** NONE: anyone on the internet may invoke the function through the URL. */
        authType: z.optional(z.enum(["NONE", "AWS_IAM"])),
        /** The alias the URL belongs to; null for the unqualified function. */
        qualifier: z.nullable(z.string()),
      }),
    ),
  ),
});

/**
 * A managed prefix list (DescribeManagedPrefixLists), with its CIDRs (GetManagedPrefixListEntries):
 * security-group rules and routes may name it instead of a CIDR. AWS-managed lists (S3, DynamoDB,
 * CloudFront's origin-facing addresses) are listed in every account with owner "AWS".
 */
export const PrefixListProps = z.strictObject({
  prefixListId: Id,
  prefixListName: z.optional(z.string()),
  addressFamily: z.optional(z.enum(["IPv4", "IPv6"])),
  ownerId: z.optional(z.string()),
  /** Absent when the entries were not read: then the addresses it stands for are unknown. */
  entries: z.optional(z.array(z.strictObject({ cidr: z.string(), description: z.nullable(z.string()) }))),
});
export type PrefixListProps = z.infer<typeof PrefixListProps>;

export const VpcPeeringProps = z.strictObject({
  vpcPeeringConnectionId: Id,
  status: z.string(),
  requester: z.strictObject({
    vpcId: Id,
    account: z.string(),
    region: z.string(),
    cidrBlock: z.nullable(Cidr4),
  }),
  accepter: z.strictObject({
    vpcId: Id,
    account: z.string(),
    region: z.string(),
    cidrBlock: z.nullable(Cidr4),
  }),
});

export const VpcEndpointProps = z.strictObject({
  vpcEndpointId: Id,
  vpcId: Id,
  serviceName: z.string(),
  endpointType: z.enum(["Interface", "Gateway", "GatewayLoadBalancer"]),
  state: z.string(),
  subnetIds: Ids,
  securityGroupIds: Ids,
  routeTableIds: Ids,
  privateDnsEnabled: z.boolean(),
});

export const TransitGatewayAttachmentProps = z.strictObject({
  transitGatewayAttachmentId: Id,
  transitGatewayId: Id,
  resourceType: z.string(),
  resourceId: z.string(),
  state: z.string(),
});

export const FlowLogProps = z.strictObject({
  flowLogId: Id,
  /** The VPC, subnet or ENI whose traffic is logged (vpc-…, subnet-…, eni-…). */
  resourceId: Id,
  trafficType: z.enum(["ACCEPT", "REJECT", "ALL"]),
  logDestinationType: z.string(),
  /** ACTIVE when delivering. */
  status: z.string(),
});

export const VolumeProps = z.strictObject({
  volumeId: Id,
  availabilityZone: z.string(),
  sizeGiB: z.optional(z.number().check(z.int(), z.gte(0))),
  volumeType: z.optional(z.string()),
  encrypted: z.optional(z.boolean()),
  kmsKeyId: z.nullable(z.string()),
  state: z.string(),
  attachments: z.array(z.strictObject({ instanceId: Id, device: z.string() })),
});

export const ClassicLoadBalancerProps = z.strictObject({
  name: z.string(),
  scheme: z.enum(["internet-facing", "internal"]),
  /** null for an EC2-Classic load balancer (no VPC). */
  vpcId: z.nullable(Id),
  subnetIds: Ids,
  availabilityZones: Ids,
  securityGroupIds: Ids,
  dnsName: z.string(),
  listeners: z.array(
    z.strictObject({
      /** HTTP, HTTPS, TCP or SSL, as the client speaks to the load balancer. */
      protocol: z.string(),
      port: Port,
      /** How the load balancer speaks to the instances. */
      instanceProtocol: z.nullable(z.string()),
      instancePort: Port,
      sslCertificateId: z.nullable(z.string()),
      policyNames: z.array(z.string()),
    }),
  ),
  /** Registered instances (DescribeLoadBalancers lists them with the load balancer). */
  instanceIds: Ids,
  /** DescribeLoadBalancerAttributes AccessLog.Enabled; absent when the attributes were not read. */
  accessLogsEnabled: z.optional(z.boolean()),
  /** CrossZoneLoadBalancing.Enabled; absent when not read. */
  crossZone: z.optional(z.boolean()),
});
export type ClassicLoadBalancerProps = z.infer<typeof ClassicLoadBalancerProps>;

export const EfsFileSystemProps = z.strictObject({
  fileSystemId: Id,
  /** Encryption at rest; absent when the source did not record it. */
  encrypted: z.optional(z.boolean()),
  kmsKeyId: z.nullable(z.string()),
  performanceMode: z.optional(z.string()),
  throughputMode: z.optional(z.string()),
  lifeCycleState: z.optional(z.string()),
  /** NumberOfMountTargets as DescribeFileSystems counts them; absent when not recorded. */
  numberOfMountTargets: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type EfsFileSystemProps = z.infer<typeof EfsFileSystemProps>;

export const EfsMountTargetProps = z.strictObject({
  mountTargetId: Id,
  fileSystemId: Id,
  vpcId: z.nullable(Id),
  subnetId: Id,
  availabilityZone: z.nullable(z.string()),
  ipAddress: z.nullable(z.string()),
  networkInterfaceId: z.nullable(Id),
  /** DescribeMountTargetSecurityGroups; absent when not read (then what reaches NFS is unknown). */
  securityGroupIds: z.optional(Ids),
});

/** The props schema of every modelled type. Any other type is kept with generic props. */
export const PROPS_BY_TYPE = {
  "AWS::EC2::VPC": VpcProps,
  "AWS::EC2::Subnet": SubnetProps,
  "AWS::EC2::RouteTable": RouteTableProps,
  "AWS::EC2::InternetGateway": InternetGatewayProps,
  "AWS::EC2::NatGateway": NatGatewayProps,
  "AWS::EC2::EIP": EipProps,
  "AWS::EC2::SecurityGroup": SecurityGroupProps,
  "AWS::EC2::NetworkAcl": NetworkAclProps,
  "AWS::EC2::NetworkInterface": NetworkInterfaceProps,
  "AWS::EC2::Instance": InstanceProps,
  "AWS::EC2::VPCPeeringConnection": VpcPeeringProps,
  "AWS::EC2::PrefixList": PrefixListProps,
  "AWS::EC2::VPCEndpoint": VpcEndpointProps,
  "AWS::EC2::TransitGatewayAttachment": TransitGatewayAttachmentProps,
  "AWS::EC2::FlowLog": FlowLogProps,
  "AWS::EC2::Volume": VolumeProps,
  "AWS::ElasticLoadBalancingV2::LoadBalancer": LoadBalancerProps,
  "AWS::ElasticLoadBalancingV2::Listener": ListenerProps,
  "AWS::ElasticLoadBalancingV2::TargetGroup": TargetGroupProps,
  "AWS::ElasticLoadBalancing::LoadBalancer": ClassicLoadBalancerProps,
  "AWS::WAFv2::WebACL": WebAclProps,
  "AWS::RDS::DBInstance": DbInstanceProps,
  "AWS::RDS::DBCluster": DbClusterProps,
  "AWS::RDS::DBProxy": DbProxyProps,
  "AWS::ElastiCache::CacheCluster": CacheClusterProps,
  "AWS::ElastiCache::ReplicationGroup": ReplicationGroupProps,
  "AWS::Redshift::Cluster": RedshiftClusterProps,
  "AWS::EKS::Cluster": EksClusterProps,
  "AWS::OpenSearch::Domain": OpenSearchDomainProps,
  "AWS::ApiGateway::RestApi": RestApiProps,
  "AWS::ApiGatewayV2::Api": HttpApiProps,
  "AWS::S3::Bucket": BucketProps,
  "AWS::S3::AccountPublicAccessBlock": AccountPublicAccessBlockProps,
  "AWS::CloudFront::Distribution": DistributionProps,
  "AWS::Route53::HostedZone": HostedZoneProps,
  "AWS::Route53::RecordSet": RecordSetProps,
  "AWS::CertificateManager::Certificate": CertificateProps,
  "AWS::AutoScaling::AutoScalingGroup": AutoScalingGroupProps,
  "AWS::ECS::Cluster": EcsClusterProps,
  "AWS::ECS::Service": EcsServiceProps,
  "AWS::ECS::Task": EcsTaskProps,
  "AWS::Lambda::Function": LambdaFunctionProps,
  "AWS::EFS::FileSystem": EfsFileSystemProps,
  "AWS::EFS::MountTarget": EfsMountTargetProps,
} as const;

export type KnownType = keyof typeof PROPS_BY_TYPE;
export type PropsOf<T extends KnownType> = z.infer<(typeof PROPS_BY_TYPE)[T]>;
export const KNOWN_TYPES = Object.keys(PROPS_BY_TYPE).sort() as KnownType[];

export function isKnownType(type: string): type is KnownType {
  return Object.hasOwn(PROPS_BY_TYPE, type);
}
