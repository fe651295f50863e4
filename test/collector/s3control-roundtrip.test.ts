import { describe, expect, it } from "vitest";
import { SnapshotBuilder } from "../../fixtures/builder.ts";
import { s3Handler } from "../aws-endpoint/services/s3.ts";
import { s3controlHandler } from "../aws-endpoint/services/s3control.ts";
import { roundTrip } from "./roundtrip.ts";

/** Two accounts: one blocks public ACLs and policies account-wide (two of four), the other has no block. */
function accounts() {
  const b = new SnapshotBuilder("test:s3control");
  const a = b.in("111111111111", "us-east-2");
  a.accountPublicAccessBlock({ off: ["ignorePublicAcls", "restrictPublicBuckets"] });
  a.bucket("blocked-by-account", { blockPublicAccess: false });
  const c = b.in("222222222222", "us-east-2");
  c.bucket("open", { blockPublicAccess: false });
  return b.build();
}

describe("S3 Control against the loopback endpoint", () => {
  it("reads each account's Block Public Access through a custom endpoint, beside S3 (both sign as s3)", async () => {
    const { expected, actual, result } = await roundTrip(accounts(), {
      handlers: [s3Handler, s3controlHandler],
      services: ["s3", "s3control"],
      types: new Set(["AWS::S3::Bucket", "AWS::S3::AccountPublicAccessBlock"]),
    });
    expect(result.snapshot.coverage.map((c) => `${c.account}:${c.service}:${c.status}`).sort()).toEqual([
      "111111111111:s3:scanned",
      "111111111111:s3control:scanned",
      "222222222222:s3:scanned",
      "222222222222:s3control:scanned",
    ]);
    expect(actual).toEqual(expected);
    expect(actual.resources.filter((r) => r.type === "AWS::S3::AccountPublicAccessBlock")).toHaveLength(1);
  });
});
