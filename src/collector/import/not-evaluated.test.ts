import { describe, expect, it } from "vitest";
import { parseSnapshot, serializeSnapshot } from "../../model/io.ts";
import { normalizeConfigItems } from "../config/normalize.ts";
import { item } from "../config/test-item.ts";
import { importPaths } from "./index.ts";
import { ACCOUNT, dump, REGION } from "./test-dump.ts";

describe("present, not evaluated, from imports", () => {
  it("lists dump files asbuilt has no reader for with the items they hold, in the snapshot; never silently", async () => {
    const at = (f: string) => `${ACCOUNT}/${REGION}/${f}`;
    const root = await dump({
      [at("ec2-describe-vpcs.json")]: { Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" }] },
      // CloudMapper's collect writes these; asbuilt reads neither.
      [at("sqs-list-queues.json")]: { QueueUrls: ["https://sqs/1/a", "https://sqs/1/b", "https://sqs/1/c"] },
      [at("lambda-get-policy/orders")]: { Policy: "{}" },
      [at("lambda-get-policy/emails")]: { Policy: "{}" },
      // Metadata, not resources: not listed (still skipped).
      [at("ec2-describe-availability-zones.json")]: { AvailabilityZones: [{ ZoneName: "eu-west-1a" }] },
    });
    const { snapshot, skipped } = await importPaths([root]);
    expect(snapshot.notEvaluated).toEqual([
      { account: ACCOUNT, region: REGION, type: "aws lambda get-policy", count: 2, source: "dump" },
      { account: ACCOUNT, region: REGION, type: "aws sqs list-queues", count: 3, source: "dump" },
    ]);
    expect(skipped.map((s) => s.reason)).toContain(
      "AWS CLI output asbuilt does not read (aws sqs list-queues)",
    );
    // Written and read back with the snapshot, sorted.
    const again = parseSnapshot(serializeSnapshot(snapshot), "snapshot.json");
    expect(again.notEvaluated?.map((n) => n.type)).toEqual(["aws lambda get-policy", "aws sqs list-queues"]);
  });

  it("lists AWS Config items it could not keep (no ARN) by type", () => {
    const out = normalizeConfigItems([
      item({ resourceType: "AWS::SSM::ManagedInstanceInventory", resourceId: "i-1", configuration: {} }),
      item({ resourceType: "AWS::SSM::ManagedInstanceInventory", resourceId: "i-2", configuration: {} }),
    ]);
    expect(out.notEvaluated).toEqual([
      {
        account: "123456789012",
        region: "eu-west-1",
        type: "AWS::SSM::ManagedInstanceInventory",
        count: 2,
        source: "aws-config",
      },
    ]);
  });
});
