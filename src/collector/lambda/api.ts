import type { FunctionConfiguration, FunctionUrlConfig } from "@aws-sdk/client-lambda";
import type { ResourceTagMapping } from "@aws-sdk/client-resource-groups-tagging-api";
import pLimit from "p-limit";
import { arns, ec2Arn } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, oneOf, tagsOf } from "../util.ts";

export interface LambdaRaw {
  /**
   * As ListFunctions returns them, Environment included: normalize copies named fields only, so the
   * variables (often secrets) never reach a snapshot.
   */
  functions: FunctionConfiguration[];
  /**
   * Tags of every function of the region from the Resource Groups Tagging API. Lambda has no batch
   * tag call: ListTags is one request per function, which on an account with hundreds of functions is
   * hundreds of throttled calls. GetResources pages 100 functions at a time.
   */
  tags: ResourceTagMapping[];
  /**
   * ListFunctionUrlConfigs of each function, by function name; absent when URLs were not read at all (AWS
   * Config), and a function missing from it had its URLs not read (a dump without its file).
   */
  urls?: Record<string, FunctionUrlConfig[]>;
}

const CONCURRENCY = 8;

export default defineService<LambdaRaw>({
  service: "lambda",
  global: false,
  concurrency: CONCURRENCY,
  operations: [
    { command: "ListFunctions", iam: ["lambda:ListFunctions"] },
    { command: "ListFunctionUrlConfigs", iam: ["lambda:ListFunctionUrlConfigs"] },
    { command: "GetResources", iam: ["tag:GetResources"] },
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.LambdaClient);
    const tagging = ctx.client(sdk.ResourceGroupsTaggingAPIClient);
    // 50 and 100 are the APIs' maximum page sizes.
    const [functions, tags] = await Promise.all([
      all(sdk.paginateListFunctions({ client, pageSize: 50 }, {}), (p) => p.Functions),
      all(
        sdk.paginateGetResources(
          { client: tagging, pageSize: 100 },
          { ResourceTypeFilters: ["lambda:function"] },
        ),
        (p) => p.ResourceTagMappingList,
      ),
    ]);
    // One call per function: a function URL is an internet entry point that nothing else lists.
    const limit = pLimit(CONCURRENCY);
    const urls: Record<string, FunctionUrlConfig[]> = {};
    await Promise.all(
      functions.map((f) =>
        limit(async () => {
          const name = f.FunctionName;
          if (!name) return;
          try {
            urls[name] = await all(
              sdk.paginateListFunctionUrlConfigs({ client, pageSize: 50 }, { FunctionName: name }),
              (p) => p.FunctionUrlConfigs,
            );
          } catch (e) {
            // Deleted between the two calls: its URLs stay unknown rather than failing the region.
            if ((e as { name?: string }).name !== "ResourceNotFoundException") throw e;
          }
        }),
      ),
    );
    return { functions, tags, urls };
  },

  normalize(raw, where) {
    return normalizeLambda(raw, where);
  },
});

/** Pure: ListFunctions (+ tags) → functions, placed in their VPC, with function → security group edges. */
export function normalizeLambda(raw: LambdaRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  const tagsByArn = new Map<string, Record<string, string>>();
  for (const t of raw.tags) if (t.ResourceARN) tagsByArn.set(t.ResourceARN, tagsOf(t.Tags));

  for (const f of raw.functions) {
    if (!f.FunctionName) continue;
    const id = f.FunctionArn ?? arns.lambda(region, account, f.FunctionName);
    const tags = tagsByArn.get(id) ?? {};
    // A function outside any VPC may still come with an empty VpcConfig (VpcId "").
    const vpcId = f.VpcConfig?.VpcId ? f.VpcConfig.VpcId : undefined;
    const securityGroupIds = vpcId ? (f.VpcConfig?.SecurityGroupIds ?? []) : [];
    const urls = raw.urls?.[f.FunctionName]?.map((u) => {
      const authType = oneOf(u.AuthType, ["NONE", "AWS_IAM"] as const);
      return {
        url: u.FunctionUrl ?? "",
        ...(authType ? { authType } : {}),
        qualifier: qualifierOf(u.FunctionArn, f.FunctionName as string),
      };
    });
    out.add<ResourceOf<"AWS::Lambda::Function">>({
      id,
      type: "AWS::Lambda::Function",
      account,
      region,
      name: nameOf(tags, f.FunctionName) ?? f.FunctionName,
      tags,
      ...(vpcId ? { parent: ec2Arn(region, account, "vpc", vpcId) } : {}),
      props: {
        functionName: f.FunctionName,
        // Container-image functions have no runtime.
        runtime: f.Runtime ?? null,
        packageType: f.PackageType === "Image" ? "Image" : "Zip",
        roleArn: f.Role ?? "",
        architectures: f.Architectures ?? ["x86_64"],
        vpcConfig: vpcId ? { vpcId, subnetIds: f.VpcConfig?.SubnetIds ?? [], securityGroupIds } : null,
        ...(urls ? { functionUrls: urls } : {}),
      },
    });
    for (const g of securityGroupIds) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
  }
  return out.result();
}

/** The alias of a function URL's ARN ("…:function:name:live" → "live"), null for the function itself. */
function qualifierOf(arn: string | undefined, name: string): string | null {
  if (!arn) return null;
  const i = arn.indexOf(`:function:${name}:`);
  return i < 0 ? null : arn.slice(i + `:function:${name}:`.length) || null;
}
