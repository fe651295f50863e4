import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPaths } from "../import/index.ts";
import { ACCOUNT, dump, REGION } from "../import/test-dump.ts";

const list = (
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", "DescribeDomains_1.json"), "utf8")) as {
    DomainStatusList: Record<string, unknown>[];
  }
).DomainStatusList;

describe("OpenSearch from an AWS CLI dump", () => {
  const at = (f: string) => `${ACCOUNT}/${REGION}/${f}`;
  const tagging = { [at("resourcegroupstaggingapi-get-resources.json")]: { ResourceTagMappingList: [] } };

  it("reads CloudMapper's es-describe-elasticsearch-domain/<name> files (the Elasticsearch API's shape)", async () => {
    // As the Elasticsearch API answers: ElasticsearchVersion, not EngineVersion.
    const es = (d: Record<string, unknown>) => {
      const { EngineVersion, ...rest } = d;
      return { DomainStatus: { ...rest, ElasticsearchVersion: String(EngineVersion).replace(/^\w+_/, "") } };
    };
    const root = await dump({
      ...tagging,
      [at("es-list-domain-names.json")]: {
        DomainNames: [{ DomainName: "ddaotest2" }, { DomainName: "c7n-sg-test" }, { DomainName: "gone" }],
      },
      [at("es-describe-elasticsearch-domain/ddaotest2")]: es(list[0] as Record<string, unknown>),
      [at("es-describe-elasticsearch-domain/c7n-sg-test")]: es(list[1] as Record<string, unknown>),
    });
    const { snapshot } = await importPaths([root]);
    const ds = snapshot.resources.filter((r) => r.type === "AWS::OpenSearch::Domain");
    // Per-domain files are read in file-name order.
    expect(ds.map((d) => [d.name, d.props])).toEqual([
      [
        "c7n-sg-test",
        expect.objectContaining({ publicEndpoint: false, vpcId: "vpc-d2d616b5", accessPolicyOpen: true }),
      ],
      ["ddaotest2", expect.objectContaining({ publicEndpoint: true, accessPolicyOpen: false })],
    ]);

    expect(ds[1]?.props).not.toHaveProperty("engineVersion");
    expect(snapshot.coverage.find((c) => c.service === "opensearch")).toMatchObject({
      status: "partial",
      error: expect.stringContaining("1 listed domain(s): gone"),
    });
  });

  it("reads aws opensearch describe-domains output as one list", async () => {
    const root = await dump({
      ...tagging,
      [at("opensearch-describe-domains.json")]: { DomainStatusList: list },
    });
    const { snapshot } = await importPaths([root]);
    expect(snapshot.resources.filter((r) => r.type === "AWS::OpenSearch::Domain")).toHaveLength(3);
    expect(snapshot.coverage.find((c) => c.service === "opensearch")?.status).toBe("scanned");
  });
});
