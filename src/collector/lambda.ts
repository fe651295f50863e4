import { type FunctionConfiguration, LambdaClient, paginateListFunctions } from "@aws-sdk/client-lambda";
import {
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
  type ResourceTagMapping,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { arns, ec2Arn } from "../model/arn.ts";
import type { ResourceOf } from "../model/snapshot.ts";
import { defineService, type Where } from "./types.ts";
import { all, Collected, nameOf, tagsOf } from "./util.ts";

export interface LambdaRaw {
  /** Environment variables are removed in fetch: they often hold secrets and are never stored. */
  functions: Omit<FunctionConfiguration, "Environment">[];
  /** Tags of every function in one paginated Tagging API call, instead of ListTags per function. */
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
    return { functions: functions.map(({ Environment: _secret, ...rest }) => rest), tags };
  },
  normalize: normalizeLambda,
});

export function normalizeLambda(raw: LambdaRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  const tagsByArn = new Map(
    raw.tags.flatMap((t) => (t.ResourceARN ? [[t.ResourceARN, tagsOf(t.Tags)] as const] : [])),
  );
  for (const f of raw.functions) {
    if (!f.FunctionName) continue;
    const id = f.FunctionArn ?? arns.lambda(region, account, f.FunctionName);
    const tags = tagsByArn.get(id) ?? {};
    const vpc = f.VpcConfig?.VpcId ? f.VpcConfig : undefined;
    const sgs = vpc?.SecurityGroupIds ?? [];
    out.add<ResourceOf<"AWS::Lambda::Function">>({
      id,
      type: "AWS::Lambda::Function",
      account,
      region,
      name: nameOf(tags, f.FunctionName) ?? f.FunctionName,
      tags,
      ...(vpc?.VpcId ? { parent: ec2Arn(region, account, "vpc", vpc.VpcId) } : {}),
      props: {
        functionName: f.FunctionName,
        runtime: f.Runtime ?? null,
        packageType: f.PackageType === "Image" ? "Image" : "Zip",
        roleArn: f.Role ?? "",
        architectures: f.Architectures ?? ["x86_64"],
        vpcConfig: vpc?.VpcId
          ? { vpcId: vpc.VpcId, subnetIds: vpc.SubnetIds ?? [], securityGroupIds: sgs }
          : null,
      },
    });
    for (const g of sgs) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
  }
  return out.result();
}
