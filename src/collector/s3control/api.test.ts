import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  GetPublicAccessBlockCommand,
  NoSuchPublicAccessBlockConfiguration,
  S3ControlClient,
} from "@aws-sdk/client-s3-control";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { mockFetchContext } from "../mock-context.ts";
import api, { normalizeS3Control } from "./api.ts";

const ACCOUNT = "123456789012";
const where = { account: ACCOUNT, region: "global" };
type Recorded = Record<string, unknown> & { _case: string; _request?: Record<string, string> };
const recorded = (name: string): Recorded =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as Recorded;

describe("S3 Control: the account's Block Public Access", () => {
  const mock = mockClient(S3ControlClient);
  afterEach(() => mock.reset());

  it("asks for the scanned account; a partial block becomes one resource with its four settings", async () => {
    const { _case, _request, ...answer } = recorded("GetPublicAccessBlock_1");
    mock.on(GetPublicAccessBlockCommand).resolves(answer);
    const raw = await api.fetch(mockFetchContext(ACCOUNT));
    expect(mock.commandCalls(GetPublicAccessBlockCommand)[0]?.args[0].input).toEqual(_request);
    expect(normalizeS3Control(raw, where).resources).toEqual([
      {
        id: `arn:aws:s3:::account/${ACCOUNT}/public-access-block`,
        type: "AWS::S3::AccountPublicAccessBlock",
        account: ACCOUNT,
        region: "global",
        name: "account Block Public Access",
        tags: {},
        props: {
          blockPublicAcls: true,
          ignorePublicAcls: false,
          blockPublicPolicy: false,
          restrictPublicBuckets: false,
        },
      },
    ]);
  });

  it("NoSuchPublicAccessBlockConfiguration is data (the account has none), not a failure", async () => {
    const error = recorded("GetPublicAccessBlock_2").Error as { Message: string; Code: string };
    mock.on(GetPublicAccessBlockCommand).rejects(
      new NoSuchPublicAccessBlockConfiguration({
        message: error.Message,
        $metadata: { httpStatusCode: 404 },
      }),
    );
    const raw = await api.fetch(mockFetchContext(ACCOUNT));
    expect(raw).toEqual({ publicAccessBlock: null });
    expect(normalizeS3Control(raw, where).resources).toEqual([]);
  });

  it("any other error is the scan's (coverage says failed or denied), never 'none'", async () => {
    mock
      .on(GetPublicAccessBlockCommand)
      .rejects(Object.assign(new Error("denied"), { name: "AccessDenied" }));
    await expect(api.fetch(mockFetchContext(ACCOUNT))).rejects.toThrow("denied");
  });
});
