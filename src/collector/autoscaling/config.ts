import { type AutoScalingGroup, AutoScalingGroup$ } from "@aws-sdk/client-auto-scaling";
import { type ConfigReader, configReader, sdk, tagList } from "../config/reader.ts";
import api, { type AutoScalingRaw } from "./api.ts";

const config: ConfigReader<unknown> = configReader<AutoScalingRaw>({
  module: api,
  empty: () => ({ groups: [] }),
  types: {
    "AWS::AutoScaling::AutoScalingGroup": (raw, i) => {
      const g = sdk<AutoScalingGroup>(AutoScalingGroup$, i);
      g.AutoScalingGroupARN ??= i.arn;
      g.AutoScalingGroupName ??= i.resourceName ?? i.resourceId;
      g.Tags = tagList(i.tags);
      raw.groups.push(g);
    },
  },
});

export default config;
