// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  DescribeLoadBalancerAttributesCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingClient,
  paginateDescribeLoadBalancers,
} from "@aws-sdk/client-elastic-load-balancing";
