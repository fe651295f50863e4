// Types that never open connections: a flow drawn from one would be traffic nobody sends (a load balancer's
// own connections are its target edges). The diagram's view leaves such flows out unless a finding is about
// them. Shared by the view (src/report/diagram-view.ts) and the diagram's draw table (web/src/diagram/kinds.ts);
// it depends on nothing, so the library build and the web bundle can both take it.
export const PASSIVE_TYPES: ReadonlySet<string> = new Set([
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::ElasticLoadBalancing::LoadBalancer",
  "AWS::EFS::MountTarget",
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBCluster",
  "AWS::ElastiCache::CacheCluster",
  "AWS::S3::Bucket",
  "AWS::CloudFront::Distribution",
]);
