import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "ebs-unencrypted",
    title: "EBS volume is not encrypted",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::EC2::Volume"],
    what: "An EBS volume without encryption.",
    why: "Unencrypted volumes, and every snapshot made from them, expose the disk's data to anyone who gets a copy (a shared or leaked snapshot).",
    fix: "Turn on EBS encryption by default (aws ec2 enable-ebs-encryption-by-default) and replace the volume with an encrypted copy (snapshot, copy with --encrypted, create volume, swap).",
    references: ["FSBP EC2.3", "CIS 2.2.1"],
    problem: "encryption",
    needs: ["AWS::EC2::Volume.encrypted"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const v of ctx.graph.ofType("AWS::EC2::Volume")) {
      if (v.props.encrypted) continue;
      if (v.props.encrypted === undefined) {
        out.push(unverified(v, [notRecorded(v, "Encrypted")]));
        continue;
      }
      const attached = v.props.attachments.map((a) =>
        ctx.graph.ec2(v, "instance", a.instanceId, "AWS::EC2::Instance"),
      );
      const names = attached.flatMap((i) => (i ? [label(i)] : []));
      out.push({
        resource: v,
        message: `EBS volume ${label(v)}${names.length ? ` (attached to ${names.join(", ")})` : ""} is not encrypted.`,
        evidence: [
          `${v.props.sizeGiB ?? "?"} GiB ${v.props.volumeType ?? "volume"} in ${v.props.availabilityZone}, Encrypted false`,
        ],
      });
    }
    return out;
  },
});
