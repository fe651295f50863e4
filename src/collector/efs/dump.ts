import {
  DescribeFileSystems$,
  DescribeMountTargetSecurityGroups$,
  DescribeMountTargets$,
  type MountTargetDescription,
} from "@aws-sdk/client-efs";
import { type DumpReader, dumpReader, items } from "../import/dump.ts";
import api, { type EfsRaw } from "./api.ts";

// `aws efs describe-file-systems`, and per file system `aws efs describe-mount-targets --file-system-id`,
// per mount target `aws efs describe-mount-target-security-groups --mount-target-id` (folders named after
// the parameter, as CloudMapper lays out per-resource calls).
const dump: DumpReader<unknown> = dumpReader<EfsRaw>({
  module: api,
  files: {
    "efs-describe-file-systems": { op: DescribeFileSystems$, list: "FileSystems" },
    "efs-describe-mount-targets": {
      op: DescribeMountTargets$,
      list: "MountTargets",
      perResource: "file system id",
    },
    "efs-describe-mount-target-security-groups": {
      op: DescribeMountTargetSecurityGroups$,
      list: "SecurityGroups",
      perResource: "mount target id",
    },
  },
  required: ["efs-describe-file-systems"],
  records: { "efs-describe-file-systems": ["AWS::EFS::FileSystem"] },
  build: (get) => {
    const fileSystems = items<EfsRaw["fileSystems"][number]>(get, "efs-describe-file-systems", "FileSystems");
    const mountTargets: MountTargetDescription[] = [];
    const mountTargetsOf: string[] = [];
    for (const r of get<{ MountTargets?: MountTargetDescription[] }>("efs-describe-mount-targets")) {
      mountTargets.push(...(r.out.MountTargets ?? []));
      if (r.param) mountTargetsOf.push(r.param);
    }
    const securityGroups: EfsRaw["securityGroups"] = {};
    for (const r of get<{ SecurityGroups?: string[] }>("efs-describe-mount-target-security-groups"))
      if (r.param) securityGroups[r.param] = r.out.SecurityGroups ?? [];
    const unread = fileSystems.filter((f) => f.FileSystemId && !mountTargetsOf.includes(f.FileSystemId));
    const noGroups = mountTargets.filter((m) => m.MountTargetId && !(m.MountTargetId in securityGroups));
    return {
      raw: { fileSystems, mountTargets, securityGroups },
      gaps: [
        ...(unread.length > 0
          ? [
              `no efs-describe-mount-targets response for ${unread.length} file system(s): their mount targets are unknown`,
            ]
          : []),
        ...(noGroups.length > 0
          ? [
              `no efs-describe-mount-target-security-groups response for ${noGroups.length} mount target(s): their security groups are unknown`,
            ]
          : []),
      ],
      ...(unread.length > 0 ? { notRecorded: ["AWS::EFS::MountTarget"] } : {}),
    };
  },
});

export default dump;
