import { SelectAggregateResourceConfig$, SelectResourceConfig$ } from "@aws-sdk/client-config-service";
import { ABSENT_CONFIGURATION } from "../../../src/collector/s3/api.ts";
import { arns, type Ec2Kind, ec2Arn } from "../../../src/model/arn.ts";
import { isKnownType } from "../../../src/model/props.ts";
import type { Resource, Snapshot } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { RequestContext, ServiceHandler } from "../types.ts";
import { autoscalingHandler } from "./autoscaling.ts";
import { cloudfrontHandler } from "./cloudfront.ts";
import { ec2Handler } from "./ec2.ts";
import { ecsHandler } from "./ecs.ts";
import { efsHandler } from "./efs.ts";
import { elasticacheHandler } from "./elasticache.ts";
import { elbHandler } from "./elb.ts";
import { elbv2Handler } from "./elbv2.ts";
import { lambdaHandler } from "./lambda.ts";
import { rdsHandler } from "./rds.ts";
import { route53Handler } from "./route53.ts";
import { s3Handler } from "./s3.ts";
import { s3controlHandler } from "./s3control.ts";
import { acmHandler, wafv2Handler } from "./waf-acm.ts";

// AWS Config's advanced query (SelectResourceConfig, SelectAggregateResourceConfig) answered from the
// snapshot. The configuration items are not written from the model: they are the other handlers' answers
// (the SDK-shaped objects a live scan reads), rewritten the way AWS Config records them, so that reading
// them back through src/collector/config.ts is a real round trip:
//   - keys in Java-bean camelCase ("dBInstanceIdentifier", "dNSName"), with the irregular spellings the
//     Config resource schema documents ("vpczoneIdentifier", "dbclusterIdentifier", "dbclusterMembers");
//   - timestamps as ISO strings; some enums wrapped as {"value": …} (NAT gateway and endpoint states);
//   - security group rules with both `ipRanges` (bare CIDRs) and `ipv4Ranges` (with descriptions);
//   - ECS clusters and services and ELBv2 listeners and target groups in CloudFormation's shape;
//   - Lambda's vpcConfig without the VPC id; the function's environment kept (it must not leak);
//   - S3 buckets as {name, owner, creationDate} with their settings in supplementaryConfiguration
//     (PublicAccessBlockConfiguration, ServerSideEncryptionConfiguration, BucketVersioningConfiguration,
//     BucketPolicy {policyText}, BucketWebsiteConfiguration, BucketTaggingConfiguration, and the members
//     asbuilt does not read), a member left out where the bucket has no such configuration;
//   - CloudFront distributions as GetDistribution's object in Java-bean case ({id, arn, domainName,
//     distributionConfig: {aliases: {quantity, items}, …, viewerCertificate: {acmCertificateArn…}}}),
//     without tags and without origins' originAccessControlId (the Config resource schema has neither);
//   - Route 53 hosted zones in CloudFormation's shape ({Id, Name, NameServers, VPCs}), no record count.
// And what Config does not record is left out, as it would be: target health, cache subnet groups, RDS
// proxies, ECS tasks, web ACL associations, S3 policy status, Route 53 record sets. `configComparable`
// says what a Config-built snapshot can therefore be compared on.

/** The aggregator this endpoint knows. */
export const LOOPBACK_AGGREGATOR = "org-aggregator";

type Json = Record<string, unknown>;
export type ItemStyle = "query" | "snapshot-file";

/** SDK's "DBInstanceIdentifier" → Config's "dBInstanceIdentifier"; Dates → ISO strings. */
export function javaCase(v: unknown, rename: Record<string, string> = {}): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => javaCase(x, rename));
  if (v !== null && typeof v === "object") {
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) continue;
      const key = k.charAt(0).toLowerCase() + k.slice(1);
      out[rename[key] ?? key] = javaCase(x, rename);
    }
    return out;
  }
  return v;
}

/** Drops undefined members (the JSON a service prints), keeping the SDK's casing. */
const plain = (v: unknown): Json => JSON.parse(JSON.stringify(v ?? {})) as Json;

const SHORT: Record<string, string> = {
  "AWS::EC2::VPC": "Vpc",
  "AWS::EC2::Subnet": "Subnet",
  "AWS::EC2::Instance": "Instance",
  "AWS::ElasticLoadBalancingV2::LoadBalancer": "LoadBalancer",
};

interface Made {
  resourceType: string;
  resourceId: string;
  arn: string;
  configuration: Json;
  resourceName?: string;
  supplementaryConfiguration?: Json;
  /** Config records no tags for this type. */
  noTags?: boolean;
}

function call(h: ServiceHandler, op: string, ctx: RequestContext, params: Json = {}): Json {
  const handler = h.operations[op];
  if (!handler) throw new Error(`config loopback: no ${op} in ${h.signingName}`);
  return handler.handle({ ...ctx, params });
}

const list = (out: Json, key: string) => (Array.isArray(out[key]) ? (out[key] as Json[]) : []);

const EC2_TYPES: [op: string, key: string, type: string, id: string, kind: Ec2Kind][] = [
  ["DescribeVpcs", "Vpcs", "AWS::EC2::VPC", "VpcId", "vpc"],
  ["DescribeSubnets", "Subnets", "AWS::EC2::Subnet", "SubnetId", "subnet"],
  ["DescribeRouteTables", "RouteTables", "AWS::EC2::RouteTable", "RouteTableId", "route-table"],
  [
    "DescribeInternetGateways",
    "InternetGateways",
    "AWS::EC2::InternetGateway",
    "InternetGatewayId",
    "internet-gateway",
  ],
  ["DescribeNatGateways", "NatGateways", "AWS::EC2::NatGateway", "NatGatewayId", "natgateway"],
  ["DescribeAddresses", "Addresses", "AWS::EC2::EIP", "AllocationId", "elastic-ip"],
  ["DescribeSecurityGroups", "SecurityGroups", "AWS::EC2::SecurityGroup", "GroupId", "security-group"],
  ["DescribeNetworkAcls", "NetworkAcls", "AWS::EC2::NetworkAcl", "NetworkAclId", "network-acl"],
  [
    "DescribeNetworkInterfaces",
    "NetworkInterfaces",
    "AWS::EC2::NetworkInterface",
    "NetworkInterfaceId",
    "network-interface",
  ],
  [
    "DescribeVpcPeeringConnections",
    "VpcPeeringConnections",
    "AWS::EC2::VPCPeeringConnection",
    "VpcPeeringConnectionId",
    "vpc-peering-connection",
  ],
  ["DescribeVpcEndpoints", "VpcEndpoints", "AWS::EC2::VPCEndpoint", "VpcEndpointId", "vpc-endpoint"],
  [
    "DescribeTransitGatewayAttachments",
    "TransitGatewayAttachments",
    "AWS::EC2::TransitGatewayAttachment",
    "TransitGatewayAttachmentId",
    "transit-gateway-attachment",
  ],
  ["DescribeFlowLogs", "FlowLogs", "AWS::EC2::FlowLog", "FlowLogId", "vpc-flow-log"],
  ["DescribeVolumes", "Volumes", "AWS::EC2::Volume", "VolumeId", "volume"],
];

/** Config's security group: `ipRanges` as bare CIDRs (its older shape) and `ipv4Ranges` with descriptions. */
function configPermission(p: Json): Json {
  const ranges = (Array.isArray(p.IpRanges) ? p.IpRanges : []) as Json[];
  const { IpRanges: _, ...rest } = p;
  return {
    ...(javaCase(rest) as Json),
    ipRanges: ranges.map((r) => r.CidrIp),
    ipv4Ranges: ranges.map((r) => javaCase(r)),
  };
}

/** Every configuration item Config would hold for this account and region (global ones with us-east-1). */
function made(ctx: RequestContext): Made[] {
  const { account, region } = ctx;
  const out: Made[] = [];

  for (const [op, key, type, idKey, kind] of EC2_TYPES)
    for (const o of list(call(ec2Handler, op, ctx), key)) {
      const id = String(o[idKey]);
      const p = plain(o);
      let configuration = javaCase(p) as Json;
      if (type === "AWS::EC2::SecurityGroup")
        configuration = {
          ...configuration,
          ipPermissions: ((p.IpPermissions ?? []) as Json[]).map(configPermission),
          ipPermissionsEgress: ((p.IpPermissionsEgress ?? []) as Json[]).map(configPermission),
        };
      if ((type === "AWS::EC2::NatGateway" || type === "AWS::EC2::VPCEndpoint") && configuration.state)
        configuration.state = { value: configuration.state };
      out.push({ resourceType: type, resourceId: id, arn: ec2Arn(region, account, kind, id), configuration });
    }
  for (const r of list(call(ec2Handler, "DescribeInstances", ctx), "Reservations"))
    for (const i of (r.Instances ?? []) as Json[]) {
      const id = String(i.InstanceId);
      out.push({
        resourceType: "AWS::EC2::Instance",
        resourceId: id,
        arn: ec2Arn(region, account, "instance", id),
        configuration: javaCase(plain(i)) as Json,
      });
    }

  const lbs = list(call(elbv2Handler, "DescribeLoadBalancers", ctx), "LoadBalancers");
  for (const lb of lbs) {
    out.push({
      resourceType: "AWS::ElasticLoadBalancingV2::LoadBalancer",
      resourceId: String(lb.LoadBalancerArn),
      resourceName: String(lb.LoadBalancerName),
      arn: String(lb.LoadBalancerArn),
      configuration: javaCase(plain(lb)) as Json,
      // As Config records them: [{key, value}] in supplementaryConfiguration.
      supplementaryConfiguration: {
        LoadBalancerAttributes: javaCase(
          list(
            call(elbv2Handler, "DescribeLoadBalancerAttributes", ctx, {
              LoadBalancerArn: lb.LoadBalancerArn,
            }),
            "Attributes",
          ),
        ) as Json,
      },
    });
    // CloudFormation-shaped: the SDK's PascalCase names are CloudFormation's.
    for (const l of list(
      call(elbv2Handler, "DescribeListeners", ctx, { LoadBalancerArn: lb.LoadBalancerArn }),
      "Listeners",
    ))
      out.push({
        resourceType: "AWS::ElasticLoadBalancingV2::Listener",
        resourceId: String(l.ListenerArn),
        arn: String(l.ListenerArn),
        configuration: plain(l),
      });
  }
  for (const tg of list(call(elbv2Handler, "DescribeTargetGroups", ctx), "TargetGroups")) {
    const { TargetGroupName, ...rest } = plain(tg);
    out.push({
      resourceType: "AWS::ElasticLoadBalancingV2::TargetGroup",
      resourceId: String(tg.TargetGroupArn),
      resourceName: String(TargetGroupName),
      arn: String(tg.TargetGroupArn),
      configuration: { ...rest, Name: TargetGroupName },
    });
  }

  for (const db of list(call(rdsHandler, "DescribeDBInstances", ctx), "DBInstances"))
    out.push({
      resourceType: "AWS::RDS::DBInstance",
      // Config names an instance by its resource id (db-…), not its identifier.
      resourceId: `db-${String(db.DBInstanceIdentifier)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, "")}`,
      resourceName: String(db.DBInstanceIdentifier),
      arn: String(db.DBInstanceArn),
      configuration: javaCase(plain(db)) as Json,
    });
  for (const c of list(call(rdsHandler, "DescribeDBClusters", ctx), "DBClusters"))
    out.push({
      resourceType: "AWS::RDS::DBCluster",
      resourceId: `cluster-${String(c.DBClusterIdentifier)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, "")}`,
      resourceName: String(c.DBClusterIdentifier),
      arn: String(c.DBClusterArn),
      configuration: javaCase(plain(c), {
        dBClusterIdentifier: "dbclusterIdentifier",
        dBClusterArn: "dbclusterArn",
        dBClusterMembers: "dbclusterMembers",
        dBInstanceIdentifier: "dbinstanceIdentifier",
      }) as Json,
    });

  for (const c of list(call(elasticacheHandler, "DescribeCacheClusters", ctx), "CacheClusters"))
    out.push({
      resourceType: "AWS::ElastiCache::CacheCluster",
      resourceId: String(c.CacheClusterId),
      arn: String(c.ARN),
      configuration: javaCase(plain(c)) as Json,
    });
  for (const g of list(call(elasticacheHandler, "DescribeReplicationGroups", ctx), "ReplicationGroups"))
    out.push({
      resourceType: "AWS::ElastiCache::ReplicationGroup",
      resourceId: String(g.ReplicationGroupId),
      arn: String(g.ARN),
      configuration: javaCase(plain(g)) as Json,
    });

  for (const g of list(call(autoscalingHandler, "DescribeAutoScalingGroups", ctx), "AutoScalingGroups"))
    out.push({
      resourceType: "AWS::AutoScaling::AutoScalingGroup",
      resourceId: String(g.AutoScalingGroupARN),
      resourceName: String(g.AutoScalingGroupName),
      arn: String(g.AutoScalingGroupARN),
      configuration: javaCase(plain(g), { vPCZoneIdentifier: "vpczoneIdentifier" }) as Json,
    });

  const clusterArns = (call(ecsHandler, "ListClusters", ctx).clusterArns ?? []) as string[];
  for (const c of list(
    call(ecsHandler, "DescribeClusters", ctx, { clusters: clusterArns, include: ["TAGS", "SETTINGS"] }),
    "clusters",
  )) {
    out.push({
      resourceType: "AWS::ECS::Cluster",
      resourceId: String(c.clusterName),
      resourceName: String(c.clusterName),
      arn: String(c.clusterArn),
      configuration: {
        Arn: c.clusterArn,
        ClusterName: c.clusterName,
        CapacityProviders: c.capacityProviders,
        ClusterSettings: ((c.settings ?? []) as Json[]).map((s) => ({ Name: s.name, Value: s.value })),
      },
    });
    const serviceArns = (call(ecsHandler, "ListServices", ctx, { cluster: c.clusterArn }).serviceArns ??
      []) as string[];
    for (let i = 0; i < serviceArns.length; i += 10)
      for (const s of list(
        call(ecsHandler, "DescribeServices", ctx, {
          cluster: c.clusterArn,
          services: serviceArns.slice(i, i + 10),
        }),
        "services",
      )) {
        const net = (s.networkConfiguration as Json | undefined)?.awsvpcConfiguration as Json | undefined;
        out.push({
          resourceType: "AWS::ECS::Service",
          resourceId: String(s.serviceArn),
          resourceName: String(s.serviceName),
          arn: String(s.serviceArn),
          configuration: plain({
            ServiceArn: s.serviceArn,
            ServiceName: s.serviceName,
            Cluster: s.clusterArn,
            LaunchType: s.launchType,
            DesiredCount: s.desiredCount,
            TaskDefinition: s.taskDefinition,
            NetworkConfiguration: net
              ? {
                  AwsvpcConfiguration: {
                    Subnets: net.subnets,
                    SecurityGroups: net.securityGroups,
                    AssignPublicIp: net.assignPublicIp,
                  },
                }
              : undefined,
            LoadBalancers: ((s.loadBalancers ?? []) as Json[]).map((lb) => ({
              TargetGroupArn: lb.targetGroupArn,
              ContainerName: lb.containerName,
              ContainerPort: lb.containerPort,
            })),
          }),
        });
      }
  }

  for (const f of list(call(lambdaHandler, "ListFunctions", ctx), "Functions")) {
    const configuration = javaCase(plain(f)) as Json;
    const vpc = configuration.vpcConfig as Json | undefined;
    if (vpc) delete vpc.vpcId;
    out.push({
      resourceType: "AWS::Lambda::Function",
      resourceId: String(f.FunctionName),
      resourceName: String(f.FunctionName),
      arn: String(f.FunctionArn),
      configuration,
      supplementaryConfiguration: { Concurrency: { reservedConcurrentExecutions: 0 } },
    });
  }

  // Classic load balancers as DescribeLoadBalancers' description in Java-bean case, their attributes in
  // supplementaryConfiguration.
  for (const lb of list(call(elbHandler, "DescribeLoadBalancers", ctx), "LoadBalancerDescriptions")) {
    const name = String(lb.LoadBalancerName);
    out.push({
      resourceType: "AWS::ElasticLoadBalancing::LoadBalancer",
      resourceId: name,
      resourceName: name,
      arn: `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/${name}`,
      configuration: javaCase(plain(lb)) as Json,
      supplementaryConfiguration: {
        LoadBalancerAttributes: javaCase(
          plain(
            call(elbHandler, "DescribeLoadBalancerAttributes", ctx, { LoadBalancerName: name })
              .LoadBalancerAttributes,
          ),
        ) as Json,
      },
    });
  }

  // EFS file systems in CloudFormation's shape (Arn, FileSystemTags, no life-cycle state nor mount target
  // count); Config records no mount targets.
  for (const f of list(call(efsHandler, "DescribeFileSystems", ctx), "FileSystems")) {
    const p = plain(f);
    out.push({
      resourceType: "AWS::EFS::FileSystem",
      resourceId: String(p.FileSystemId),
      arn: String(p.FileSystemArn),
      configuration: plain({
        FileSystemId: p.FileSystemId,
        Arn: p.FileSystemArn,
        Encrypted: p.Encrypted,
        KmsKeyId: p.KmsKeyId,
        PerformanceMode: p.PerformanceMode,
        ThroughputMode: p.ThroughputMode,
        FileSystemTags: p.Tags,
        BackupPolicy: { Status: "ENABLED" },
      }),
    });
  }

  for (const scope of region === "us-east-1" ? ["REGIONAL", "CLOUDFRONT"] : ["REGIONAL"])
    for (const s of list(call(wafv2Handler, "ListWebACLs", ctx, { Scope: scope }), "WebACLs")) {
      const acl = call(wafv2Handler, "GetWebACL", ctx, { Scope: scope, Id: s.Id }).WebACL as Json;
      out.push({
        resourceType: "AWS::WAFv2::WebACL",
        resourceId: String(s.Id),
        resourceName: String(s.Name),
        arn: String(s.ARN),
        configuration: javaCase(plain(acl)) as Json,
      });
    }

  for (const s of list(call(acmHandler, "ListCertificates", ctx), "CertificateSummaryList")) {
    const cert = call(acmHandler, "DescribeCertificate", ctx, {
      CertificateArn: s.CertificateArn,
    }).Certificate;
    out.push({
      resourceType: "AWS::ACM::Certificate",
      resourceId: String(s.CertificateArn),
      arn: String(s.CertificateArn),
      configuration: javaCase(cert) as Json,
    });
  }

  out.push(...buckets(ctx));
  // The account's S3 Block Public Access, recorded with the buckets of us-east-1.
  if (region === "us-east-1") {
    const block = attempt(s3controlHandler, "GetPublicAccessBlock", ctx, { AccountId: account });
    const c = block?.PublicAccessBlockConfiguration;
    if (c)
      out.push({
        resourceType: "AWS::S3::AccountPublicAccessBlock",
        resourceId: account,
        arn: `arn:aws:s3:::account/${account}/public-access-block`,
        configuration: javaCase(plain(c)) as Json,
      });
  }
  // CloudFront distributions and Route 53 zones: recorded in us-east-1.
  const global: RequestContext = {
    ...ctx,
    resources: ctx.snapshot.resources.filter((r) => r.account === account && r.region === "global"),
  };
  if (region === "us-east-1") out.push(...distributions(global), ...hostedZones(global));

  // What Config records and asbuilt has no model for: from the snapshot directly.
  const pool = region === "us-east-1" ? [...ctx.resources, ...global.resources] : ctx.resources;
  for (const r of pool) {
    if (isKnownType(r.type)) continue;
    out.push({
      resourceType: r.type,
      resourceId: r.id.split(/[:/]/).pop() ?? r.id,
      ...(r.name !== undefined ? { resourceName: r.name } : {}),
      arn: r.id,
      configuration: {},
    });
  }
  return out;
}

/** A call whose 404 means "the bucket has no such configuration": null then. */
function attempt(h: ServiceHandler, op: string, ctx: RequestContext, params: Json): Json | null {
  try {
    return call(h, op, ctx, params);
  } catch (err) {
    if (ABSENT_CONFIGURATION.has(String((err as { code?: unknown }).code))) return null;
    throw err;
  }
}

const OWNER = { displayName: null, id: "loopback-canonical-user-id" };

/**
 * The account's buckets of this region, from the S3 handler's answers, as Config records them. The policy
 * text is made up (the snapshot keeps only whether it is public): a wildcard principal for a public policy.
 */
function buckets(ctx: RequestContext): Made[] {
  const out: Made[] = [];
  for (const b of list(call(s3Handler, "ListBuckets", ctx, { "max-buckets": 1000 }), "Buckets")) {
    if (b.BucketRegion !== ctx.region) continue;
    const Bucket = String(b.Name);
    const pab = attempt(s3Handler, "GetPublicAccessBlock", ctx, { Bucket });
    const enc = attempt(s3Handler, "GetBucketEncryption", ctx, { Bucket });
    const versioning = call(s3Handler, "GetBucketVersioning", ctx, { Bucket });
    const policy = attempt(s3Handler, "GetBucketPolicyStatus", ctx, { Bucket });
    const website = attempt(s3Handler, "GetBucketWebsite", ctx, { Bucket }) as {
      IndexDocument?: { Suffix?: string };
      ErrorDocument?: { Key?: string };
    } | null;
    const tagging = attempt(s3Handler, "GetBucketTagging", ctx, { Bucket });
    const isPublic = (policy?.PolicyStatus as Json | undefined)?.IsPublic;
    const policyText = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: isPublic === false ? { AWS: `arn:aws:iam::${ctx.account}:root` } : "*",
          Action: "s3:GetObject",
          Resource: `arn:aws:s3:::${Bucket}/*`,
        },
      ],
    });
    out.push({
      resourceType: "AWS::S3::Bucket",
      resourceId: Bucket,
      resourceName: Bucket,
      arn: arns.s3Bucket(Bucket),
      configuration: javaCase({ Name: Bucket, Owner: OWNER, CreationDate: b.CreationDate }) as Json,
      supplementaryConfiguration: {
        // Config writes the ACL as a JSON string inside the item (twice encoded in snapshot files).
        AccessControlList: JSON.stringify({
          grantSet: null,
          grantList: [{ grantee: { id: OWNER.id, displayName: null }, permission: "FullControl" }],
          owner: OWNER,
          isRequesterCharged: false,
        }),
        BucketAccelerateConfiguration: { status: null },
        BucketLoggingConfiguration: { destinationBucketName: null, logFilePrefix: null },
        BucketNotificationConfiguration: { configurations: {} },
        BucketPolicy: { policyText: policy === null ? null : policyText },
        BucketVersioningConfiguration: { status: versioning.Status ?? "Off", isMfaDeleteEnabled: null },
        IsRequesterPaysEnabled: false,
        ...(pab ? { PublicAccessBlockConfiguration: javaCase(pab.PublicAccessBlockConfiguration) } : {}),
        ...(enc
          ? {
              ServerSideEncryptionConfiguration: javaCase(enc.ServerSideEncryptionConfiguration, {
                sSEAlgorithm: "sseAlgorithm",
                kMSMasterKeyID: "kmsMasterKeyID",
              }),
            }
          : {}),
        ...(website
          ? {
              BucketWebsiteConfiguration: {
                indexDocumentSuffix: website.IndexDocument?.Suffix ?? null,
                errorDocument: website.ErrorDocument?.Key ?? null,
                redirectAllRequestsTo: null,
                routingRules: [],
              },
            }
          : {}),
        ...(tagging
          ? {
              BucketTaggingConfiguration: {
                tagSets: [
                  {
                    tags: Object.fromEntries(((tagging.TagSet ?? []) as Json[]).map((t) => [t.Key, t.Value])),
                  },
                ],
              },
            }
          : {}),
      },
    });
  }
  return out;
}

/** Java-bean names where Config's schema spells them otherwise than javaCase would. */
const CLOUDFRONT_NAMES: Record<string, string> = {
  aCMCertificateArn: "acmCertificateArn",
  iAMCertificateId: "iamCertificateId",
  sSLSupportMethod: "sslSupportMethod",
  hTTPPort: "httpPort",
  hTTPSPort: "httpsPort",
};

/** The CloudFront handler's summaries as GetDistribution's object, camelCased, without what Config lacks. */
function distributions(global: RequestContext): Made[] {
  const listed = call(cloudfrontHandler, "ListDistributions", global).DistributionList as Json | undefined;
  return ((listed?.Items ?? []) as Json[]).map((summary) => {
    const {
      Id,
      ARN,
      Status,
      LastModifiedTime,
      DomainName,
      ETag: _e,
      Staging: _s,
      ...config
    } = plain(summary);
    const origins = config.Origins as { Items?: Json[] } | undefined;
    for (const o of origins?.Items ?? []) delete o.OriginAccessControlId;
    return {
      resourceType: "AWS::CloudFront::Distribution",
      resourceId: String(Id),
      arn: String(ARN),
      configuration: javaCase(
        {
          Id,
          ARN,
          Status,
          LastModifiedTime,
          DomainName,
          InProgressInvalidationBatches: 0,
          ActiveTrustedSigners: { Enabled: false, Quantity: 0 },
          DistributionConfig: {
            CallerReference: `loopback-${String(Id)}`,
            DefaultRootObject: "",
            Logging: { Enabled: false, IncludeCookies: false, Bucket: "", Prefix: "" },
            ...config,
          },
        },
        CLOUDFRONT_NAMES,
      ) as Json,
      noTags: true,
    };
  });
}

/** The Route 53 handler's zones in CloudFormation's shape: name servers for public zones, VPCs for private ones. */
function hostedZones(global: RequestContext): Made[] {
  return list(call(route53Handler, "ListHostedZones", global), "HostedZones").map((z) => {
    const id = String(z.Id).replace(/^\/hostedzone\//, "");
    const got = call(route53Handler, "GetHostedZone", global, { Id: id });
    const vpcs = (got.VPCs ?? []) as Json[];
    const nameServers = ((got.DelegationSet as Json | undefined)?.NameServers ?? []) as string[];
    return {
      resourceType: "AWS::Route53::HostedZone",
      resourceId: id,
      resourceName: String(z.Name),
      arn: arns.hostedZone(id),
      configuration: {
        Id: id,
        Name: z.Name,
        ...(nameServers.length > 0 ? { NameServers: nameServers } : {}),
        ...(vpcs.length > 0 ? { VPCs: vpcs } : {}),
      },
    };
  });
}

/** Modelled types Config does not record at all. */
const NOT_RECORDED = new Set(["AWS::RDS::DBProxy", "AWS::Route53::RecordSet", "AWS::EFS::MountTarget"]);

/** The configuration items of one account and region, in the chosen file style. */
export function configurationItems(
  snapshot: Snapshot,
  account: string,
  region: string,
  style: ItemStyle,
): Json[] {
  const resources = snapshot.resources.filter((r) => r.account === account && r.region === region);
  const ctx: RequestContext = { account, region, params: {}, resources, snapshot };
  const byId = new Map(snapshot.resources.map((r) => [r.id, r]));
  const items = made(ctx)
    .filter((m) => !NOT_RECORDED.has(m.resourceType))
    .map((m) => {
      const r = byId.get(m.arn);
      const globalResource = r?.region === "global";
      return item(m, r, account, globalResource ? "global" : region, style);
    });
  // Each explicit subnet association of a route table is also an item of its own, as Config records
  // AWS::EC2::SubnetRouteTableAssociation (CloudFormation-shaped: Id, RouteTableId, SubnetId).
  for (const rt of resources)
    if (rt.type === "AWS::EC2::RouteTable")
      for (const subnetId of (rt.props as { subnetIds: string[] }).subnetIds) {
        const id = `rtbassoc-${subnetId.replace(/^subnet-/, "")}`;
        const routeTableId = (rt.props as { routeTableId: string }).routeTableId;
        items.push(
          item(
            {
              resourceType: "AWS::EC2::SubnetRouteTableAssociation",
              resourceId: id,
              arn: `arn:aws:ec2:${region}:${account}:subnet-route-table-association/${id}`,
              configuration: { Id: id, RouteTableId: routeTableId, SubnetId: subnetId },
              noTags: true,
            },
            undefined,
            account,
            region,
            style,
          ),
        );
      }
  // A resource deleted since: Config keeps its last item with status ResourceDeleted.
  items.push(
    item(
      {
        resourceType: "AWS::EC2::VPC",
        resourceId: "vpc-0deleted000000000",
        arn: ec2Arn(region, account, "vpc", "vpc-0deleted000000000"),
        configuration: {},
      },
      undefined,
      account,
      region,
      style,
      "ResourceDeleted",
    ),
  );
  return items;
}

function item(
  m: Made,
  r: Resource | undefined,
  account: string,
  region: string,
  style: ItemStyle,
  status?: string,
): Json {
  const tags = m.noTags ? {} : (r?.tags ?? {});
  const parent = r?.parent ? (r.parent.split("/").pop() ?? "") : undefined;
  const parentType = r?.parent?.includes(":subnet/")
    ? "AWS::EC2::Subnet"
    : r?.parent?.includes(":vpc/")
      ? "AWS::EC2::VPC"
      : undefined;
  const relationships =
    parent && parentType
      ? [
          {
            resourceType: parentType,
            resourceId: parent,
            [style === "query" ? "relationshipName" : "name"]:
              `Is contained in ${SHORT[parentType] ?? parentType}`,
          },
        ]
      : [];
  const resourceName = m.resourceName ?? tags.Name;
  const deleted = status === "ResourceDeleted";
  if (style === "query")
    return {
      version: "1.3",
      accountId: account,
      configurationItemCaptureTime: "2026-11-01T08:55:00.000Z",
      configurationItemStatus: status ?? "OK",
      resourceId: m.resourceId,
      ...(resourceName !== undefined ? { resourceName } : {}),
      resourceType: m.resourceType,
      arn: m.arn,
      awsRegion: region,
      configuration: deleted ? null : m.configuration,
      supplementaryConfiguration: m.supplementaryConfiguration ?? {},
      tags: Object.entries(tags).map(([key, value]) => ({ key, value, tag: `${key}=${value}` })),
      relationships,
    };
  return {
    relatedEvents: [],
    relationships,
    configuration: deleted ? null : m.configuration,
    supplementaryConfiguration: Object.fromEntries(
      Object.entries(m.supplementaryConfiguration ?? {}).map(([k, v]) => [k, JSON.stringify(v)]),
    ),
    tags,
    configurationItemVersion: "1.3",
    configurationItemCaptureTime: "2026-11-01T08:55:00.000Z",
    configurationStateId: 1761987300000,
    awsAccountId: account,
    configurationItemStatus: status ?? "ResourceDiscovered",
    resourceType: m.resourceType,
    resourceId: m.resourceId,
    resourceName: resourceName ?? null,
    ARN: m.arn,
    awsRegion: region,
    availabilityZone: "Not Applicable",
    configurationStateMd5Hash: "",
  };
}

// ---------------------------------------------------------------------------------------------------
// The advanced query.

const QUERYABLE = new Set([
  "accountId",
  "arn",
  "availabilityZone",
  "awsRegion",
  "configuration",
  "configurationItemCaptureTime",
  "configurationItemStatus",
  "configurationStateId",
  "relationships",
  "resourceCreationTime",
  "resourceId",
  "resourceName",
  "resourceType",
  "supplementaryConfiguration",
  "tags",
  "version",
]);

function invalid(message: string): never {
  throw Object.assign(new Error(message), { code: "InvalidExpressionException", status: 400 });
}

/** The subset of Config's SQL the collector sends: named fields, `x IN (…)` conditions joined by AND. */
function parseExpression(expression: string): { fields: string[]; where: Map<string, Set<string>> } {
  if (expression.length > 4096) invalid("Expression must have length less than or equal to 4096");
  const m = /^\s*SELECT\s+(.+?)\s+WHERE\s+(.+?)\s*$/is.exec(expression);
  if (!m?.[1] || !m[2]) invalid(`The loopback endpoint cannot parse: ${expression}`);
  const fields = m[1].split(",").map((f) => f.trim());
  for (const f of fields) if (f === "*" || !QUERYABLE.has(f)) invalid(`Unsupported field in SELECT: ${f}`);
  const where = new Map<string, Set<string>>();
  for (const cond of m[2].split(/\s+AND\s+/i)) {
    const c = /^(\w+)\s+IN\s*\((.*)\)$/is.exec(cond.trim());
    if (!c?.[1] || c[2] === undefined)
      invalid(`The loopback endpoint supports only "field IN (…)" conditions: ${cond}`);
    const values = [...c[2].matchAll(/'([^']*)'/g)].map((v) => v[1] ?? "");
    where.set(c[1], new Set(values));
  }
  return { fields, where };
}

function answer(items: Json[], params: Json): Json {
  const limit = params.Limit === undefined ? 0 : Number(params.Limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > 100)
    throw Object.assign(new Error("Limit must be between 0 and 100"), {
      code: "InvalidLimitException",
      status: 400,
    });
  const { fields, where } = parseExpression(String(params.Expression ?? ""));
  const kept = items.filter((i) => [...where].every(([field, values]) => values.has(String(i[field] ?? ""))));
  return {
    Results: kept.map((i) => JSON.stringify(Object.fromEntries(fields.map((f) => [f, i[f]])))),
    QueryInfo: { SelectFields: fields.map((Name) => ({ Name })) },
  };
}

/** Every account × region of the snapshot (global resources answer with us-east-1). */
export function placesOf(snapshot: Snapshot): { account: string; region: string }[] {
  const out = new Map<string, { account: string; region: string }>();
  for (const r of snapshot.resources) {
    const region = r.region === "global" ? "us-east-1" : r.region;
    out.set(`${r.account}/${region}`, { account: r.account, region });
  }
  return [...out.values()];
}

export const configHandler: ServiceHandler = {
  signingName: "config",
  protocol: "json",
  xmlNamespace: "",
  operations: {
    SelectResourceConfig: {
      schema: SelectResourceConfig$ as unknown as OperationSchema,
      paging: { items: "Results", token: "NextToken", limit: "Limit" },
      handle: ({ snapshot, account, region, params }) =>
        answer(configurationItems(snapshot, account, region, "query"), params),
    },
    SelectAggregateResourceConfig: {
      schema: SelectAggregateResourceConfig$ as unknown as OperationSchema,
      paging: { items: "Results", token: "NextToken", limit: "Limit" },
      handle: ({ snapshot, params }) => {
        if (params.ConfigurationAggregatorName !== LOOPBACK_AGGREGATOR)
          throw Object.assign(
            new Error(
              `The configuration aggregator does not exist: ${String(params.ConfigurationAggregatorName)}`,
            ),
            { code: "NoSuchConfigurationAggregatorException", status: 400 },
          );
        const items = placesOf(snapshot).flatMap((p) =>
          configurationItems(snapshot, p.account, p.region, "query"),
        );
        return answer(items, params);
      },
    },
  },
};

// ---------------------------------------------------------------------------------------------------
// What a snapshot built from AWS Config can be compared on.

/** Types a Config-built snapshot has: modelled types Config records (all asbuilt reads), and generic ones. */
export function configTypes(snapshot: Snapshot): Set<string> {
  return new Set(snapshot.resources.map((r) => r.type).filter((t) => !NOT_RECORDED.has(t)));
}

/**
 * The snapshot with what AWS Config does not record taken out, on both sides of a comparison: target
 * health (targets, and the target group → target edges), cache subnet groups (a cache's VPC, subnets
 * and parent), ECS tasks (task ENIs' attachment to their service) and services' running counts, regional
 * web ACL associations (CloudFront-scope ones come from the distributions' webACLId), S3 policy status (a
 * bucket with a policy is unknown: policyIsPublic true becomes null; false stays, it means no policy),
 * CloudFront distributions' tags and origin access control ids, Route 53 zones' record counts (and the
 * record sets, not a recorded type).
 */
export function configComparable(s: Snapshot): { resources: Resource[]; edges: Snapshot["edges"] } {
  const types = configTypes(s);
  const ecsServices = new Set(s.resources.filter((r) => r.type === "AWS::ECS::Service").map((r) => r.id));
  const distributions = new Set(
    s.resources.filter((r) => r.type === "AWS::CloudFront::Distribution").map((r) => r.id),
  );
  const compared = new Set(s.resources.filter((r) => types.has(r.type)).map((r) => r.id));
  const resources = s.resources
    .filter((r) => types.has(r.type))
    .map((r): Resource => {
      const c = structuredClone(r) as Resource & { props: Json };
      switch (c.type) {
        case "AWS::ElasticLoadBalancingV2::TargetGroup":
          c.props.targets = [];
          break;
        case "AWS::ElastiCache::CacheCluster":
          c.props.vpcId = null;
          c.props.subnetIds = [];
          delete c.parent;
          break;
        case "AWS::ElastiCache::ReplicationGroup":
          delete c.parent;
          break;
        case "AWS::ECS::Service":
          delete c.props.runningCount;
          break;
        case "AWS::EC2::VPC":
          // Config records no VPC Block Public Access.
          delete c.props.blockPublicAccess;
          break;
        case "AWS::EFS::FileSystem":
          delete c.props.lifeCycleState;
          delete c.props.numberOfMountTargets;
          break;
        case "AWS::WAFv2::WebACL":
          // A regional ACL's item names nothing it protects: unknown. CloudFront-scope ones are found
          // from the distributions.
          if (c.props.scope === "REGIONAL") delete c.props.associatedResourceArns;
          else
            c.props.associatedResourceArns = (c.props.associatedResourceArns as string[]).filter((a) =>
              distributions.has(a),
            );
          break;
        case "AWS::S3::Bucket":
          if (c.props.policyIsPublic === true) c.props.policyIsPublic = null;
          break;
        case "AWS::CloudFront::Distribution":
          c.tags = {};
          for (const o of c.props.origins as Json[]) o.originAccessControlId = null;
          break;
        case "AWS::Route53::HostedZone":
          c.props.recordCount = 0;
          break;
        case "AWS::Lambda::Function":
          // AWS Config records no function URLs.
          delete c.props.functionUrls;
          break;
        case "AWS::EC2::NetworkInterface":
          // Attached to an ECS service (through a task) or to what Config does not record (an RDS proxy).
          if (
            typeof c.props.attachedTo === "string" &&
            (ecsServices.has(c.props.attachedTo) || !compared.has(c.props.attachedTo))
          )
            c.props.attachedTo = null;
          break;
      }
      return c;
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = new Set(resources.map((r) => r.id));
  const byId = new Map(s.resources.map((r) => [r.id, r]));
  const edges = s.edges
    .filter((e) => ids.has(e.from) && ids.has(e.to))
    .filter(
      (e) =>
        !(
          e.kind === "targets" &&
          byId.get(e.from)?.type === "AWS::ElasticLoadBalancingV2::TargetGroup" &&
          byId.get(e.to)?.type !== "AWS::ECS::Service"
        ),
    )
    .filter((e) => e.kind !== "protects" || distributions.has(e.to))
    .filter(
      (e) => !(e.kind === "attached" && ecsServices.has(e.to) && e.from.includes(":network-interface/")),
    )
    .sort((a, b) => (a.from + a.to + a.kind < b.from + b.to + b.kind ? -1 : 1));
  return { resources, edges };
}
