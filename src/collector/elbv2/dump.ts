import {
  DescribeTags$ as DescribeElbv2Tags$,
  DescribeListeners$,
  DescribeLoadBalancerAttributes$,
  DescribeLoadBalancers$,
  DescribeTargetGroups$,
  DescribeTargetHealth$,
  type TagDescription,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { type DumpReader, dumpReader, items, uniqueBy } from "../import/dump.ts";
import api, { type Elbv2Raw } from "./api.ts";

const dump: DumpReader<unknown> = dumpReader<Elbv2Raw>({
  module: api,
  files: {
    "elbv2-describe-load-balancers": { op: DescribeLoadBalancers$, list: "LoadBalancers" },
    "elbv2-describe-load-balancer-attributes": {
      op: DescribeLoadBalancerAttributes$,
      list: "Attributes",
      perResource: "load balancer ARN",
    },
    "elbv2-describe-listeners": { op: DescribeListeners$, list: "Listeners" },
    "elbv2-describe-target-groups": { op: DescribeTargetGroups$, list: "TargetGroups" },
    "elbv2-describe-target-health": {
      op: DescribeTargetHealth$,
      list: "TargetHealthDescriptions",
      perResource: "target group ARN",
    },
    "elbv2-describe-tags": { op: DescribeElbv2Tags$, list: "TagDescriptions" },
  },
  required: [
    "elbv2-describe-load-balancers",
    "elbv2-describe-listeners",
    "elbv2-describe-target-groups",
    "elbv2-describe-tags",
  ],
  records: {
    "elbv2-describe-load-balancers": ["AWS::ElasticLoadBalancingV2::LoadBalancer"],
    "elbv2-describe-listeners": ["AWS::ElasticLoadBalancingV2::Listener"],
    "elbv2-describe-target-groups": ["AWS::ElasticLoadBalancingV2::TargetGroup"],
    "elbv2-describe-tags": [
      "AWS::ElasticLoadBalancingV2::LoadBalancer.tags",
      "AWS::ElasticLoadBalancingV2::Listener.tags",
      "AWS::ElasticLoadBalancingV2::TargetGroup.tags",
    ],
  },
  // No load balancers listed: nothing has listeners, and CloudMapper's per-load-balancer target group and
  // tag files have nothing to be named after.
  notNeeded: (get) =>
    get("elbv2-describe-load-balancers").length > 0 &&
    items(get, "elbv2-describe-load-balancers", "LoadBalancers").length === 0
      ? ["elbv2-describe-listeners", "elbv2-describe-target-groups", "elbv2-describe-tags"]
      : [],
  build: (get) => {
    const targetGroups = uniqueBy(
      items<Elbv2Raw["targetGroups"][number]>(get, "elbv2-describe-target-groups", "TargetGroups"),
      (t) => t.TargetGroupArn,
    );
    const targetHealth: Elbv2Raw["targetHealth"] = {};
    for (const r of get<{ TargetHealthDescriptions?: Elbv2Raw["targetHealth"][string] }>(
      "elbv2-describe-target-health",
    ))
      if (r.param) targetHealth[r.param] = r.out.TargetHealthDescriptions ?? [];
    const attributes: Elbv2Raw["attributes"] = {};
    for (const r of get<{ Attributes?: Elbv2Raw["attributes"][string] }>(
      "elbv2-describe-load-balancer-attributes",
    ))
      if (r.param) attributes[r.param] = r.out.Attributes ?? [];
    const tags: Elbv2Raw["tags"] = {};
    for (const d of items<TagDescription>(get, "elbv2-describe-tags", "TagDescriptions"))
      if (d.ResourceArn) tags[d.ResourceArn] = d.Tags ?? [];
    const noHealth = targetGroups.filter(
      (t) => t.TargetGroupArn && !(t.TargetGroupArn in targetHealth),
    ).length;
    // CloudMapper's collect asks for tags per load balancer (elbv2-describe-tags/<LB ARN>) and lists target
    // groups per load balancer: target groups' tags are then not recorded, nor target groups no LB uses.
    const tagResponses = get("elbv2-describe-tags");
    const perLbTags = tagResponses.length > 0 && tagResponses.every((r) => r.param !== undefined);
    const notRecorded = perLbTags
      ? ["AWS::ElasticLoadBalancingV2::TargetGroup.tags", "AWS::ElasticLoadBalancingV2::Listener.tags"]
      : [];
    const loadBalancers = uniqueBy(
      items<Elbv2Raw["loadBalancers"][number]>(get, "elbv2-describe-load-balancers", "LoadBalancers"),
      (l) => l.LoadBalancerArn,
    );
    const noAttributes = loadBalancers.filter(
      (l) => l.LoadBalancerArn && !(l.LoadBalancerArn in attributes),
    ).length;
    return {
      notRecorded,
      raw: {
        loadBalancers,
        listeners: uniqueBy(
          items<Elbv2Raw["listeners"][number]>(get, "elbv2-describe-listeners", "Listeners"),
          (l) => l.ListenerArn,
        ),
        targetGroups,
        targetHealth,
        tags,
        attributes,
      },
      gaps: [
        ...(noHealth > 0
          ? [
              `no elbv2-describe-target-health response for ${noHealth} target group(s): their targets are empty`,
            ]
          : []),
        ...(perLbTags
          ? [
              "tags read per load balancer only (elbv2-describe-tags/<LB ARN>): not those of target groups and listeners",
            ]
          : []),
        ...(noAttributes > 0
          ? [
              `no elbv2-describe-load-balancer-attributes response for ${noAttributes} load balancer(s): their access logs and deletion protection are unknown`,
            ]
          : []),
      ],
    };
  },
});

export default dump;
