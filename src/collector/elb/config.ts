import {
  type LoadBalancerAttributes,
  LoadBalancerAttributes$,
  type LoadBalancerDescription,
  LoadBalancerDescription$,
} from "@aws-sdk/client-elastic-load-balancing";
import { type ConfigReader, configReader, sdk, supplementary, tagList } from "../config/reader.ts";
import { fromJson } from "../shape.ts";
import api, { type ElbRaw } from "./api.ts";

// AWS Config records a classic load balancer as DescribeLoadBalancers' description in Java-bean case
// ("loadBalancerName", "dnsname", "vpcid", "listenerDescriptions"…), its attributes, where recorded, in
// supplementaryConfiguration.LoadBalancerAttributes.
const config: ConfigReader<unknown> = configReader<ElbRaw>({
  module: api,
  empty: () => ({ loadBalancers: [], tags: {}, attributes: {} }),
  types: {
    "AWS::ElasticLoadBalancing::LoadBalancer": (raw, i) => {
      const lb = sdk<LoadBalancerDescription>(LoadBalancerDescription$, i);
      lb.LoadBalancerName ??= i.resourceName ?? i.resourceId;
      raw.loadBalancers.push(lb);
      const name = lb.LoadBalancerName;
      raw.tags[name] = tagList(i.tags);
      const attrs = fromJson<LoadBalancerAttributes>(
        LoadBalancerAttributes$,
        supplementary(i, "LoadBalancerAttributes"),
      );
      if (attrs) raw.attributes[name] = attrs;
    },
  },
});

export default config;
