// Which resource types each AWS service of a scan records, and whether the service is global (read once per
// account, its coverage under region "global"). The collector's modules name their service; the model needs
// the table itself to answer "was this type recorded here?" from a snapshot's coverage (src/model/recorded.ts)
// without knowing the collector. A test checks that every module produces only its service's types.

export interface ServiceTypes {
  global: boolean;
  types: readonly string[];
}

export const SERVICE_TYPES: Readonly<Record<string, ServiceTypes>> = {
  ec2: {
    global: false,
    types: [
      "AWS::EC2::VPC",
      "AWS::EC2::Subnet",
      "AWS::EC2::RouteTable",
      "AWS::EC2::InternetGateway",
      "AWS::EC2::NatGateway",
      "AWS::EC2::EIP",
      "AWS::EC2::SecurityGroup",
      "AWS::EC2::NetworkAcl",
      "AWS::EC2::NetworkInterface",
      "AWS::EC2::Instance",
      "AWS::EC2::VPCPeeringConnection",
      "AWS::EC2::VPCEndpoint",
      "AWS::EC2::TransitGatewayAttachment",
      "AWS::EC2::FlowLog",
      "AWS::EC2::Volume",
      "AWS::EC2::PrefixList",
    ],
  },
  elbv2: {
    global: false,
    types: [
      "AWS::ElasticLoadBalancingV2::LoadBalancer",
      "AWS::ElasticLoadBalancingV2::Listener",
      "AWS::ElasticLoadBalancingV2::TargetGroup",
    ],
  },
  elb: { global: false, types: ["AWS::ElasticLoadBalancing::LoadBalancer"] },
  rds: { global: false, types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::RDS::DBProxy"] },
  elasticache: {
    global: false,
    types: ["AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup"],
  },
  autoscaling: { global: false, types: ["AWS::AutoScaling::AutoScalingGroup"] },
  ecs: { global: false, types: ["AWS::ECS::Cluster", "AWS::ECS::Service", "AWS::ECS::Task"] },
  lambda: { global: false, types: ["AWS::Lambda::Function"] },
  efs: { global: false, types: ["AWS::EFS::FileSystem", "AWS::EFS::MountTarget"] },
  redshift: { global: false, types: ["AWS::Redshift::Cluster"] },
  eks: { global: false, types: ["AWS::EKS::Cluster"] },
  opensearch: { global: false, types: ["AWS::OpenSearch::Domain"] },
  apigateway: { global: false, types: ["AWS::ApiGateway::RestApi"] },
  apigatewayv2: { global: false, types: ["AWS::ApiGatewayV2::Api"] },
  // Regional web ACLs are read in their region; CloudFront-scope ones in us-east-1, recorded as "global".
  wafv2: { global: false, types: ["AWS::WAFv2::WebACL"] },
  acm: { global: false, types: ["AWS::CertificateManager::Certificate"] },
  s3: { global: true, types: ["AWS::S3::Bucket"] },
  s3control: { global: true, types: ["AWS::S3::AccountPublicAccessBlock"] },
  cloudfront: { global: true, types: ["AWS::CloudFront::Distribution"] },
  route53: { global: true, types: ["AWS::Route53::HostedZone", "AWS::Route53::RecordSet"] },
};

/** The service that records a type, when one does. */
export const SERVICE_OF_TYPE: ReadonlyMap<string, string> = new Map(
  Object.entries(SERVICE_TYPES).flatMap(([service, s]) => s.types.map((t) => [t, service] as const)),
);
