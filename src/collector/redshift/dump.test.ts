import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPaths } from "../import/index.ts";
import { ACCOUNT, dump } from "../import/test-dump.ts";

const recorded = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as Record<
    string,
    unknown
  >;

describe("Redshift from an AWS CLI dump (CloudMapper's collect writes both files)", () => {
  it("places clusters through the subnet groups file; without it, where they are is not recorded", async () => {
    const at = (f: string) => `${ACCOUNT}/us-west-2/${f}`;
    const full = await importPaths([
      await dump({
        [at("redshift-describe-clusters.json")]: recorded("DescribeClusters_1"),
        [at("redshift-describe-cluster-subnet-groups.json")]: recorded("DescribeClusterSubnetGroups_1"),
      }),
    ]);
    const c = full.snapshot.resources.find((r) => r.type === "AWS::Redshift::Cluster");
    expect(c?.props).toMatchObject({
      publiclyAccessible: true,
      subnetIds: ["subnet-15452171", "subnet-63c97615", "subnet-5fb47507"],
    });
    expect(full.snapshot.coverage.find((x) => x.service === "redshift")?.status).toBe("scanned");

    const partial = await importPaths([
      await dump({ [at("redshift-describe-clusters.json")]: recorded("DescribeClusters_1") }),
    ]);
    expect(partial.snapshot.coverage.find((x) => x.service === "redshift")).toMatchObject({
      status: "partial",
      notRecorded: ["AWS::Redshift::Cluster.subnetIds"],
    });
  });
});
