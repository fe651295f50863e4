import { type FunctionConfiguration, LambdaClient, paginateListFunctions } from "@aws-sdk/client-lambda";
import {
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
  type ResourceTagMapping,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { arns, ec2Arn } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, tagsOf } from "../util.ts";

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
}

export default defineService<LambdaRaw>({
  service: "lambda",
  global: false,
  operations: [
    { command: "ListFunctions", iam: ["lambda:ListFunctions"] },
    { command: "GetResources", iam: ["tag:GetResources"] },
  ],

  async fetch(ctx) {
    const client = ctx.client(LambdaClient);
    const tagging = ctx.client(ResourceGroupsTaggingAPIClient);
    // 50 and 100 are the APIs' maximum page sizes.
    const [functions, tags] = await Promise.all([
      all(paginateListFunctions({ client, pageSize: 50 }, {}), (p) => p.Functions),
      all(
        paginateGetResources(
          { client: tagging, pageSize: 100 },
          { ResourceTypeFilters: ["lambda:function"] },
        ),
        (p) => p.ResourceTagMappingList,
      ),
    ]);
    return { functions, tags };
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
      },
    });
    for (const g of securityGroupIds) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
  }
  return out.result();
}
