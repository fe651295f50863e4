import { DescribeCluster$, ListClusters$ } from "@aws-sdk/client-eks";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// EKS's ListClusters and DescribeCluster built from the snapshot: the inverse of src/collector/eks. The
// first of a cluster's security groups is served as its cluster security group, the rest as additional ones.

type Cluster = ResourceOf<"AWS::EKS::Cluster">;
const clusters = (rs: readonly Resource[]) => rs.filter((r): r is Cluster => r.type === "AWS::EKS::Cluster");

export const eksHandler: ServiceHandler = {
  signingName: "eks",
  protocol: "rest-json",
  xmlNamespace: "",
  operations: {
    ListClusters: {
      schema: ListClusters$ as unknown as OperationSchema,
      paging: { items: "clusters", token: "nextToken", limit: "maxResults" },
      handle: ({ resources }) => ({ clusters: clusters(resources).map((c) => c.props.name) }),
    },
    DescribeCluster: {
      schema: DescribeCluster$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const c = clusters(resources).find((x) => x.props.name === params.name);
        if (!c) return {};
        const [clusterSg, ...additional] = c.props.securityGroupIds;
        return {
          cluster: {
            name: c.props.name,
            arn: c.id,
            version: c.props.version,
            endpoint: c.props.endpoint ?? undefined,
            status: "ACTIVE",
            roleArn: `arn:aws:iam::${c.account}:role/${c.props.name}-cluster`,
            resourcesVpcConfig: {
              vpcId: c.props.vpcId ?? undefined,
              subnetIds: c.props.subnetIds,
              clusterSecurityGroupId: clusterSg,
              securityGroupIds: additional,
              endpointPublicAccess: c.props.endpointPublicAccess,
              endpointPrivateAccess: c.props.endpointPrivateAccess,
              publicAccessCidrs: c.props.publicAccessCidrs,
            },
            tags: c.tags,
          },
        };
      },
    },
  },
};
