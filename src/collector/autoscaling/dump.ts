import { DescribeAutoScalingGroups$ } from "@aws-sdk/client-auto-scaling";
import { type DumpReader, dumpReader, items } from "../import/dump.ts";
import api, { type AutoScalingRaw } from "./api.ts";

const dump: DumpReader<unknown> = dumpReader<AutoScalingRaw>({
  module: api,
  files: {
    "autoscaling-describe-auto-scaling-groups": { op: DescribeAutoScalingGroups$, list: "AutoScalingGroups" },
  },
  required: ["autoscaling-describe-auto-scaling-groups"],
  build: (get) => ({
    raw: { groups: items(get, "autoscaling-describe-auto-scaling-groups", "AutoScalingGroups") },
    gaps: [],
  }),
});

export default dump;
