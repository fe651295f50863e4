import { type FileSystemDescription, FileSystemDescription$ } from "@aws-sdk/client-efs";
import { type ConfigReader, configReader, sdk, tagList } from "../config/reader.ts";
import api, { type EfsRaw } from "./api.ts";

// AWS Config records a file system in CloudFormation's shape (FileSystemId, Arn, Encrypted, KmsKeyId,
// FileSystemTags…). It records no mount targets: where the file system is reachable from is unknown.
const config: ConfigReader<unknown> = configReader<EfsRaw>({
  module: api,
  empty: () => ({ fileSystems: [], mountTargets: [], securityGroups: {} }),
  types: {
    "AWS::EFS::FileSystem": (raw, i) => {
      const f = sdk<FileSystemDescription>(FileSystemDescription$, i, {
        "FileSystemDescription.FileSystemArn": ["Arn"],
        "FileSystemDescription.Tags": ["FileSystemTags"],
      });
      f.FileSystemId ??= i.resourceId;
      f.FileSystemArn ??= i.arn;
      if (Object.keys(i.tags).length > 0 || f.Tags === undefined) f.Tags = tagList(i.tags);
      raw.fileSystems.push(f);
    },
  },
  partial: {
    notRecorded: ["AWS::EFS::MountTarget"],
    why: "AWS Config records EFS file systems but not their mount targets",
  },
});

export default config;
