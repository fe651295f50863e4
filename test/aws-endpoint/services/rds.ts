import {
  DescribeDBClusters$,
  DescribeDBInstances$,
  DescribeDBProxies$,
  DescribeDBProxyTargets$,
} from "@aws-sdk/client-rds";
import type { KnownType } from "../../../src/model/props.ts";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// RDS's Describe* answers built from the snapshot: the inverse of src/collector/rds.ts.

const of = <T extends KnownType>(rs: readonly Resource[], type: T) =>
  rs.filter((r): r is ResourceOf<T> => r.type === type);
const paging = (items: string) => ({ items, token: "Marker", limit: "MaxRecords" });
const tagList = (tags: Record<string, string>) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

export const rdsHandler: ServiceHandler = {
  signingName: "rds",
  protocol: "query",
  xmlNamespace: "http://rds.amazonaws.com/doc/2014-10-31/",
  operations: {
    DescribeDBInstances: {
      schema: DescribeDBInstances$ as unknown as OperationSchema,
      paging: paging("DBInstances"),
      handle: ({ resources }) => ({
        DBInstances: of(resources, "AWS::RDS::DBInstance").map((db) => ({
          DBInstanceIdentifier: db.props.dbInstanceIdentifier,
          DBInstanceArn: db.id,
          DBInstanceClass: db.props.instanceClass,
          Engine: db.props.engine,
          EngineVersion: db.props.engineVersion,
          DBInstanceStatus: "available",
          DBClusterIdentifier: db.props.dbClusterIdentifier ?? undefined,
          PubliclyAccessible: db.props.publiclyAccessible,
          MultiAZ: db.props.multiAz,
          StorageEncrypted: db.props.storageEncrypted,
          AvailabilityZone: db.props.availabilityZone ?? undefined,
          DBSubnetGroup: {
            DBSubnetGroupName: `${db.props.dbInstanceIdentifier}-subnets`,
            VpcId: db.props.vpcId ?? undefined,
            Subnets: db.props.subnetIds.map((SubnetIdentifier) => ({
              SubnetIdentifier,
              SubnetStatus: "Active",
            })),
          },
          VpcSecurityGroups: db.props.securityGroupIds.map((VpcSecurityGroupId) => ({
            VpcSecurityGroupId,
            Status: "active",
          })),
          Endpoint: db.props.endpoint
            ? { Address: db.props.endpoint.address, Port: db.props.endpoint.port }
            : undefined,
          BackupRetentionPeriod: db.props.backupRetentionPeriod,
          DeletionProtection: db.props.deletionProtection,
          TagList: tagList(db.tags),
        })),
      }),
    },
    DescribeDBClusters: {
      schema: DescribeDBClusters$ as unknown as OperationSchema,
      paging: paging("DBClusters"),
      handle: ({ resources }) => ({
        DBClusters: of(resources, "AWS::RDS::DBCluster").map((c) => ({
          DBClusterIdentifier: c.props.dbClusterIdentifier,
          DBClusterArn: c.id,
          Engine: c.props.engine,
          EngineVersion: c.props.engineVersion,
          MultiAZ: c.props.multiAz,
          StorageEncrypted: c.props.storageEncrypted,
          PubliclyAccessible: c.props.publiclyAccessible ?? undefined,
          AvailabilityZones: c.props.availabilityZones,
          VpcSecurityGroups: c.props.securityGroupIds.map((VpcSecurityGroupId) => ({ VpcSecurityGroupId })),
          Endpoint: c.props.endpoint?.address,
          Port: c.props.endpoint?.port,
          DBClusterMembers: c.props.memberInstanceIds.map((DBInstanceIdentifier) => ({
            DBInstanceIdentifier,
          })),
          BackupRetentionPeriod: c.props.backupRetentionPeriod,
          DeletionProtection: c.props.deletionProtection,
          TagList: tagList(c.tags),
        })),
      }),
    },
    DescribeDBProxies: {
      schema: DescribeDBProxies$ as unknown as OperationSchema,
      paging: paging("DBProxies"),
      handle: ({ resources }) => ({
        DBProxies: of(resources, "AWS::RDS::DBProxy").map((p) => ({
          DBProxyName: p.props.dbProxyName,
          DBProxyArn: p.id,
          EngineFamily: p.props.engineFamily,
          RequireTLS: p.props.requireTls,
          VpcId: p.props.vpcId,
          VpcSubnetIds: p.props.subnetIds,
          VpcSecurityGroupIds: p.props.securityGroupIds,
          Endpoint: p.props.endpoint ?? undefined,
          Status: "available",
        })),
      }),
    },
    DescribeDBProxyTargets: {
      schema: DescribeDBProxyTargets$ as unknown as OperationSchema,
      paging: paging("Targets"),
      handle: ({ resources, params }) => ({
        Targets: (
          of(resources, "AWS::RDS::DBProxy").find((p) => p.props.dbProxyName === params.DBProxyName)?.props
            .targetIds ?? []
        ).map((RdsResourceId) => ({ RdsResourceId, Type: "RDS_INSTANCE", Role: "READ_WRITE" })),
      }),
    },
  },
};
