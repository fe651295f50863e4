import { DescribeDomains$, ListDomainNames$ } from "@aws-sdk/client-opensearch";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// OpenSearch's ListDomainNames and DescribeDomains built from the snapshot: the inverse of
// src/collector/opensearch. The access policy is written back from what the model keeps of it (open to
// anyone, anyone under a condition, or the account only). Tags come from the Tagging API handler.

type Domain = ResourceOf<"AWS::OpenSearch::Domain">;
const domains = (rs: readonly Resource[]) =>
  rs.filter((r): r is Domain => r.type === "AWS::OpenSearch::Domain");

function policyOf(d: Domain): string | undefined {
  if (d.props.accessPolicyOpen === undefined) return undefined;
  const resource = `${d.id}/*`;
  const conditions = d.props.accessPolicyConditions ?? [];
  const statement = d.props.accessPolicyOpen
    ? { Effect: "Allow", Principal: { AWS: "*" }, Action: "es:*", Resource: resource }
    : conditions.length > 0
      ? {
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "es:*",
          Resource: resource,
          Condition: { IpAddress: Object.fromEntries(conditions.map((k) => [k, "203.0.113.7"])) },
        }
      : {
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${d.account}:root` },
          Action: "es:*",
          Resource: resource,
        };
  return JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
}

export const opensearchHandler: ServiceHandler = {
  signingName: "es",
  protocol: "rest-json",
  xmlNamespace: "",
  operations: {
    ListDomainNames: {
      schema: ListDomainNames$ as unknown as OperationSchema,
      handle: ({ resources }) => ({
        DomainNames: domains(resources).map((d) => ({
          DomainName: d.props.domainName,
          EngineType: "OpenSearch",
        })),
      }),
    },
    DescribeDomains: {
      schema: DescribeDomains$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const wanted = new Set(Array.isArray(params.DomainNames) ? (params.DomainNames as string[]) : []);
        return {
          DomainStatusList: domains(resources)
            .filter((d) => wanted.has(d.props.domainName))
            .map((d) => ({
              DomainId: `${d.account}/${d.props.domainName}`,
              DomainName: d.props.domainName,
              ARN: d.id,
              Created: true,
              Deleted: false,
              EngineVersion: d.props.engineVersion,
              ...(d.props.publicEndpoint
                ? { Endpoint: d.props.endpoints[0] }
                : { Endpoints: { vpc: d.props.endpoints[0] } }),
              ...(d.props.vpcId
                ? {
                    VPCOptions: {
                      VPCId: d.props.vpcId,
                      SubnetIds: d.props.subnetIds,
                      SecurityGroupIds: d.props.securityGroupIds,
                    },
                  }
                : {}),
              ClusterConfig: { InstanceType: "r6g.large.search", InstanceCount: 2 },
              AccessPolicies: policyOf(d),
              EncryptionAtRestOptions:
                d.props.encryptionAtRest !== undefined ? { Enabled: d.props.encryptionAtRest } : undefined,
              NodeToNodeEncryptionOptions:
                d.props.nodeToNodeEncryption !== undefined
                  ? { Enabled: d.props.nodeToNodeEncryption }
                  : undefined,
              DomainEndpointOptions:
                d.props.enforceHttps !== undefined ? { EnforceHTTPS: d.props.enforceHttps } : undefined,
            })),
        };
      },
    },
  },
};
