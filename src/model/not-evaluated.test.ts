import { describe, expect, it } from "vitest";
import { SnapshotBuilder } from "../../fixtures/builder.ts";
import { notEvaluatedByType, presentNotEvaluated } from "./not-evaluated.ts";

describe("present, not evaluated", () => {
  it("joins unmodelled resources (counted by place and type) with what no resource stands for; modelled types never count", () => {
    const b = new SnapshotBuilder("test:not-evaluated");
    const a = b.in("111111111111", "us-east-2");
    a.vpc("main", { cidr: "10.0.0.0/16" });
    for (const q of ["orders", "emails"])
      a.generic("AWS::SQS::Queue", `arn:aws:sqs:us-east-2:111111111111:${q}`, q);
    a.generic("AWS::SNS::Topic", "arn:aws:sns:us-east-2:111111111111:alerts", "alerts");
    const snapshot = {
      ...b.build(),
      notEvaluated: [
        {
          account: "111111111111",
          region: "us-east-2",
          type: "aws sqs list-queues",
          count: 2,
          source: "dump" as const,
        },
        {
          account: "111111111111",
          region: "eu-west-1",
          type: "AWS::SQS::Queue",
          count: 1,
          source: "aws-config" as const,
        },
      ],
    };
    const list = presentNotEvaluated(snapshot);
    expect(list).toEqual([
      {
        account: "111111111111",
        region: "eu-west-1",
        type: "AWS::SQS::Queue",
        count: 1,
        source: "aws-config",
      },
      { account: "111111111111", region: "us-east-2", type: "AWS::SNS::Topic", count: 1, source: "resource" },
      { account: "111111111111", region: "us-east-2", type: "AWS::SQS::Queue", count: 2, source: "resource" },
      { account: "111111111111", region: "us-east-2", type: "aws sqs list-queues", count: 2, source: "dump" },
    ]);
    expect(notEvaluatedByType(list)).toEqual(
      [
        { type: "AWS::SQS::Queue", count: 3, places: 2 },
        { type: "AWS::SNS::Topic", count: 1, places: 1 },
        { type: "aws sqs list-queues", count: 2, places: 1 },
      ].sort((x, y) => y.count - x.count || (x.type < y.type ? -1 : 1)),
    );
  });

  it("is empty for a snapshot of modelled types only", () => {
    const b = new SnapshotBuilder("test:not-evaluated");
    b.in("111111111111", "us-east-2").vpc("main", { cidr: "10.0.0.0/16" });
    expect(presentNotEvaluated(b.build())).toEqual([]);
  });
});
