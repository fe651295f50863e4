import { type DomainStatus, DomainStatus$ } from "@aws-sdk/client-opensearch";
import type { ConfigItem } from "../config/item.ts";
import { type ConfigReader, configReader, type Group, sdk, tagMapping } from "../config/reader.ts";
import api, { type OpenSearchRaw } from "./api.ts";

// AWS Config records domains as AWS::OpenSearch::Domain (CloudFormation's shape: DomainEndpoint,
// VPCOptions without a VPC id) and older ones as AWS::Elasticsearch::Domain (the Elasticsearch API's
// DomainStatus in camelCase: endpoint, endpoints.vpc, vpcoptions.vpcid, elasticsearchVersion). Both are read
// as the OpenSearch DomainStatus and become AWS::OpenSearch::Domain; one domain recorded under both types is
// kept once (by ARN). Neither records the access policy (aws-config-resource-schema lists no such property).
const ALIASES = {
  "DomainStatus.Endpoint": ["DomainEndpoint"],
  "DomainStatus.EngineVersion": ["ElasticsearchVersion"],
};

function add(raw: OpenSearchRaw, i: ConfigItem, g: Group) {
  const d = sdk<DomainStatus>(DomainStatus$, i, ALIASES);
  d.ARN ??= i.arn;
  d.DomainName ??= i.resourceName ?? i.resourceId;
  if (i.resourceType === "AWS::Elasticsearch::Domain" && d.EngineVersion && !d.EngineVersion.includes("_"))
    d.EngineVersion = `Elasticsearch_${d.EngineVersion}`;
  const vpc = d.VPCOptions;
  if (vpc && !vpc.VPCId) {
    const vpcId =
      (vpc.SubnetIds ?? []).map((s) => g.vpcOfSubnet.get(s)).find(Boolean) ??
      (vpc.SecurityGroupIds ?? []).map((s) => g.vpcOfGroup.get(s)).find(Boolean);
    if (vpcId) vpc.VPCId = vpcId;
  }
  raw.domains.push(d);
  raw.tags.push(...tagMapping(d.ARN, i.tags));
}

const config: ConfigReader<unknown> = configReader<OpenSearchRaw>({
  module: api,
  partial: {
    notRecorded: ["AWS::OpenSearch::Domain.accessPolicyOpen"],
    why: "AWS Config records no OpenSearch domain access policies, so who may call a domain is not known",
  },
  empty: () => ({ domains: [], tags: [] }),
  types: { "AWS::OpenSearch::Domain": add, "AWS::Elasticsearch::Domain": add },
});

export default config;
