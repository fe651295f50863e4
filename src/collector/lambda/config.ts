import { type FunctionConfiguration, FunctionConfiguration$ } from "@aws-sdk/client-lambda";
import { type ConfigReader, configReader, sdk, tagMapping } from "../config/reader.ts";
import api, { type LambdaRaw } from "./api.ts";

const config: ConfigReader<unknown> = configReader<LambdaRaw>({
  module: api,
  partial: {
    notRecorded: ["AWS::Lambda::Function.functionUrls"],
    why: "AWS Config records no Lambda function URLs, so which functions the internet can invoke is not known",
  },
  empty: () => ({ functions: [], tags: [] }),
  types: {
    "AWS::Lambda::Function": (raw, i, g) => {
      const f = sdk<FunctionConfiguration>(FunctionConfiguration$, i);
      f.FunctionArn ??= i.arn;
      f.FunctionName ??= i.resourceName ?? i.resourceId;
      // Config keeps the function's subnets and groups but not its VPC id: the recorded subnets know it.
      const vpc = f.VpcConfig;
      if (vpc && !vpc.VpcId) {
        const fromSubnet = (vpc.SubnetIds ?? []).map((s) => g.vpcOfSubnet.get(s)).find(Boolean);
        const fromGroup = (vpc.SecurityGroupIds ?? []).map((s) => g.vpcOfGroup.get(s)).find(Boolean);
        const vpcId = fromSubnet ?? fromGroup;
        if (vpcId) vpc.VpcId = vpcId;
      }
      raw.functions.push(f);
      raw.tags.push(...tagMapping(f.FunctionArn, i.tags));
    },
  },
});

export default config;
