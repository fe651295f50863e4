import { describe, expect, it } from "vitest";
import { importPaths } from "../import/index.ts";
import { ACCOUNT, dump } from "../import/test-dump.ts";

const at = `${ACCOUNT}/us-east-1/s3control-get-public-access-block/${ACCOUNT}`;
const blocks = async (body: unknown) => {
  const r = await importPaths([await dump({ [at]: body })]);
  return {
    found: r.snapshot.resources.filter((x) => x.type === "AWS::S3::AccountPublicAccessBlock"),
    coverage: r.snapshot.coverage.find((c) => c.service === "s3control"),
  };
};

describe("the account's S3 Block Public Access from an AWS CLI dump", () => {
  it("reads CloudMapper's per-account file", async () => {
    const { found, coverage } = await blocks({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    });
    expect(found.map((f) => f.props)).toEqual([
      { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    ]);
    expect(coverage?.status).toBe("scanned");
  });

  it("the CLI's NoSuchPublicAccessBlockConfiguration is 'none', recorded", async () => {
    const { found, coverage } = await blocks(
      "\nAn error occurred (NoSuchPublicAccessBlockConfiguration) when calling the GetPublicAccessBlock operation: The public access block configuration was not found\n",
    );
    expect(found).toEqual([]);
    expect(coverage?.status).toBe("scanned");
  });

  it("AccessDenied leaves it unknown: not recorded, never 'none'", async () => {
    const { found, coverage } = await blocks(
      "\nAn error occurred (AccessDenied) when calling the GetPublicAccessBlock operation: Access Denied\n",
    );
    expect(found).toEqual([]);
    expect(coverage).toMatchObject({ status: "partial", notRecorded: ["AWS::S3::AccountPublicAccessBlock"] });
  });
});
