import {
  GetWebACL$,
  ListResourcesForWebACL$,
  ListTagsForResource$ as ListWafTags$,
  ListWebACLs$,
  type TagInfoForResource,
  type WebACL,
  type WebACLSummary,
} from "@aws-sdk/client-wafv2";
import { type DumpReader, dumpReader, items, uniqueBy } from "../import/dump.ts";
import api, { type Wafv2Raw } from "./api.ts";

const dump: DumpReader<unknown> = dumpReader<Wafv2Raw>({
  module: api,
  files: {
    // Either scope: a web ACL's ARN says which (…:regional/webacl/… or …:global/webacl/…).
    "wafv2-list-web-acls": { op: ListWebACLs$, list: "WebACLs" },
    "wafv2-get-web-acl": { op: GetWebACL$ },
    "wafv2-list-resources-for-web-acl": {
      op: ListResourcesForWebACL$,
      list: "ResourceArns",
      perResource: "web ACL ARN",
    },
    "wafv2-list-tags-for-resource": { op: ListWafTags$ },
  },
  required: ["wafv2-list-web-acls"],
  build: (get) => {
    const acls = new Map<string, WebACL>();
    for (const r of get<{ WebACL?: WebACL }>("wafv2-get-web-acl"))
      if (r.out.WebACL?.ARN) acls.set(r.out.WebACL.ARN, r.out.WebACL);
    const summaries = uniqueBy(
      [
        ...items<WebACLSummary>(get, "wafv2-list-web-acls", "WebACLs"),
        ...[...acls.values()].map((a) => ({ ARN: a.ARN, Id: a.Id, Name: a.Name })),
      ],
      (s) => s.ARN,
    );
    const resources = new Map<string, string[]>();
    for (const r of get<{ ResourceArns?: string[] }>("wafv2-list-resources-for-web-acl"))
      if (r.param) resources.set(r.param, r.out.ResourceArns ?? []);
    const tags = new Map<string, TagInfoForResource>();
    for (const r of get<{ TagInfoForResource?: TagInfoForResource }>("wafv2-list-tags-for-resource")) {
      const arn = r.out.TagInfoForResource?.ResourceARN ?? r.param;
      if (arn && r.out.TagInfoForResource) tags.set(arn, r.out.TagInfoForResource);
    }
    const noRules = summaries.filter((s) => s.ARN && !acls.has(s.ARN)).length;
    const noTags = summaries.filter((s) => s.ARN && !tags.has(s.ARN)).length;
    return {
      raw: {
        acls: summaries.map((summary) => {
          const arn = summary.ARN ?? "";
          const scope = arn.includes(":global/webacl/") ? ("CLOUDFRONT" as const) : ("REGIONAL" as const);
          return {
            scope,
            summary,
            acl: acls.get(arn),
            resources: scope === "REGIONAL" ? (resources.get(arn) ?? []) : [],
            tags: tags.get(arn)?.TagList ?? [],
          };
        }),
      },
      gaps: [
        ...(noRules > 0
          ? [`no wafv2-get-web-acl response for ${noRules} web ACL(s): rules and default action unknown`]
          : []),
        ...(noTags > 0 ? [`no wafv2-list-tags-for-resource response for ${noTags} web ACL(s)`] : []),
      ],
    };
  },
});

export default dump;
