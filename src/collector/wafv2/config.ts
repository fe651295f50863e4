import { type WebACL, WebACL$ } from "@aws-sdk/client-wafv2";
import { type ConfigReader, configReader, tagList } from "../config/reader.ts";
import { fromJson } from "../shape.ts";
import api, { type Wafv2Raw } from "./api.ts";

const config: ConfigReader<unknown> = configReader<Wafv2Raw>({
  module: api,
  empty: () => ({ acls: [] }),
  types: {
    "AWS::WAFv2::WebACL": (raw, i) => {
      const conf = { ...i.configuration };
      // Some items give the default action as a string ("ALLOW", or its JSON).
      const action = conf.defaultAction ?? conf.DefaultAction;
      if (typeof action === "string") {
        let parsed: unknown;
        try {
          parsed = JSON.parse(action);
        } catch {
          parsed = /block/i.test(action) ? { Block: {} } : { Allow: {} };
        }
        delete conf.DefaultAction;
        conf.defaultAction = parsed;
      }
      const acl = (fromJson<WebACL>(WebACL$, conf) ?? {}) as WebACL;
      const arn = acl.ARN ?? i.arn;
      const id = acl.Id ?? i.resourceId;
      const name = acl.Name ?? i.resourceName;
      if (!arn) return;
      raw.acls.push({
        scope: arn.includes(":global/webacl/") ? "CLOUDFRONT" : "REGIONAL",
        summary: { ARN: arn, Id: id, ...(name ? { Name: name } : {}) },
        acl: { ...acl, ARN: arn, Id: id },
        // WAFv2 items name no protected resource; relationships to load balancers, where present, do. An item
        // without relationships (Config's, or a query that did not select them) leaves a regional ACL's
        // associations unknown, so that no load balancer is called unprotected on data nobody recorded.
        // CloudFront-scope ACLs are found from the distributions' webACLId (the CloudFront module).
        resources:
          i.relationships.length === 0 && !arn.includes(":global/webacl/")
            ? undefined
            : i.relationships
                .filter((r) => r.resourceType === "AWS::ElasticLoadBalancingV2::LoadBalancer")
                .map((r) => r.resourceId)
                .filter((r) => r.startsWith("arn:")),
        tags: tagList(i.tags),
      });
    },
  },
});

export default config;
