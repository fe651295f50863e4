import adminPortOpenToWorld from "./baseline/admin-port-open-to-world.ts";
import albAccessLogsDisabled from "./baseline/alb-access-logs-disabled.ts";
import albDeletionProtectionDisabled from "./baseline/alb-deletion-protection-disabled.ts";
import albOutdatedTlsPolicy from "./baseline/alb-outdated-tls-policy.ts";
import albWithoutWaf from "./baseline/alb-without-waf.ts";
import apiGatewayRouteWithoutAuth from "./baseline/api-gateway-route-without-auth.ts";
import asgSingleAz from "./baseline/asg-single-az.ts";
import classicElbHttpListener from "./baseline/classic-elb-http-listener.ts";
import classicElbInternetFacing from "./baseline/classic-elb-internet-facing.ts";
import cloudfrontAllowsHttp from "./baseline/cloudfront-allows-http.ts";
import cloudfrontS3OriginWithoutOac from "./baseline/cloudfront-s3-origin-without-oac.ts";
import cloudfrontWithoutWaf from "./baseline/cloudfront-without-waf.ts";
import computeInPublicSubnet from "./baseline/compute-in-public-subnet.ts";
import dbPortOpenToWorld from "./baseline/db-port-open-to-world.ts";
import defaultSecurityGroupAllowsTraffic from "./baseline/default-security-group-allows-traffic.ts";
import ebsUnencrypted from "./baseline/ebs-unencrypted.ts";
import efsUnencrypted from "./baseline/efs-unencrypted.ts";
import eipUnused from "./baseline/eip-unused.ts";
import eksEndpointPublic from "./baseline/eks-endpoint-public.ts";
import elasticacheEncryptionDisabled from "./baseline/elasticache-encryption-disabled.ts";
import httpListenerWithoutRedirect from "./baseline/http-listener-without-redirect.ts";
import imdsv1Enabled from "./baseline/imdsv1-enabled.ts";
import instancePublicIp from "./baseline/instance-public-ip.ts";
import lambdaUrlWithoutAuth from "./baseline/lambda-url-without-auth.ts";
import lbSingleAz from "./baseline/lb-single-az.ts";
import natSingleAz from "./baseline/nat-single-az.ts";
import opensearchPublicDomain from "./baseline/opensearch-public-domain.ts";
import rdsBackupsDisabled from "./baseline/rds-backups-disabled.ts";
import rdsPubliclyAccessible from "./baseline/rds-publicly-accessible.ts";
import rdsSingleAz from "./baseline/rds-single-az.ts";
import rdsStorageUnencrypted from "./baseline/rds-storage-unencrypted.ts";
import redshiftPubliclyAccessible from "./baseline/redshift-publicly-accessible.ts";
import s3DefaultEncryptionMissing from "./baseline/s3-default-encryption-missing.ts";
import s3PublicAccessNotBlocked from "./baseline/s3-public-access-not-blocked.ts";
import vpcFlowLogsDisabled from "./baseline/vpc-flow-logs-disabled.ts";
import environmentsShareVpc from "./spec/environments-share-vpc.ts";
import flowBroken from "./spec/flow-broken.ts";
import flowUndocumented from "./spec/flow-undocumented.ts";
import requiredTagsMissing from "./spec/required-tags-missing.ts";
import resourceUndocumented from "./spec/resource-undocumented.ts";
import tierEmpty from "./spec/tier-empty.ts";
import tierEncryptionMissing from "./spec/tier-encryption-missing.ts";
import tierNotMultiAz from "./spec/tier-not-multi-az.ts";
import tierPlacement from "./spec/tier-placement.ts";
import tierTlsMissing from "./spec/tier-tls-missing.ts";
import tierWafMissing from "./spec/tier-waf-missing.ts";
import waiverExpired from "./spec/waiver-expired.ts";
import waiverUnused from "./spec/waiver-unused.ts";
import type { Rule } from "./types.ts";

/** Every rule, by id. An explicit list (no folder scanning); a test checks it against the files. */
export const RULES: readonly Rule[] = [
  adminPortOpenToWorld,
  albAccessLogsDisabled,
  albDeletionProtectionDisabled,
  albOutdatedTlsPolicy,
  albWithoutWaf,
  apiGatewayRouteWithoutAuth,
  asgSingleAz,
  classicElbHttpListener,
  classicElbInternetFacing,
  cloudfrontAllowsHttp,
  cloudfrontS3OriginWithoutOac,
  cloudfrontWithoutWaf,
  computeInPublicSubnet,
  dbPortOpenToWorld,
  defaultSecurityGroupAllowsTraffic,
  ebsUnencrypted,
  efsUnencrypted,
  eipUnused,
  eksEndpointPublic,
  elasticacheEncryptionDisabled,
  environmentsShareVpc,
  flowBroken,
  flowUndocumented,
  httpListenerWithoutRedirect,
  imdsv1Enabled,
  instancePublicIp,
  lambdaUrlWithoutAuth,
  lbSingleAz,
  natSingleAz,
  opensearchPublicDomain,
  rdsBackupsDisabled,
  rdsPubliclyAccessible,
  rdsSingleAz,
  rdsStorageUnencrypted,
  redshiftPubliclyAccessible,
  requiredTagsMissing,
  resourceUndocumented,
  s3DefaultEncryptionMissing,
  s3PublicAccessNotBlocked,
  tierEmpty,
  tierEncryptionMissing,
  tierNotMultiAz,
  tierPlacement,
  tierTlsMissing,
  tierWafMissing,
  vpcFlowLogsDisabled,
  waiverExpired,
  waiverUnused,
];
