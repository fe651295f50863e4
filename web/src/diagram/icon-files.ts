// Which AWS Architecture Icon (from the aws-icons package, icons/<file>) each icon key is. Only these are
// bundled: scripts/icons.ts turns them into aws-icons.generated.ts.

export type IconNode = [tag: string, attrs: Record<string, string>, children: IconNode[]];
export interface IconTree {
  viewBox: string;
  nodes: IconNode[];
}

export const ICON_FILES = {
  // groups
  "group-cloud": "architecture-group/AWSCloudlogo.svg",
  "group-account": "architecture-group/AWSAccount.svg",
  "group-region": "architecture-group/Region.svg",
  "group-vpc": "architecture-group/VirtualprivatecloudVPC.svg",
  "group-public-subnet": "architecture-group/Publicsubnet.svg",
  "group-private-subnet": "architecture-group/Privatesubnet.svg",
  "group-asg": "architecture-group/AutoScalinggroup.svg",
  // resources and services
  users: "resource/Users.svg",
  "ec2-instance": "resource/AmazonEC2Instance.svg",
  "nat-gateway": "resource/AmazonVPCNATGateway.svg",
  "internet-gateway": "resource/AmazonVPCInternetGateway.svg",
  "vpc-endpoint": "resource/AmazonVPCEndpoints.svg",
  "vpc-peering": "resource/AmazonVPCPeeringConnection.svg",
  "tgw-attachment": "resource/AWSTransitGatewayAttachment.svg",
  alb: "resource/ElasticLoadBalancingApplicationLoadBalancer.svg",
  nlb: "resource/ElasticLoadBalancingNetworkLoadBalancer.svg",
  gwlb: "resource/ElasticLoadBalancingGatewayLoadBalancer.svg",
  clb: "resource/ElasticLoadBalancingClassicLoadBalancer.svg",
  efs: "resource/AmazonElasticFileSystemFileSystem.svg",
  rds: "architecture-service/AmazonRDS.svg",
  "rds-cluster": "resource/AmazonRDSMultiAZDBCluster.svg",
  "rds-proxy": "resource/AmazonRDSProxyInstance.svg",
  "cache-node": "resource/AmazonElastiCacheCacheNode.svg",
  "auto-scaling": "architecture-service/AmazonEC2AutoScaling.svg",
  ecs: "architecture-service/AmazonElasticContainerService.svg",
  "ecs-service": "resource/AmazonElasticContainerServiceService.svg",
  lambda: "architecture-service/AWSLambda.svg",
  s3: "architecture-service/AmazonSimpleStorageService.svg",
  cloudfront: "architecture-service/AmazonCloudFront.svg",
  route53: "architecture-service/AmazonRoute53.svg",
  waf: "architecture-service/AWSWAF.svg",
  acm: "architecture-service/AWSCertificateManager.svg",
  "secrets-manager": "architecture-service/AWSSecretsManager.svg",
  ecr: "architecture-service/AmazonElasticContainerRegistry.svg",
  beanstalk: "architecture-service/AWSElasticBeanstalk.svg",
  batch: "architecture-service/AWSBatch.svg",
  generic: "resource/GenericApplication.svg",
} as const;

export type IconKey = keyof typeof ICON_FILES;
