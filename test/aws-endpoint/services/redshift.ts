import { DescribeClusterSubnetGroups$, DescribeClusters$ } from "@aws-sdk/client-redshift";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// Redshift's DescribeClusters and DescribeClusterSubnetGroups built from the snapshot: the inverse of
// src/collector/redshift. The subnet groups are derived from the clusters' subnets.

type Cluster = ResourceOf<"AWS::Redshift::Cluster">;
const clusters = (rs: readonly Resource[]) =>
  rs.filter((r): r is Cluster => r.type === "AWS::Redshift::Cluster");
const paging = (items: string) => ({ items, token: "Marker", limit: "MaxRecords" });

export const redshiftHandler: ServiceHandler = {
  signingName: "redshift",
  protocol: "query",
  xmlNamespace: "http://redshift.amazonaws.com/doc/2012-12-01/",
  operations: {
    DescribeClusters: {
      schema: DescribeClusters$ as unknown as OperationSchema,
      paging: paging("Clusters"),
      handle: ({ resources }) => ({
        Clusters: clusters(resources).map((c) => ({
          ClusterIdentifier: c.props.clusterIdentifier,
          NodeType: c.props.nodeType,
          ClusterStatus: "available",
          MasterUsername: "admin",
          DBName: "dev",
          NumberOfNodes: c.props.numberOfNodes,
          PubliclyAccessible: c.props.publiclyAccessible,
          Encrypted: c.props.encrypted,
          AvailabilityZone: c.props.availabilityZone ?? undefined,
          ClusterSubnetGroupName: c.props.clusterSubnetGroupName ?? undefined,
          VpcId: c.props.vpcId ?? undefined,
          VpcSecurityGroups: c.props.securityGroupIds.map((VpcSecurityGroupId) => ({
            VpcSecurityGroupId,
            Status: "active",
          })),
          Endpoint: c.props.endpoint
            ? { Address: c.props.endpoint.address, Port: c.props.endpoint.port }
            : undefined,
          Tags: Object.entries(c.tags).map(([Key, Value]) => ({ Key, Value })),
        })),
      }),
    },
    DescribeClusterSubnetGroups: {
      schema: DescribeClusterSubnetGroups$ as unknown as OperationSchema,
      paging: paging("ClusterSubnetGroups"),
      handle: ({ resources }) => ({
        ClusterSubnetGroups: clusters(resources).flatMap((c) =>
          c.props.clusterSubnetGroupName && c.props.vpcId
            ? [
                {
                  ClusterSubnetGroupName: c.props.clusterSubnetGroupName,
                  VpcId: c.props.vpcId,
                  SubnetGroupStatus: "Complete",
                  Subnets: c.props.subnetIds.map((SubnetIdentifier) => ({
                    SubnetIdentifier,
                    SubnetStatus: "Active",
                  })),
                },
              ]
            : [],
        ),
      }),
    },
  },
};
