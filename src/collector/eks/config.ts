import { type Cluster, Cluster$ } from "@aws-sdk/client-eks";
import { type ConfigReader, configReader, sdk } from "../config/reader.ts";
import api, { type EksRaw } from "./api.ts";

// AWS Config records an EKS cluster in CloudFormation's shape (Arn, Name, ResourcesVpcConfig with
// SubnetIds and SecurityGroupIds), read here case-insensitively as DescribeCluster's Cluster. It holds no VPC
// id (the recorded subnets know it); older items lack EndpointPublicAccess, EndpointPrivateAccess and
// PublicAccessCidrs, which then stay unknown.
const config: ConfigReader<unknown> = configReader<EksRaw>({
  module: api,
  empty: () => ({ clusters: [] }),
  types: {
    "AWS::EKS::Cluster": (raw, i, g) => {
      const c = sdk<Cluster>(Cluster$, i);
      c.arn ??= i.arn;
      c.name ??= i.resourceName ?? i.resourceId;
      if (Object.keys(i.tags).length > 0 || c.tags === undefined) c.tags = { ...i.tags };
      const v = c.resourcesVpcConfig;
      if (v && !v.vpcId) {
        const vpcId =
          (v.subnetIds ?? []).map((s) => g.vpcOfSubnet.get(s)).find(Boolean) ??
          (v.securityGroupIds ?? []).map((s) => g.vpcOfGroup.get(s)).find(Boolean);
        if (vpcId) v.vpcId = vpcId;
      }
      raw.clusters.push(c);
    },
  },
});

export default config;
