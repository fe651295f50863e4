import {
  type Tag as CloudFrontTag,
  type DistributionSummary,
  ListTagsForResource$ as ListCloudFrontTags$,
  ListDistributions$,
} from "@aws-sdk/client-cloudfront";
import { type DumpReader, dumpReader, uniqueBy } from "../import/dump.ts";
import api, { type CloudFrontRaw } from "./api.ts";

// Global services: their files are in the us-east-1 folder (where CloudMapper puts them) or in "global".

const dump: DumpReader<unknown> = dumpReader<CloudFrontRaw>({
  module: api,
  files: {
    "cloudfront-list-distributions": { op: ListDistributions$ },
    "cloudfront-list-tags-for-resource": { op: ListCloudFrontTags$, perResource: "distribution ARN" },
  },
  required: ["cloudfront-list-distributions"],
  build: (get) => {
    const distributions = uniqueBy(
      get<{ DistributionList?: { Items?: DistributionSummary[] } }>("cloudfront-list-distributions").flatMap(
        (r) => r.out.DistributionList?.Items ?? [],
      ),
      (d) => d.ARN,
    );
    const tags: CloudFrontRaw["tags"] = {};
    for (const r of get<{ Tags?: { Items?: CloudFrontTag[] } }>("cloudfront-list-tags-for-resource"))
      if (r.param) tags[r.param] = r.out.Tags?.Items ?? [];
    const untagged = distributions.filter((d) => d.ARN && !(d.ARN in tags)).length;
    return {
      raw: { distributions, tags },
      gaps:
        untagged > 0
          ? [
              `no cloudfront-list-tags-for-resource response for ${untagged} distribution(s): their tags are empty`,
            ]
          : [],
    };
  },
});

export default dump;
