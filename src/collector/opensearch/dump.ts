import {
  DescribeDomain$,
  DescribeDomains$,
  type DomainStatus,
  ListDomainNames$,
} from "@aws-sdk/client-opensearch";
import {
  type DumpReader,
  dumpReader,
  items,
  TAGGING_FILE,
  taggingFile,
  tagMappings,
} from "../import/dump.ts";
import api, { type OpenSearchRaw } from "./api.ts";

// Domains come from `aws opensearch describe-domains` or `aws es describe-elasticsearch-domains` (a list),
// or one file per domain as CloudMapper's collect writes them: es-list-domain-names.json names the domains,
// es-describe-elasticsearch-domain/<name> describes each. The Elasticsearch API's DomainStatus is read with
// the OpenSearch shape: the members asbuilt reads (VPCOptions, AccessPolicies, Endpoint(s), encryption,
// DomainEndpointOptions) are named alike; its ElasticsearchVersion is not read, so engineVersion stays unknown.
const LISTS = ["opensearch-list-domain-names", "es-list-domain-names"] as const;
const MANY = ["opensearch-describe-domains", "es-describe-elasticsearch-domains"] as const;
const ONE = ["opensearch-describe-domain", "es-describe-elasticsearch-domain"] as const;

const dump: DumpReader<unknown> = dumpReader<OpenSearchRaw>({
  module: api,
  files: {
    "opensearch-list-domain-names": { op: ListDomainNames$, list: "DomainNames" },
    "es-list-domain-names": { op: ListDomainNames$, list: "DomainNames" },
    "opensearch-describe-domains": { op: DescribeDomains$, list: "DomainStatusList" },
    "es-describe-elasticsearch-domains": { op: DescribeDomains$, list: "DomainStatusList" },
    "opensearch-describe-domain": { op: DescribeDomain$, perResource: "domain name" },
    "es-describe-elasticsearch-domain": { op: DescribeDomain$, perResource: "domain name" },
    [TAGGING_FILE]: taggingFile,
  },
  required: [TAGGING_FILE],
  records: { [TAGGING_FILE]: ["AWS::OpenSearch::Domain.tags"] },
  build: (get) => {
    const byName = new Map<string, DomainStatus>();
    for (const f of MANY)
      for (const d of items<DomainStatus>(get, f, "DomainStatusList"))
        if (d.DomainName) byName.set(d.DomainName, d);
    for (const f of ONE)
      for (const r of get<{ DomainStatus?: DomainStatus }>(f)) {
        const d = r.out.DomainStatus;
        const name = d?.DomainName ?? r.param;
        if (d && name) byName.set(name, { ...d, DomainName: name });
      }
    const listed = LISTS.flatMap((f) =>
      items<{ DomainName?: string }>(get, f, "DomainNames").flatMap((d) =>
        d.DomainName ? [d.DomainName] : [],
      ),
    );
    const missing = [...new Set(listed.filter((n) => !byName.has(n)))];
    return {
      raw: { domains: [...byName.values()], tags: tagMappings(get) },
      gaps:
        missing.length > 0
          ? [`no describe-domain(s) response for ${missing.length} listed domain(s): ${missing.join(", ")}`]
          : [],
      ...(missing.length > 0 ? { notRecorded: ["AWS::OpenSearch::Domain"] } : {}),
    };
  },
});

export default dump;
