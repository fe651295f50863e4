import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPaths } from "../import/index.ts";
import { ACCOUNT, dump, REGION } from "../import/test-dump.ts";

const recorded = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as Record<
    string,
    unknown
  >;

describe("EKS from an AWS CLI dump (CloudMapper's layout)", () => {
  it("reads eks-describe-cluster/<name> for each listed cluster; a cluster without its file is a gap", async () => {
    const at = (f: string) => `${ACCOUNT}/${REGION}/${f}`;
    const root = await dump({
      [at("eks-list-clusters.json")]: { clusters: ["c7n-test-eks-cluster", "shop-prod", "missing"] },
      [at("eks-describe-cluster/c7n-test-eks-cluster")]: recorded("DescribeCluster_1"),
      [at("eks-describe-cluster/shop-prod")]: recorded("DescribeCluster_2"),
    });
    const { snapshot } = await importPaths([root]);
    const clusters = snapshot.resources.filter((r) => r.type === "AWS::EKS::Cluster");
    expect(
      clusters.map((c) => [c.name, (c.props as { endpointPublicAccess?: boolean }).endpointPublicAccess]),
    ).toEqual([
      ["c7n-test-eks-cluster", false],
      ["Shop production", true],
    ]);
    expect(snapshot.coverage.find((c) => c.service === "eks")).toMatchObject({
      status: "partial",
      notRecorded: ["AWS::EKS::Cluster"],
      error: expect.stringContaining("no eks-describe-cluster response for 1 cluster(s): missing"),
    });
  });
});
