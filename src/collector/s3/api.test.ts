import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  type ListBucketsOutput,
  S3Client,
} from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import type { ResourceOf } from "../../model/snapshot.ts";
import { mockFetchContext } from "../mock-context.ts";
import s3, { ABSENT_CONFIGURATION, type BucketRaw, normalizeS3, type S3Raw } from "./api.ts";

/** A recorded response: the SDK output, or "_error" (the exception the SDK threw), plus "_case" and "_request". */
type Recorded<T> = T & { _case: string; _request?: Record<string, unknown>; _error?: { name: string } };
const DIR = join(import.meta.dirname, "testdata");
const recorded = <T>(name: string): Recorded<T> =>
  JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")) as Recorded<T>;
const FILES = readdirSync(DIR).map((f) => f.replace(/\.json$/, ""));

function find(op: string, bucket: string): Recorded<Record<string, unknown>> {
  const r = FILES.filter((f) => f.startsWith(`${op}_`))
    .map((f) => recorded<Record<string, unknown>>(f))
    .find((x) => x._request?.Bucket === bucket);
  if (!r) throw new Error(`no recorded ${op} for ${bucket}`);
  return r;
}

/** What the SDK did: resolved with the output, or threw the recorded exception. */
function sdkReply(op: string, bucket: string): Promise<unknown> {
  const r = find(op, bucket);
  return r._error ? Promise.reject(Object.assign(new Error(r._error.name), r._error)) : Promise.resolve(r);
}

/** The recorded answer as fetch keeps it: the output, or null for an absent-configuration 404. */
function answer(op: string, bucket: string): unknown {
  const r = find(op, bucket);
  if (r._error) {
    if (ABSENT_CONFIGURATION.has(r._error.name)) return null;
    throw Object.assign(new Error(r._error.name), r._error);
  }
  return r;
}

/** What fetch returns, from the recorded calls. */
function rawFrom(list: string): S3Raw {
  return {
    buckets: (recorded<ListBucketsOutput>(list).Buckets ?? []).map((bucket) => {
      const name = bucket.Name ?? "";
      return {
        bucket,
        region: bucket.BucketRegion ?? "us-east-1",
        publicAccessBlock: answer("GetPublicAccessBlock", name),
        encryption: answer("GetBucketEncryption", name),
        versioning: answer("GetBucketVersioning", name),
        policyStatus: answer("GetBucketPolicyStatus", name),
        website: answer("GetBucketWebsite", name),
        tagging: answer("GetBucketTagging", name),
      } as BucketRaw;
    }),
  };
}

const WHERE = { account: "123456789012", region: "global" };

describe("normalizeS3 on recorded responses", () => {
  const { resources, edges } = normalizeS3(rawFrom("ListBuckets_1"), WHERE);
  const buckets = resources.filter((r): r is ResourceOf<"AWS::S3::Bucket"> => r.type === "AWS::S3::Bucket");
  const byName = (n: string) => buckets.find((r) => r.props.bucketName === n);

  it("a fully configured bucket: its own region, block, KMS key, versioning, private policy, tags", () => {
    expect(byName("shop-assets")).toEqual({
      id: "arn:aws:s3:::shop-assets",
      type: "AWS::S3::Bucket",
      account: "123456789012",
      region: "us-east-2",
      name: "shop-assets",
      tags: { Team: "web & <ops>", Environment: "production" },
      props: {
        bucketName: "shop-assets",
        publicAccessBlock: {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: true,
          restrictPublicBuckets: true,
        },
        encryption: {
          algorithm: "aws:kms",
          kmsKeyId: "arn:aws:kms:us-east-2:123456789012:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
        },
        versioning: "Enabled",
        policyIsPublic: false,
        websiteHosting: false,
      },
    });
    expect(edges).toEqual([]);
  });

  it("a bucket without public access block, encryption, policy, website or tags: absent, not unknown", () => {
    expect(byName("shop-legacy-logs")).toEqual({
      id: "arn:aws:s3:::shop-legacy-logs",
      type: "AWS::S3::Bucket",
      account: "123456789012",
      region: "us-west-2",
      name: "shop-legacy-logs",
      tags: {},
      props: {
        bucketName: "shop-legacy-logs",
        publicAccessBlock: null,
        encryption: null,
        versioning: "Disabled",
        policyIsPublic: false,
        websiteHosting: false,
      },
    });
  });

  it("a public website bucket: partial block, SSE-S3, suspended versioning, public policy, named by its Name tag", () => {
    const site = byName("www.shop.example");
    expect(site?.region).toBe("eu-west-1");
    expect(site?.name).toBe("public website");
    expect(site?.props).toEqual({
      bucketName: "www.shop.example",
      publicAccessBlock: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: false,
        restrictPublicBuckets: false,
      },
      encryption: { algorithm: "AES256", kmsKeyId: null },
      versioning: "Suspended",
      policyIsPublic: true,
      websiteHosting: true,
    });
  });
});

describe("S3 fetch", () => {
  // As scan.ts does: the SDK's Node 22 notice does not apply to the versions asbuilt pins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const mock = mockClient(S3Client);
  afterEach(() => mock.reset());

  /** A FetchContext whose clients are plain S3Clients (their send is mocked). */
  const ctx = mockFetchContext("123456789012");

  it("asks GetBucketLocation when the list has no BucketRegion, sends the bucket's calls to that region, and maps the 404s", async () => {
    const regions: string[] = [];
    const reply =
      (op: string) =>
      async (input: { Bucket: string }, getClient: () => { config: { region: () => Promise<string> } }) => {
        regions.push(`${op} ${await getClient().config.region()}`);
        return sdkReply(op, input.Bucket);
      };
    mock.on(ListBucketsCommand).resolves(recorded<ListBucketsOutput>("ListBuckets_2"));
    mock.on(GetBucketLocationCommand).callsFake(reply("GetBucketLocation"));
    mock.on(GetPublicAccessBlockCommand).callsFake(reply("GetPublicAccessBlock"));
    mock.on(GetBucketEncryptionCommand).callsFake(reply("GetBucketEncryption"));
    mock.on(GetBucketVersioningCommand).callsFake(reply("GetBucketVersioning"));
    mock.on(GetBucketPolicyStatusCommand).callsFake(reply("GetBucketPolicyStatus"));
    mock.on(GetBucketWebsiteCommand).callsFake(reply("GetBucketWebsite"));
    mock.on(GetBucketTaggingCommand).callsFake(reply("GetBucketTagging"));

    const raw = await s3.fetch(ctx);
    expect(mock.commandCalls(ListBucketsCommand)[0]?.args[0].input).toMatchObject({ MaxBuckets: 1000 });
    expect(raw.buckets.map((b) => b.region)).toEqual(["us-west-2"]);
    expect(regions.sort()).toEqual([
      "GetBucketEncryption us-west-2",
      "GetBucketLocation us-east-1",
      "GetBucketPolicyStatus us-west-2",
      "GetBucketTagging us-west-2",
      "GetBucketVersioning us-west-2",
      "GetBucketWebsite us-west-2",
      "GetPublicAccessBlock us-west-2",
    ]);
    expect(normalizeS3(raw, { account: "123456789012", region: "global" }).resources[0]?.props).toMatchObject(
      {
        publicAccessBlock: null,
        encryption: null,
        policyIsPublic: false,
        websiteHosting: false,
      },
    );
  });

  it("any other error fails the scan of S3 (a coverage gap), not a bucket's field", async () => {
    mock.onAnyCommand().resolves({});
    mock.on(ListBucketsCommand).resolves(recorded<ListBucketsOutput>("ListBuckets_1"));
    mock
      .on(GetBucketTaggingCommand)
      .rejects(Object.assign(new Error("Access Denied"), { name: "AccessDenied", Code: "AccessDenied" }));
    await expect(s3.fetch(ctx)).rejects.toMatchObject({ name: "AccessDenied" });
  });
});
