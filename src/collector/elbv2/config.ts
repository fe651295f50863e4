import {
  type Listener,
  Listener$,
  type LoadBalancer,
  LoadBalancer$,
  LoadBalancerAttribute$,
  type TargetGroup,
  TargetGroup$,
  TargetHealthDescription$,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { type ConfigReader, configReader, sdk, supplementary, tagList } from "../config/reader.ts";
import { fromJson } from "../shape.ts";
import api, { type Elbv2Raw } from "./api.ts";

const config: ConfigReader<unknown> = configReader<Elbv2Raw>({
  module: api,
  empty: () => ({
    loadBalancers: [],
    listeners: [],
    targetGroups: [],
    targetHealth: {},
    tags: {},
    attributes: {},
  }),
  types: {
    "AWS::ElasticLoadBalancingV2::LoadBalancer": (raw, i) => {
      const lb = sdk<LoadBalancer>(LoadBalancer$, i);
      lb.LoadBalancerArn ??= i.arn;
      lb.LoadBalancerName ??= i.resourceName;
      raw.loadBalancers.push(lb);
      if (!lb.LoadBalancerArn) return;
      raw.tags[lb.LoadBalancerArn] = tagList(i.tags);
      // Config records the attributes as supplementary [{key, value}]; an item without them leaves them unknown.
      const attrs = supplementary(i, "LoadBalancerAttributes");
      if (Array.isArray(attrs))
        raw.attributes[lb.LoadBalancerArn] = attrs.flatMap((a) => {
          const x = fromJson<Elbv2Raw["attributes"][string][number]>(LoadBalancerAttribute$, a);
          return x?.Key ? [x] : [];
        });
    },
    // CloudFormation-shaped in Config (ListenerArn, DefaultActions…): the same names, other case.
    "AWS::ElasticLoadBalancingV2::Listener": (raw, i) => {
      const l = sdk<Listener>(Listener$, i);
      l.ListenerArn ??= i.arn;
      raw.listeners.push(l);
      if (l.ListenerArn) raw.tags[l.ListenerArn] = tagList(i.tags);
    },
    "AWS::ElasticLoadBalancingV2::TargetGroup": (raw, i) => {
      const tg = sdk<TargetGroup>(TargetGroup$, i, { "TargetGroup.TargetGroupName": ["Name"] });
      tg.TargetGroupArn ??= i.arn;
      tg.TargetGroupName ??= i.resourceName;
      raw.targetGroups.push(tg);
      if (!tg.TargetGroupArn) return;
      raw.tags[tg.TargetGroupArn] = tagList(i.tags);
      // Only a CloudFormation-shaped item lists targets; Config records no target health.
      const targets = i.configuration.Targets ?? i.configuration.targets;
      if (Array.isArray(targets))
        raw.targetHealth[tg.TargetGroupArn] = targets.flatMap((t) => {
          const h = fromJson<Elbv2Raw["targetHealth"][string][number]>(TargetHealthDescription$, {
            Target: t,
          });
          return h?.Target?.Id ? [h] : [];
        });
    },
  },
});

export default config;
