import { describe, expect, it } from "vitest";
import { importPaths } from "../import/index.ts";
import { ACCOUNT, dump, REGION } from "../import/test-dump.ts";

describe("EFS from an AWS CLI dump", () => {
  it("reads file systems, per-file-system mount targets and per-mount-target groups; a missing answer stays unknown", async () => {
    const at = (op: string, id: string) => `${ACCOUNT}/${REGION}/${op}/${id}`;
    const root = await dump({
      [`${ACCOUNT}/${REGION}/efs-describe-file-systems.json`]: {
        FileSystems: [
          { FileSystemId: "fs-1", Name: "shared", Encrypted: true, NumberOfMountTargets: 1 },
          { FileSystemId: "fs-2", Name: "unread", Encrypted: false },
        ],
      },
      [at("efs-describe-mount-targets", "fs-1")]: {
        MountTargets: [
          { MountTargetId: "fsmt-1", FileSystemId: "fs-1", SubnetId: "subnet-1", VpcId: "vpc-1" },
          { MountTargetId: "fsmt-2", FileSystemId: "fs-1", SubnetId: "subnet-2", VpcId: "vpc-1" },
        ],
      },
      [at("efs-describe-mount-target-security-groups", "fsmt-1")]: { SecurityGroups: ["sg-1"] },
    });
    const r = await importPaths([root]);
    const mts = r.snapshot.resources.filter((x) => x.type === "AWS::EFS::MountTarget");
    expect(mts.map((m) => (m.props as { securityGroupIds?: string[] }).securityGroupIds)).toEqual([
      ["sg-1"],
      undefined,
    ]);
    expect(r.snapshot.resources.filter((x) => x.type === "AWS::EFS::FileSystem")).toHaveLength(2);
    const c = r.snapshot.coverage.find((x) => x.service === "efs");
    expect(c).toMatchObject({ status: "partial", notRecorded: ["AWS::EFS::MountTarget"] });
    expect(c?.error).toMatch(/efs-describe-mount-targets .* 1 file system/);
  });
});
