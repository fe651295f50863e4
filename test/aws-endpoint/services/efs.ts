import {
  DescribeFileSystems$,
  DescribeMountTargetSecurityGroups$,
  DescribeMountTargets$,
} from "@aws-sdk/client-efs";
import type { KnownType } from "../../../src/model/props.ts";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// EFS's Describe* answers built from the snapshot: the inverse of src/collector/efs/api.ts. Requests AWS
// would refuse are refused the same way (DescribeMountTargets needs a file system, mount target or
// access point id).

const of = <T extends KnownType>(rs: readonly Resource[], type: T) =>
  rs.filter((r): r is ResourceOf<T> => r.type === type);
const paging = (items: string) => ({ items, token: "Marker", nextToken: "NextMarker", limit: "MaxItems" });

function notFound(code: string, message: string): never {
  throw Object.assign(new Error(message), { code, status: 404 });
}

export const efsHandler: ServiceHandler = {
  signingName: "elasticfilesystem",
  protocol: "rest-json",
  xmlNamespace: "",
  operations: {
    DescribeFileSystems: {
      schema: DescribeFileSystems$ as unknown as OperationSchema,
      paging: paging("FileSystems"),
      handle: ({ resources, account }) => ({
        FileSystems: of(resources, "AWS::EFS::FileSystem").map((f) => ({
          OwnerId: account,
          CreationToken: `console-${f.props.fileSystemId}`,
          FileSystemId: f.props.fileSystemId,
          FileSystemArn: f.id,
          CreationTime: 1735689600,
          LifeCycleState: f.props.lifeCycleState ?? "available",
          Name: f.tags.Name,
          NumberOfMountTargets: f.props.numberOfMountTargets ?? 0,
          SizeInBytes: { Value: 6144 },
          PerformanceMode: f.props.performanceMode ?? "generalPurpose",
          Encrypted: f.props.encrypted,
          KmsKeyId: f.props.kmsKeyId ?? undefined,
          ThroughputMode: f.props.throughputMode,
          Tags: Object.entries(f.tags).map(([Key, Value]) => ({ Key, Value })),
        })),
      }),
    },
    DescribeMountTargets: {
      schema: DescribeMountTargets$ as unknown as OperationSchema,
      paging: paging("MountTargets"),
      handle: ({ resources, params, account }) => {
        const fsId = params.FileSystemId;
        if (fsId === undefined && params.MountTargetId === undefined && params.AccessPointId === undefined)
          throw Object.assign(new Error("FileSystemId, MountTargetId or AccessPointId is required"), {
            code: "BadRequest",
            status: 400,
          });
        if (
          fsId !== undefined &&
          !of(resources, "AWS::EFS::FileSystem").some((f) => f.props.fileSystemId === fsId)
        )
          notFound("FileSystemNotFound", `File system '${String(fsId)}' does not exist.`);
        return {
          MountTargets: of(resources, "AWS::EFS::MountTarget")
            .filter((m) =>
              fsId !== undefined
                ? m.props.fileSystemId === fsId
                : m.props.mountTargetId === params.MountTargetId,
            )
            .map((m) => ({
              OwnerId: account,
              MountTargetId: m.props.mountTargetId,
              FileSystemId: m.props.fileSystemId,
              SubnetId: m.props.subnetId,
              LifeCycleState: "available",
              IpAddress: m.props.ipAddress ?? undefined,
              NetworkInterfaceId: m.props.networkInterfaceId ?? undefined,
              AvailabilityZoneName: m.props.availabilityZone ?? undefined,
              VpcId: m.props.vpcId ?? undefined,
            })),
        };
      },
    },
    DescribeMountTargetSecurityGroups: {
      schema: DescribeMountTargetSecurityGroups$ as unknown as OperationSchema,
      handle: ({ resources, params }) => {
        const mt = of(resources, "AWS::EFS::MountTarget").find(
          (m) => m.props.mountTargetId === params.MountTargetId,
        );
        if (!mt)
          notFound("MountTargetNotFound", `Mount target '${String(params.MountTargetId)}' does not exist.`);
        return { SecurityGroups: mt.props.securityGroupIds ?? [] };
      },
    },
  },
};
