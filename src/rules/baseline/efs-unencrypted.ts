import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "efs-unencrypted",
    title: "EFS file system is not encrypted at rest",
    severity: "high",
    pack: "baseline",
    resourceTypes: ["AWS::EFS::FileSystem"],
    what: "An EFS file system created with Encrypted=false.",
    why: "The files (often uploads, shared home directories, application state) sit unencrypted on AWS's storage and in every backup; encryption at rest can only be chosen when the file system is created.",
    fix: "Create an encrypted file system (aws efs create-file-system --encrypted --kms-key-id …), copy the data with AWS DataSync, switch the mount targets over and delete the old one.",
    references: ["FSBP EFS.1", "CIS 2.4.1"],
    problem: "encryption",
    needs: ["AWS::EFS::FileSystem.encrypted"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const fs of ctx.graph.ofType("AWS::EFS::FileSystem")) {
      if (fs.props.encrypted) continue;
      if (fs.props.encrypted === undefined) {
        out.push(unverified(fs, [notRecorded(fs, "Encrypted")]));
        continue;
      }
      out.push({
        resource: fs,
        message: `EFS file system ${label(fs)} stores its files unencrypted.`,
        evidence: ["Encrypted is false"],
      });
    }
    return out;
  },
});
