import type { IconKey } from "./icon-files.ts";

// How each resource type is drawn, in one table keyed by its CloudFormation type (as awslabs/diagram-as-code
// keeps its definitions): the AWS Architecture Icon, the short name under the resource's own name, and how it
// sits in a VPC. Types missing here are drawn with the generic icon and their type name.

export type Placement =
  /** In the one subnet it lives in (an instance, a NAT gateway). */
  | "subnet"
  /** In the subnet of its AZ among the subnets it may use (an RDS instance, a cache node). */
  | "subnet-by-az"
  /** Across the subnets it lives in (a load balancer, an interface endpoint, an ECS service). */
  | "span"
  /** On the VPC's border (an internet gateway). */
  | "border";

export interface Kind {
  short: string;
  icon: IconKey;
  placement: Placement;
}

export const KINDS: Record<string, Kind> = {
  "AWS::EC2::Instance": { short: "EC2 instance", icon: "ec2-instance", placement: "subnet" },
  "AWS::EC2::NatGateway": { short: "NAT gateway", icon: "nat-gateway", placement: "subnet" },
  "AWS::EC2::InternetGateway": { short: "internet gateway", icon: "internet-gateway", placement: "border" },
  "AWS::EC2::VPCEndpoint": { short: "VPC endpoint", icon: "vpc-endpoint", placement: "span" },
  "AWS::EC2::VPCPeeringConnection": { short: "peering connection", icon: "vpc-peering", placement: "span" },
  "AWS::EC2::TransitGatewayAttachment": {
    short: "TGW attachment",
    icon: "tgw-attachment",
    placement: "span",
  },
  "AWS::ElasticLoadBalancingV2::LoadBalancer": { short: "load balancer", icon: "alb", placement: "span" },
  "AWS::ElasticLoadBalancing::LoadBalancer": {
    short: "classic load balancer",
    icon: "clb",
    placement: "span",
  },
  "AWS::EFS::MountTarget": { short: "EFS mount target", icon: "efs", placement: "subnet" },
  "AWS::RDS::DBInstance": { short: "RDS instance", icon: "rds", placement: "subnet-by-az" },
  "AWS::RDS::DBCluster": { short: "RDS cluster", icon: "rds-cluster", placement: "span" },
  "AWS::RDS::DBProxy": { short: "RDS proxy", icon: "rds-proxy", placement: "span" },
  "AWS::ElastiCache::CacheCluster": { short: "cache node", icon: "cache-node", placement: "subnet-by-az" },
  "AWS::AutoScaling::AutoScalingGroup": {
    short: "Auto Scaling group",
    icon: "auto-scaling",
    placement: "span",
  },
  "AWS::ECS::Cluster": { short: "ECS cluster", icon: "ecs", placement: "span" },
  "AWS::ECS::Service": { short: "ECS service", icon: "ecs-service", placement: "span" },
  "AWS::ECS::Task": { short: "ECS task", icon: "ecs-service", placement: "span" },
  "AWS::Lambda::Function": { short: "Lambda function", icon: "lambda", placement: "span" },
  "AWS::S3::Bucket": { short: "S3 bucket", icon: "s3", placement: "span" },
  "AWS::CloudFront::Distribution": { short: "CloudFront", icon: "cloudfront", placement: "span" },
  "AWS::Route53::HostedZone": { short: "hosted zone", icon: "route53", placement: "span" },
  "AWS::WAFv2::WebACL": { short: "WAF web ACL", icon: "waf", placement: "span" },
  "AWS::CertificateManager::Certificate": { short: "certificate", icon: "acm", placement: "span" },
  "AWS::SecretsManager::Secret": { short: "secret", icon: "secrets-manager", placement: "span" },
  "AWS::ECR::Repository": { short: "ECR repository", icon: "ecr", placement: "span" },
  "AWS::ElasticBeanstalk::Environment": {
    short: "Beanstalk environment",
    icon: "beanstalk",
    placement: "span",
  },
  "AWS::Batch::JobQueue": { short: "Batch job queue", icon: "batch", placement: "span" },
  internet: { short: "users", icon: "users", placement: "span" },
};

export function kindOf(type: string): Kind | undefined {
  return KINDS[type];
}

/** Short names for types: the text under a resource's name and the aggregate's noun. */
export function shortType(type: string): string {
  return KINDS[type]?.short ?? type.split("::").slice(1).join(" ");
}

/** The icon of a resource: by type, and by what the type leaves open (the kind of load balancer). */
export function iconOf(type: string, props?: unknown): IconKey {
  if (type === "AWS::ElasticLoadBalancingV2::LoadBalancer") {
    const t = (props as { loadBalancerType?: unknown } | undefined)?.loadBalancerType;
    if (t === "network") return "nlb";
    if (t === "gateway") return "gwlb";
  }
  return KINDS[type]?.icon ?? "generic";
}

export { PASSIVE_TYPES } from "../../../src/model/passive-types.ts";
