import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRODUCTION, REVIEW } from "../../fixtures/coherence/build.ts";
import { FIXTURES } from "../../fixtures/index.ts";
import type { Resource, Snapshot } from "../../src/model/snapshot.ts";
import { accessKeyFor, type Endpoint, startEndpoint } from "../aws-endpoint/server.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { organizationsHandler, stsHandler } from "../aws-endpoint/services/identity.ts";
import { asbuiltAs } from "../run-cli.ts";

// The real CLI, as a user runs it, against the loopback endpoint serving coherence's two accounts.
// Only EC2 is served here, so the comparison leaves out what other services would link (ENI owners).

let endpoint: Endpoint;
let fixture: Snapshot;

beforeAll(async () => {
  fixture = FIXTURES.coherence.build();
  endpoint = await startEndpoint({
    snapshot: fixture,
    services: [ec2Handler, stsHandler, organizationsHandler],
    maxPageSize: 25,
  });
});
afterAll(() => endpoint.close());

function scanCli(args: string[], account = REVIEW) {
  return asbuiltAs(
    accessKeyFor(account),
    "scan",
    "--endpoint-url",
    endpoint.url,
    "--services",
    "ec2",
    ...args,
  );
}

const EC2_TYPES = new Set([
  "AWS::EC2::VPC",
  "AWS::EC2::Subnet",
  "AWS::EC2::RouteTable",
  "AWS::EC2::InternetGateway",
  "AWS::EC2::NatGateway",
  "AWS::EC2::EIP",
  "AWS::EC2::SecurityGroup",
  "AWS::EC2::NetworkAcl",
  "AWS::EC2::Instance",
  "AWS::EC2::Volume",
  "AWS::EC2::FlowLog",
]);
const ec2Only = (rs: readonly Resource[], account?: string) =>
  rs
    .filter((r) => EC2_TYPES.has(r.type) && (!account || r.account === account))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

describe("asbuilt scan against the loopback endpoint", () => {
  it("scans every account of the organization through an assumed role, with a summary", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "asbuilt-scan-")), "org.json");
    const r = await scanCli([
      "--org",
      "--role-name",
      "asbuilt-readonly",
      "--regions",
      "us-east-1",
      "-o",
      out,
    ]);
    expect(r.stderr).not.toMatch(/Warning|Error:/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^asbuilt scan: \d+ resources from 2 accounts × 1 region, \d+ API calls \(\d+ HTTP requests\), [\d.]+ s/,
    );
    expect(r.stderr).toMatch(/Coverage: complete/);
    const snap = JSON.parse(await readFile(out, "utf8")) as Snapshot;
    expect(snap.scope.accounts.sort()).toEqual([REVIEW, PRODUCTION]);
    expect(ec2Only(snap.resources)).toEqual(ec2Only(fixture.resources));
  });

  it("reaches a named account with --assume-role and finds its regions with --regions all", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "asbuilt-scan-")), "prod.json");
    const r = await scanCli([
      "--assume-role",
      `arn:aws:iam::${PRODUCTION}:role/asbuilt-readonly`,
      "--regions",
      "all",
      "-o",
      out,
      "--quiet",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const snap = JSON.parse(await readFile(out, "utf8")) as Snapshot;
    expect(snap.scope).toEqual({ accounts: [PRODUCTION], regions: ["us-east-1"] });
    expect(ec2Only(snap.resources)).toEqual(ec2Only(fixture.resources, PRODUCTION));
  });

  it("reports an account whose role cannot be assumed as a coverage gap, and scans the rest", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "asbuilt-scan-")), "gap.json");
    const r = await scanCli([
      "--assume-role",
      `arn:aws:iam::${PRODUCTION}:role/asbuilt-readonly,arn:aws:iam::999999999999:role/asbuilt-readonly`,
      "--regions",
      "us-east-1",
      "-o",
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/from 1 account \(1 account unreachable\)/);
    expect(r.stderr).toMatch(
      /Coverage gaps \(1\)[\s\S]*999999999999 global sts: denied \(AccessDenied: User is not authorized to perform: sts:AssumeRole/,
    );
    const snap = JSON.parse(await readFile(out, "utf8")) as Snapshot;
    expect(snap.coverage.find((c) => c.account === "999999999999")?.status).toBe("denied");
  });

  it("refuses bad flags with exit 2 before calling AWS", async () => {
    const r = await scanCli(["--regions", "mars-1", "-o", "x.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"mars-1" is not a region name/);
    const s = await scanCli(["--services", "ec2,quantum", "-o", "x.json"]);
    expect(s.stderr).toMatch(/unknown service quantum in --services/);
  });
});
