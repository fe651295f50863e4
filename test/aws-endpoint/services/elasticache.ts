import {
  DescribeCacheClusters$,
  DescribeCacheSubnetGroups$,
  DescribeReplicationGroups$,
} from "@aws-sdk/client-elasticache";
import type { KnownType } from "../../../src/model/props.ts";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// ElastiCache's Describe* answers built from the snapshot: the inverse of src/collector/elasticache.ts.
// Cache clusters only name their subnet group; the groups are derived from the clusters' subnets.

const of = <T extends KnownType>(rs: readonly Resource[], type: T) =>
  rs.filter((r): r is ResourceOf<T> => r.type === type);
const paging = (items: string) => ({ items, token: "Marker", limit: "MaxRecords" });
const groupName = (c: ResourceOf<"AWS::ElastiCache::CacheCluster">) =>
  `${c.props.replicationGroupId ?? c.props.cacheClusterId}-subnets`;

export const elasticacheHandler: ServiceHandler = {
  signingName: "elasticache",
  protocol: "query",
  xmlNamespace: "http://elasticache.amazonaws.com/doc/2015-02-02/",
  operations: {
    DescribeCacheClusters: {
      schema: DescribeCacheClusters$ as unknown as OperationSchema,
      paging: paging("CacheClusters"),
      handle: ({ resources }) => ({
        CacheClusters: of(resources, "AWS::ElastiCache::CacheCluster").map((c) => ({
          CacheClusterId: c.props.cacheClusterId,
          ARN: c.id,
          Engine: c.props.engine,
          EngineVersion: c.props.engineVersion,
          CacheNodeType: c.props.cacheNodeType,
          NumCacheNodes: c.props.numCacheNodes,
          CacheClusterStatus: "available",
          ReplicationGroupId: c.props.replicationGroupId ?? undefined,
          PreferredAvailabilityZone: c.props.preferredAvailabilityZone ?? undefined,
          CacheSubnetGroupName: c.props.vpcId ? groupName(c) : undefined,
          SecurityGroups: c.props.securityGroupIds.map((SecurityGroupId) => ({
            SecurityGroupId,
            Status: "active",
          })),
          CacheNodes:
            c.props.port !== null
              ? [
                  {
                    CacheNodeId: "0001",
                    Endpoint: {
                      Address: `${c.props.cacheClusterId}.cache.amazonaws.com`,
                      Port: c.props.port,
                    },
                  },
                ]
              : [],
          AtRestEncryptionEnabled: c.props.atRestEncryptionEnabled,
          TransitEncryptionEnabled: c.props.transitEncryptionEnabled,
        })),
      }),
    },
    DescribeReplicationGroups: {
      schema: DescribeReplicationGroups$ as unknown as OperationSchema,
      paging: paging("ReplicationGroups"),
      handle: ({ resources }) => ({
        ReplicationGroups: of(resources, "AWS::ElastiCache::ReplicationGroup").map((g) => ({
          ReplicationGroupId: g.props.replicationGroupId,
          ARN: g.id,
          Description: g.props.description,
          Status: "available",
          MemberClusters: g.props.memberClusterIds,
          AutomaticFailover: g.props.automaticFailover,
          MultiAZ: g.props.multiAz ? "enabled" : "disabled",
          AtRestEncryptionEnabled: g.props.atRestEncryptionEnabled,
          TransitEncryptionEnabled: g.props.transitEncryptionEnabled,
          NodeGroups:
            g.props.port !== null
              ? [
                  {
                    NodeGroupId: "0001",
                    PrimaryEndpoint: {
                      Address: `${g.props.replicationGroupId}.cache.amazonaws.com`,
                      Port: g.props.port,
                    },
                  },
                ]
              : [],
        })),
      }),
    },
    DescribeCacheSubnetGroups: {
      schema: DescribeCacheSubnetGroups$ as unknown as OperationSchema,
      paging: paging("CacheSubnetGroups"),
      handle: ({ resources }) => {
        const groups = new Map<
          string,
          { CacheSubnetGroupName: string; VpcId: string; Subnets: { SubnetIdentifier: string }[] }
        >();
        for (const c of of(resources, "AWS::ElastiCache::CacheCluster")) {
          if (!c.props.vpcId) continue;
          groups.set(groupName(c), {
            CacheSubnetGroupName: groupName(c),
            VpcId: c.props.vpcId,
            Subnets: c.props.subnetIds.map((SubnetIdentifier) => ({ SubnetIdentifier })),
          });
        }
        return { CacheSubnetGroups: [...groups.values()] };
      },
    },
  },
};
