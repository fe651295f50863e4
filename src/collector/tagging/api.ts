import type { ResourceTagMapping } from "@aws-sdk/client-resource-groups-tagging-api";
import { isKnownType } from "../../model/props.ts";
import { type GenericResource, Region } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, tagsOf } from "../util.ts";

// The Resource Groups Tagging API lists every tagged resource of a region, whatever its service, so a
// scan shows what asbuilt has no module for (secrets, queues, Beanstalk environments, pipelines…) instead
// of leaving it invisible. Such resources are kept as generic resources: a type, a name and the tags.
//
// Resources of modelled types are left to their own module (which reads their real props): an ARN whose
// type is modelled yields nothing here, whether or not that module ran, so a generic copy can never stand
// in for, or shadow, a modelled resource. (SERVICES also lists this module last.)

export interface TaggingRaw {
  mappings: ResourceTagMapping[];
}

export default defineService<TaggingRaw>({
  service: "tagging",
  global: false,
  operations: [{ command: "GetResources", iam: ["tag:GetResources"] }],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.ResourceGroupsTaggingAPIClient);
    // 100 is the API's maximum page size.
    const mappings = await all(
      sdk.paginateGetResources({ client, pageSize: 100 }, {}),
      (p) => p.ResourceTagMappingList,
    );
    return { mappings };
  },

  normalize(raw, where) {
    return normalizeTagging(raw, where);
  },
});

/** Pure: GetResources output → a generic resource for each ARN of a type no module models. */
export function normalizeTagging(raw: TaggingRaw, where: Where) {
  const out = new Collected();
  for (const m of raw.mappings) {
    if (!m.ResourceARN) continue;
    const arn = parseArn(m.ResourceARN);
    if (!arn) continue;
    const kind = arnType(arn.service, arn.resource);
    if (kind === "skip" || isKnownType(kind.type)) continue;
    const tags = tagsOf(m.Tags);
    out.add<GenericResource>({
      id: m.ResourceARN,
      type: kind.type,
      // The ARN says where the resource lives; an ARN without a region (IAM, S3) is a global resource.
      account: /^\d{12}$/.test(arn.account) ? arn.account : where.account,
      region: arn.region === "" ? "global" : Region.safeParse(arn.region).success ? arn.region : where.region,
      name: nameOf(tags, kind.name) ?? kind.name,
      tags,
      props: {},
    });
  }
  return out.result();
}

interface Arn {
  service: string;
  region: string;
  account: string;
  /** Everything after the account: "secret:db-AbCdEf", "repository/team/app", "my-queue". */
  resource: string;
}

export function parseArn(arn: string): Arn | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, , service = "", region = "", account = ""] = parts;
  return { service, region, account, resource: parts.slice(5).join(":") };
}

/** How to name a resource from the part of its resource string after the type prefix. */
type Namer = (rest: string) => string;
interface ArnTypeEntry {
  type: string;
  name?: Namer;
}

/** The last segment of a path-like id: "app/env" → "env". */
const lastSegment: Namer = (rest) =>
  rest
    .split(/[/:]/)
    .filter((s) => s !== "")
    .pop() ?? rest;
const whole: Namer = (rest) => rest;

/**
 * CloudFormation type by ARN service and resource-type prefix ("" for ARNs with no resource type, such as
 * SQS queues and S3 buckets). Every modelled type is listed, so that it is recognised and skipped; the
 * others are the usual unmodelled ones whose name PascalCase would not guess. Anything else falls back to
 * "AWS::<Service>::<ResourceType>" (best effort).
 */
const ARN_TYPES: Record<string, Record<string, string | ArnTypeEntry>> = {
  ec2: {
    vpc: "AWS::EC2::VPC",
    subnet: "AWS::EC2::Subnet",
    "route-table": "AWS::EC2::RouteTable",
    "internet-gateway": "AWS::EC2::InternetGateway",
    natgateway: "AWS::EC2::NatGateway",
    "elastic-ip": "AWS::EC2::EIP",
    "security-group": "AWS::EC2::SecurityGroup",
    "network-acl": "AWS::EC2::NetworkAcl",
    "network-interface": "AWS::EC2::NetworkInterface",
    instance: "AWS::EC2::Instance",
    "vpc-peering-connection": "AWS::EC2::VPCPeeringConnection",
    "vpc-endpoint": "AWS::EC2::VPCEndpoint",
    "vpc-endpoint-service": "AWS::EC2::VPCEndpointService",
    "transit-gateway-attachment": "AWS::EC2::TransitGatewayAttachment",
    "vpc-flow-log": "AWS::EC2::FlowLog",
    volume: "AWS::EC2::Volume",
    "dhcp-options": "AWS::EC2::DHCPOptions",
    "vpn-gateway": "AWS::EC2::VPNGateway",
    "vpn-connection": "AWS::EC2::VPNConnection",
  },
  elasticloadbalancing: {
    "loadbalancer/app": "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "loadbalancer/net": "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "loadbalancer/gwy": "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "listener/app": "AWS::ElasticLoadBalancingV2::Listener",
    "listener/net": "AWS::ElasticLoadBalancingV2::Listener",
    "listener/gwy": "AWS::ElasticLoadBalancingV2::Listener",
    targetgroup: "AWS::ElasticLoadBalancingV2::TargetGroup",
    "listener-rule": "AWS::ElasticLoadBalancingV2::ListenerRule",
    // A Classic Load Balancer: "loadbalancer/<name>", no type segment.
    loadbalancer: "AWS::ElasticLoadBalancing::LoadBalancer",
  },
  rds: {
    db: "AWS::RDS::DBInstance",
    cluster: "AWS::RDS::DBCluster",
    "db-proxy": "AWS::RDS::DBProxy",
    "db-proxy-endpoint": "AWS::RDS::DBProxyEndpoint",
    subgrp: "AWS::RDS::DBSubnetGroup",
    pg: "AWS::RDS::DBParameterGroup",
    "cluster-pg": "AWS::RDS::DBClusterParameterGroup",
    og: "AWS::RDS::OptionGroup",
    snapshot: "AWS::RDS::DBSnapshot",
    "cluster-snapshot": "AWS::RDS::DBClusterSnapshot",
    es: "AWS::RDS::EventSubscription",
  },
  elasticache: {
    cluster: "AWS::ElastiCache::CacheCluster",
    replicationgroup: "AWS::ElastiCache::ReplicationGroup",
    subnetgroup: "AWS::ElastiCache::SubnetGroup",
    parametergroup: "AWS::ElastiCache::ParameterGroup",
    serverlesscache: "AWS::ElastiCache::ServerlessCache",
    usergroup: "AWS::ElastiCache::UserGroup",
  },
  s3: { "": "AWS::S3::Bucket" },
  cloudfront: { distribution: "AWS::CloudFront::Distribution" },
  route53: { hostedzone: "AWS::Route53::HostedZone", healthcheck: "AWS::Route53::HealthCheck" },
  acm: { certificate: "AWS::CertificateManager::Certificate" },
  wafv2: {
    "regional/webacl": "AWS::WAFv2::WebACL",
    "global/webacl": "AWS::WAFv2::WebACL",
    "regional/ipset": "AWS::WAFv2::IPSet",
    "global/ipset": "AWS::WAFv2::IPSet",
    "regional/rulegroup": "AWS::WAFv2::RuleGroup",
    "global/rulegroup": "AWS::WAFv2::RuleGroup",
    "regional/regexpatternset": "AWS::WAFv2::RegexPatternSet",
    "global/regexpatternset": "AWS::WAFv2::RegexPatternSet",
  },
  autoscaling: { autoScalingGroup: "AWS::AutoScaling::AutoScalingGroup" },
  ecs: {
    cluster: "AWS::ECS::Cluster",
    service: "AWS::ECS::Service",
    "task-definition": "AWS::ECS::TaskDefinition",
    "capacity-provider": "AWS::ECS::CapacityProvider",
  },
  lambda: {
    function: "AWS::Lambda::Function",
    "event-source-mapping": "AWS::Lambda::EventSourceMapping",
  },
  // Secrets Manager appends "-" and six random characters to a secret's name in its ARN.
  secretsmanager: {
    secret: { type: "AWS::SecretsManager::Secret", name: (rest) => rest.replace(/-[A-Za-z0-9]{6}$/, "") },
  },
  sqs: { "": "AWS::SQS::Queue" },
  sns: { "": "AWS::SNS::Topic" },
  elasticbeanstalk: {
    application: "AWS::ElasticBeanstalk::Application",
    applicationversion: "AWS::ElasticBeanstalk::ApplicationVersion",
    environment: "AWS::ElasticBeanstalk::Environment",
    configurationtemplate: "AWS::ElasticBeanstalk::ConfigurationTemplate",
  },
  batch: {
    "job-queue": "AWS::Batch::JobQueue",
    "compute-environment": "AWS::Batch::ComputeEnvironment",
    "job-definition": "AWS::Batch::JobDefinition",
    "scheduling-policy": "AWS::Batch::SchedulingPolicy",
  },
  // Repository names may contain "/" ("team/app").
  ecr: { repository: { type: "AWS::ECR::Repository", name: whole } },
  codepipeline: { "": "AWS::CodePipeline::Pipeline", webhook: "AWS::CodePipeline::Webhook" },
  codebuild: { project: "AWS::CodeBuild::Project", "report-group": "AWS::CodeBuild::ReportGroup" },
  dynamodb: { table: "AWS::DynamoDB::Table" },
  kms: { key: "AWS::KMS::Key", alias: "AWS::KMS::Alias" },
  // "log-group:/aws/lambda/fn" (some APIs append ":*").
  logs: { "log-group": { type: "AWS::Logs::LogGroup", name: (rest) => rest.replace(/:\*$/, "") } },
  states: { stateMachine: "AWS::StepFunctions::StateMachine", activity: "AWS::StepFunctions::Activity" },
  events: { rule: "AWS::Events::Rule", "event-bus": "AWS::Events::EventBus" },
  ssm: { parameter: { type: "AWS::SSM::Parameter", name: whole }, document: "AWS::SSM::Document" },
  elasticfilesystem: { "file-system": "AWS::EFS::FileSystem", "access-point": "AWS::EFS::AccessPoint" },
  // OpenSearch keeps Elasticsearch's namespace; AWS Config's type name, which asbuilt models (not CloudFormation's
  // AWS::OpenSearchService::Domain, which left a generic copy shadowing the scanned domain).
  es: { domain: "AWS::OpenSearch::Domain" },
  kinesis: { stream: "AWS::Kinesis::Stream" },
  firehose: { deliverystream: "AWS::KinesisFirehose::DeliveryStream" },
  "cognito-idp": { userpool: "AWS::Cognito::UserPool" },
  cloudwatch: { alarm: "AWS::CloudWatch::Alarm", dashboard: "AWS::CloudWatch::Dashboard" },
  iam: {
    role: "AWS::IAM::Role",
    user: "AWS::IAM::User",
    policy: "AWS::IAM::ManagedPolicy",
    "instance-profile": "AWS::IAM::InstanceProfile",
  },
  eks: { cluster: "AWS::EKS::Cluster", nodegroup: "AWS::EKS::Nodegroup" },
  cloudformation: { stack: "AWS::CloudFormation::Stack" },
  cloudtrail: { trail: "AWS::CloudTrail::Trail" },
  backup: { "backup-vault": "AWS::Backup::BackupVault", "backup-plan": "AWS::Backup::BackupPlan" },
};

/**
 * Resource types listed by the Tagging API that are not resources of an architecture: ECS tasks come and
 * go by the minute and are seen through their service; a security group's rules are part of the group.
 */
const SKIP: Record<string, readonly string[]> = { ecs: ["task"], ec2: ["security-group-rule"] };

/** Service namespaces whose CloudFormation name PascalCase would not guess. */
const SERVICE_NAMES: Record<string, string> = {
  apigateway: "ApiGateway",
  appsync: "AppSync",
  athena: "Athena",
  cloudfront: "CloudFront",
  codecommit: "CodeCommit",
  codedeploy: "CodeDeploy",
  "cognito-identity": "Cognito",
  elasticmapreduce: "EMR",
  glue: "Glue",
  kafka: "MSK",
  mq: "AmazonMQ",
  "network-firewall": "NetworkFirewall",
  redshift: "Redshift",
  route53resolver: "Route53Resolver",
  sagemaker: "SageMaker",
  servicediscovery: "ServiceDiscovery",
};

/** The CloudFormation service name the table already uses for this namespace ("ec2" → "EC2"). */
function serviceOfTable(service: string): string | undefined {
  const first = Object.values(ARN_TYPES[service] ?? {})[0];
  if (first === undefined) return undefined;
  return (typeof first === "string" ? first : first.type).split("::")[1];
}

const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");

/**
 * API Gateway's resource strings are paths: /restapis/<id> (REST, a modelled type), /apis/<id> (HTTP and
 * WebSocket, modelled), and their stages below them.
 */
function apiGatewayType(resource: string): { type: string; name: string } | undefined {
  const m = /^\/(restapis|apis)\/([^/]+)(?:\/stages\/([^/]+))?$/.exec(resource);
  if (!m?.[2]) return undefined;
  const v = m[1] === "apis" ? "AWS::ApiGatewayV2" : "AWS::ApiGateway";
  if (m[3]) return { type: `${v}::Stage`, name: m[3] };
  return { type: m[1] === "apis" ? `${v}::Api` : `${v}::RestApi`, name: m[2] };
}

/** The type and name an ARN's service and resource string stand for, or "skip". */
export function arnType(service: string, resource: string): { type: string; name: string } | "skip" {
  const at = (prefix: string) =>
    prefix === "" || resource.startsWith(`${prefix}/`) || resource.startsWith(`${prefix}:`);
  const rest = (prefix: string) => (prefix === "" ? resource : resource.slice(prefix.length + 1));
  if ((SKIP[service] ?? []).some(at)) return "skip";
  if (service === "apigateway") {
    const api = apiGatewayType(resource);
    if (api) return api;
  }
  // The longest matching prefix wins: "loadbalancer/app" before "loadbalancer", "cluster-pg" is not "cluster".
  const entries = Object.entries(ARN_TYPES[service] ?? {}).sort(([a], [b]) => b.length - a.length);
  for (const [prefix, entry] of entries) {
    if (!at(prefix)) continue;
    const { type, name = lastSegment } = typeof entry === "string" ? { type: entry } : entry;
    return { type, name: name(rest(prefix)) || resource };
  }
  // Best effort: "arn:aws:foo-bar:…:widget/w-1" → AWS::FooBar::Widget, named "w-1".
  const separator = resource.search(/[/:]/);
  const kind = separator > 0 ? resource.slice(0, separator) : "";
  const serviceName = SERVICE_NAMES[service] ?? serviceOfTable(service) ?? (pascal(service) || "Unknown");
  return {
    type: `AWS::${serviceName}::${pascal(kind) || "Resource"}`,
    name: lastSegment(kind ? resource.slice(separator + 1) : resource) || resource,
  };
}
