// Types that never open connections: databases, caches, load balancers (a load balancer's own connections
// are its target edges, which reachability follows as listener → target group → target), buckets and CDNs.
// Reachability never starts a flow from one (src/analysis), and the diagram's view leaves such flows out
// unless a finding is about them. Shared by analysis, the view (src/report/diagram-view.ts) and the
// diagram's draw table (web/src/diagram/kinds.ts); it depends on nothing, so the library build and the web
// bundle can both take it. Types not modelled yet are listed by name so that they count once they are.
export const PASSIVE_TYPES: ReadonlySet<string> = new Set([
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::ElasticLoadBalancing::LoadBalancer",
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBCluster",
  "AWS::ElastiCache::CacheCluster",
  "AWS::ElastiCache::ReplicationGroup",
  "AWS::Redshift::Cluster",
  "AWS::OpenSearch::Domain",
  "AWS::OpenSearchService::Domain",
  "AWS::Elasticsearch::Domain",
  "AWS::EFS::FileSystem",
  "AWS::EFS::MountTarget",
  "AWS::S3::Bucket",
  "AWS::CloudFront::Distribution",
]);

/** The passive types that do open connections, to their own targets only: load balancers, old and new. */
export const LOAD_BALANCER_TYPES: ReadonlySet<string> = new Set([
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::ElasticLoadBalancing::LoadBalancer",
]);
