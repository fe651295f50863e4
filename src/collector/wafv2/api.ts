import type { Tag, WAFV2Client, WebACL, WebACLSummary } from "@aws-sdk/client-wafv2";
import pLimit from "p-limit";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { Collected, nameOf, tagsOf } from "../util.ts";

export type WafScope = "REGIONAL" | "CLOUDFRONT";

export interface Wafv2Raw {
  acls: {
    scope: WafScope;
    summary: WebACLSummary;
    /** GetWebACL's WebACL: the default action and the rules. */
    acl: WebACL | undefined;
    /**
     * ListResourcesForWebACL's ResourceArns (regional ACLs only: see fetch); undefined when the source did
     * not record what the ACL protects (an AWS Config item without relationships).
     */
    resources: string[] | undefined;
    tags: Tag[];
  }[];
}

const op = (command: string) => ({ command, iam: [`wafv2:${command}`] });
/** The largest Limit ListWebACLs and ListTagsForResource accept. */
const LIMIT = 100;

/** Calls one wafv2 task keeps in flight (its per-resource calls). */
const CONCURRENCY = 4;

export default defineService<Wafv2Raw>({
  service: "wafv2",
  global: false,
  concurrency: CONCURRENCY,
  operations: [op("ListWebACLs"), op("GetWebACL"), op("ListResourcesForWebACL"), op("ListTagsForResource")],

  async fetch(ctx) {
    const { GetWebACLCommand, ListResourcesForWebACLCommand, ListWebACLsCommand, WAFV2Client } = await import(
      "./sdk.ts"
    );
    const client = ctx.client(WAFV2Client);
    // CloudFront-scope web ACLs exist only in us-east-1's API: they are read with that region's scan.
    const scopes: WafScope[] = ctx.region === "us-east-1" ? ["REGIONAL", "CLOUDFRONT"] : ["REGIONAL"];
    // Per-ACL calls grow with the account; WAF's API allows few requests per second.
    const limit = pLimit(CONCURRENCY);
    const perScope = await Promise.all(
      scopes.map(async (scope) => {
        // The SDK has no paginators for WAFv2: NextMarker is followed by hand.
        const summaries: WebACLSummary[] = [];
        let marker: string | undefined;
        do {
          const page = await client.send(
            new ListWebACLsCommand({ Scope: scope, Limit: LIMIT, NextMarker: marker }),
          );
          summaries.push(...(page.WebACLs ?? []));
          marker = page.NextMarker;
        } while (marker);
        // Rules, associations and tags have no account-wide call: one of each per web ACL.
        return Promise.all(
          summaries.map(async (summary) => {
            const [acl, resources, tags] = await Promise.all([
              limit(() =>
                client.send(new GetWebACLCommand({ Scope: scope, Name: summary.Name, Id: summary.Id })),
              ).then((r) => r.WebACL),
              // ListResourcesForWebACL cannot answer for CloudFront (AWS points to CloudFront's
              // ListDistributionsByWebACLId); those associations are on the distributions' WebACLId.
              // Regional ACLs: load balancers are what asbuilt models.
              scope === "REGIONAL"
                ? limit(() =>
                    client.send(
                      new ListResourcesForWebACLCommand({
                        WebACLArn: summary.ARN,
                        ResourceType: "APPLICATION_LOAD_BALANCER",
                      }),
                    ),
                  ).then((r) => r.ResourceArns ?? [])
                : Promise.resolve([]),
              limit(() => tagsOfAcl(client, summary.ARN)),
            ]);
            return { scope, summary, acl, resources, tags };
          }),
        );
      }),
    );
    return { acls: perScope.flat() };
  },

  normalize: normalizeWafv2,
});

/** ListTagsForResource pages with NextMarker like the list calls (a resource has at most 50 tags, so one page in practice). */
async function tagsOfAcl(client: WAFV2Client, arn: string | undefined): Promise<Tag[]> {
  const sdk = await import("./sdk.ts");
  const out: Tag[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(
      new sdk.ListTagsForResourceCommand({ ResourceARN: arn, Limit: LIMIT, NextMarker: marker }),
    );
    out.push(...(page.TagInfoForResource?.TagList ?? []));
    marker = page.NextMarker;
  } while (marker);
  return out;
}

/** Pure: WAFv2 API output → web ACLs and what they protect. */
export function normalizeWafv2(raw: Wafv2Raw, where: Where) {
  const out = new Collected();
  for (const { scope, summary, acl, resources, tags: tagList } of raw.acls) {
    if (!summary.ARN || !summary.Id) continue;
    const tags = tagsOf(tagList);
    out.add<ResourceOf<"AWS::WAFv2::WebACL">>({
      id: summary.ARN,
      type: "AWS::WAFv2::WebACL",
      account: where.account,
      // CloudFront-scope ACLs belong to no region (their ARN says us-east-1 only because that API serves them).
      region: scope === "CLOUDFRONT" ? "global" : where.region,
      name: nameOf(tags, summary.Name) ?? summary.Id,
      tags,
      props: {
        webAclId: summary.Id,
        scope,
        // Unknown without the ACL's own description (GetWebACL): a summary does not say.
        defaultAction: acl?.DefaultAction ? (acl.DefaultAction.Block ? "block" : "allow") : undefined,
        ruleNames: (acl?.Rules ?? []).flatMap((r) => (r.Name ? [r.Name] : [])),
        // Empty for CloudFront-scope ACLs: WAFv2 cannot list their distributions. A CloudFront module
        // reading each distribution's WebACLId has to add them (and the protects edges).
        associatedResourceArns: resources,
      },
    });
    for (const r of resources ?? []) out.edge(summary.ARN, r, "protects");
  }
  return out.result();
}
