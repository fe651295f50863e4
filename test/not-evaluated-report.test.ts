import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../fixtures/builder.ts";
import { ruleIndex } from "../src/cli/check.ts";
import { Graph } from "../src/model/graph.ts";
import { serializeSnapshot } from "../src/model/io.ts";
import type { Snapshot } from "../src/model/snapshot.ts";
import { findingsReport } from "../src/report/json.ts";
import { formatMarkdown } from "../src/report/markdown.ts";
import { formatText } from "../src/report/text.ts";
import type { ReportInput } from "../src/report/types.ts";
import { runChecks } from "../src/rules/engine.ts";
import { RULES } from "../src/rules/index.ts";
import { asbuilt } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

/** A small account whose sources showed queues, a topic (kept as generic resources) and a dump file nobody reads. */
function snapshot(): Snapshot {
  const b = new SnapshotBuilder("test:not-evaluated");
  const a = b.in("111111111111", "us-east-2");
  const v = a.vpc("main", { cidr: "10.0.0.0/16" });
  a.securityGroup(v, "web", { ingress: [tcp(443, "0.0.0.0/0")] });
  for (const q of ["orders", "emails"])
    a.generic("AWS::SQS::Queue", `arn:aws:sqs:us-east-2:111111111111:${q}`, q);
  a.generic("AWS::SNS::Topic", "arn:aws:sns:us-east-2:111111111111:alerts", "<b>alerts</b>");
  return {
    ...b.build(),
    notEvaluated: [
      {
        account: "111111111111",
        region: "us-east-2",
        type: "aws kinesis list-streams",
        count: 4,
        source: "dump",
      },
    ],
  };
}

function input(s: Snapshot): ReportInput {
  const { findings, unverified } = runChecks(RULES, new Graph(s), { now: new Date("2026-11-01T09:00:00Z") });
  return {
    version: "0.0.0-test",
    snapshotFile: "snapshot.json",
    snapshot: s,
    findings,
    unverified,
    rules: ruleIndex(),
    failOn: "high",
  };
}

describe("present, not evaluated, in every report", () => {
  it("text and Markdown name each type with its count; JSON lists them by place and source", () => {
    const i = input(snapshot());
    expect(formatText(i)).toContain(
      "Present, not evaluated: aws kinesis list-streams ×4, AWS::SQS::Queue ×2, AWS::SNS::Topic ×1",
    );
    expect(formatMarkdown(i)).toContain(
      "> **Present, not evaluated:** <code>aws kinesis list-streams</code> ×4, <code>AWS::SQS::Queue</code> ×2, <code>AWS::SNS::Topic</code> ×1.",
    );
    expect(findingsReport(i).presentNotEvaluated).toEqual([
      { account: "111111111111", region: "us-east-2", type: "AWS::SNS::Topic", count: 1, source: "resource" },
      { account: "111111111111", region: "us-east-2", type: "AWS::SQS::Queue", count: 2, source: "resource" },
      {
        account: "111111111111",
        region: "us-east-2",
        type: "aws kinesis list-streams",
        count: 4,
        source: "dump",
      },
    ]);
  });

  it("a snapshot of modelled types only has no such line", () => {
    const b = new SnapshotBuilder("test:not-evaluated");
    b.in("111111111111", "us-east-2").vpc("main", { cidr: "10.0.0.0/16" });
    const i = input(b.build());
    expect(formatText(i)).not.toContain("Present, not evaluated");
    expect(findingsReport(i).presentNotEvaluated).toEqual([]);
  });

  it("the HTML report's coverage section has the table, from the saved snapshot", async () => {
    const dir = await tempDir();
    const snap = join(dir, "snapshot.json");
    await writeFile(snap, serializeSnapshot(snapshot()));
    const out = join(dir, "report.html");
    const r = asbuilt("report", snap, "-o", out);
    expect(r.code).toBe(0);
    const html = await readFile(out, "utf8");
    expect(html).toContain("<h3>Present, not evaluated</h3>");
    expect(html).toMatch(/<td>aws kinesis list-streams<\/td><td>4<\/td><td>a dump file with no reader<\/td>/);
    expect(html).toMatch(/<td>AWS::SQS::Queue<\/td><td>2<\/td><td>kept as a generic resource<\/td>/);
  });
});
