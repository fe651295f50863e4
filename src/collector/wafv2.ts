import {
  GetWebACLCommand,
  ListResourcesForWebACLCommand,
  ListTagsForResourceCommand,
  ListWebACLsCommand,
  type Tag,
  WAFV2Client,
  type WebACL,
  type WebACLSummary,
} from "@aws-sdk/client-wafv2";
import type { ResourceOf } from "../model/snapshot.ts";
import { defineService, type Where } from "./types.ts";
import { Collected, nameOf, tagsOf } from "./util.ts";

export interface Wafv2Raw {
  acls: {
    scope: "REGIONAL" | "CLOUDFRONT";
    summary: WebACLSummary;
    acl: WebACL | undefined;
    resources: string[];
    tags: Tag[];
  }[];
}

const op = (command: string) => ({ command, iam: [`wafv2:${command}`] });

export default defineService<Wafv2Raw>({
  service: "wafv2",
  global: false,
  operations: [op("ListWebACLs"), op("GetWebACL"), op("ListResourcesForWebACL"), op("ListTagsForResource")],
  async fetch(ctx) {
    const client = ctx.client(WAFV2Client);
    // CloudFront web ACLs live in us-east-1 only; they are read with that region's scan.
    const scopes: ("REGIONAL" | "CLOUDFRONT")[] =
      ctx.region === "us-east-1" ? ["REGIONAL", "CLOUDFRONT"] : ["REGIONAL"];
    const acls: Wafv2Raw["acls"] = [];
    for (const scope of scopes) {
      const summaries: WebACLSummary[] = [];
      let marker: string | undefined;
      do {
        const page = await client.send(
          new ListWebACLsCommand({ Scope: scope, Limit: 100, NextMarker: marker }),
        );
        summaries.push(...(page.WebACLs ?? []));
        marker = page.NextMarker;
      } while (marker);
      // Rules, associations and tags have no account-wide call: one of each per web ACL.
      for (const summary of summaries) {
        const [acl, resources, tags] = await Promise.all([
          client
            .send(new GetWebACLCommand({ Scope: scope, Name: summary.Name, Id: summary.Id }))
            .then((r) => r.WebACL),
          scope === "REGIONAL"
            ? client
                .send(
                  new ListResourcesForWebACLCommand({
                    WebACLArn: summary.ARN,
                    ResourceType: "APPLICATION_LOAD_BALANCER",
                  }),
                )
                .then((r) => r.ResourceArns ?? [])
            : Promise.resolve([]),
          client
            .send(new ListTagsForResourceCommand({ ResourceARN: summary.ARN }))
            .then((r) => r.TagInfoForResource?.TagList ?? []),
        ]);
        acls.push({ scope, summary, acl, resources, tags });
      }
    }
    return { acls };
  },
  normalize: normalizeWafv2,
});

export function normalizeWafv2(raw: Wafv2Raw, where: Where) {
  const out = new Collected();
  for (const { scope, summary, acl, resources, tags: tagList } of raw.acls) {
    if (!summary.ARN || !summary.Id) continue;
    const tags = tagsOf(tagList);
    out.add<ResourceOf<"AWS::WAFv2::WebACL">>({
      id: summary.ARN,
      type: "AWS::WAFv2::WebACL",
      account: where.account,
      region: scope === "CLOUDFRONT" ? "global" : where.region,
      name: nameOf(tags, summary.Name) ?? summary.Id,
      tags,
      props: {
        webAclId: summary.Id,
        scope,
        defaultAction: acl?.DefaultAction?.Block ? "block" : "allow",
        ruleNames: (acl?.Rules ?? []).flatMap((r) => (r.Name ? [r.Name] : [])),
        // CloudFront associations are on the distributions (WebACLId); the link pass fills them in.
        associatedResourceArns: resources,
      },
    });
    for (const r of resources) out.edge(summary.ARN, r, "protects");
  }
  return out.result();
}
