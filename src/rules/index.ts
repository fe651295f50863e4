import adminPortOpenToWorld from "./baseline/admin-port-open-to-world.ts";
import albWithoutWaf from "./baseline/alb-without-waf.ts";
import cloudfrontAllowsHttp from "./baseline/cloudfront-allows-http.ts";
import computeInPublicSubnet from "./baseline/compute-in-public-subnet.ts";
import dbPortOpenToWorld from "./baseline/db-port-open-to-world.ts";
import defaultSecurityGroupAllowsTraffic from "./baseline/default-security-group-allows-traffic.ts";
import httpListenerWithoutRedirect from "./baseline/http-listener-without-redirect.ts";
import imdsv1Enabled from "./baseline/imdsv1-enabled.ts";
import instancePublicIp from "./baseline/instance-public-ip.ts";
import rdsBackupsDisabled from "./baseline/rds-backups-disabled.ts";
import rdsPubliclyAccessible from "./baseline/rds-publicly-accessible.ts";
import rdsSingleAz from "./baseline/rds-single-az.ts";
import rdsStorageUnencrypted from "./baseline/rds-storage-unencrypted.ts";
import s3PublicAccessNotBlocked from "./baseline/s3-public-access-not-blocked.ts";
import environmentsShareVpc from "./spec/environments-share-vpc.ts";
import requiredTagsMissing from "./spec/required-tags-missing.ts";
import tierPlacement from "./spec/tier-placement.ts";
import type { Rule } from "./types.ts";

/** Every rule, by id. An explicit list (no folder scanning); a test checks it against the files. */
export const RULES: readonly Rule[] = [
  adminPortOpenToWorld,
  albWithoutWaf,
  cloudfrontAllowsHttp,
  computeInPublicSubnet,
  dbPortOpenToWorld,
  defaultSecurityGroupAllowsTraffic,
  environmentsShareVpc,
  httpListenerWithoutRedirect,
  imdsv1Enabled,
  instancePublicIp,
  rdsBackupsDisabled,
  rdsPubliclyAccessible,
  rdsSingleAz,
  rdsStorageUnencrypted,
  requiredTagsMissing,
  s3PublicAccessNotBlocked,
  tierPlacement,
];
