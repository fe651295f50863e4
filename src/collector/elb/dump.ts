import {
  DescribeLoadBalancerAttributes$,
  DescribeLoadBalancers$,
  DescribeTags$,
  type LoadBalancerAttributes,
  type TagDescription,
} from "@aws-sdk/client-elastic-load-balancing";
import { type DumpReader, dumpReader, items, uniqueBy } from "../import/dump.ts";
import api, { type ElbRaw } from "./api.ts";

// CloudMapper's collect writes `elb-describe-load-balancers.json`, one
// `elb-describe-load-balancer-attributes/<name>` per load balancer, and the tags.
const dump: DumpReader<unknown> = dumpReader<ElbRaw>({
  module: api,
  files: {
    "elb-describe-load-balancers": { op: DescribeLoadBalancers$, list: "LoadBalancerDescriptions" },
    "elb-describe-load-balancer-attributes": {
      op: DescribeLoadBalancerAttributes$,
      perResource: "load balancer name",
    },
    "elb-describe-tags": { op: DescribeTags$, list: "TagDescriptions" },
  },
  required: ["elb-describe-load-balancers", "elb-describe-tags"],
  records: {
    "elb-describe-load-balancers": ["AWS::ElasticLoadBalancing::LoadBalancer"],
    "elb-describe-tags": ["AWS::ElasticLoadBalancing::LoadBalancer.tags"],
  },
  build: (get) => {
    const loadBalancers = uniqueBy(
      items<ElbRaw["loadBalancers"][number]>(get, "elb-describe-load-balancers", "LoadBalancerDescriptions"),
      (l) => l.LoadBalancerName,
    );
    const tags: ElbRaw["tags"] = {};
    for (const d of items<TagDescription>(get, "elb-describe-tags", "TagDescriptions"))
      if (d.LoadBalancerName) tags[d.LoadBalancerName] = d.Tags ?? [];
    const attributes: ElbRaw["attributes"] = {};
    for (const r of get<{ LoadBalancerAttributes?: LoadBalancerAttributes }>(
      "elb-describe-load-balancer-attributes",
    ))
      if (r.param && r.out.LoadBalancerAttributes) attributes[r.param] = r.out.LoadBalancerAttributes;
    const unread = loadBalancers.filter((l) => l.LoadBalancerName && !(l.LoadBalancerName in attributes));
    return {
      raw: { loadBalancers, tags, attributes },
      gaps:
        unread.length > 0
          ? [
              `no elb-describe-load-balancer-attributes response for ${unread.length} classic load balancer(s): their access logs are unknown`,
            ]
          : [],
    };
  },
});

export default dump;
