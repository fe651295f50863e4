import type { ServiceHandler } from "../types.ts";
import { apigatewayHandler } from "./apigateway.ts";
import { autoscalingHandler } from "./autoscaling.ts";
import { cloudfrontHandler } from "./cloudfront.ts";
import { configHandler } from "./config.ts";
import { ec2Handler } from "./ec2.ts";
import { ecsHandler } from "./ecs.ts";
import { efsHandler } from "./efs.ts";
import { eksHandler } from "./eks.ts";
import { elasticacheHandler } from "./elasticache.ts";
import { elbHandler } from "./elb.ts";
import { elbv2Handler } from "./elbv2.ts";
import { organizationsHandler, stsHandler } from "./identity.ts";
import { lambdaHandler } from "./lambda.ts";
import { opensearchHandler } from "./opensearch.ts";
import { rdsHandler } from "./rds.ts";
import { redshiftHandler } from "./redshift.ts";
import { route53Handler } from "./route53.ts";
import { s3Handler } from "./s3.ts";
import { s3controlHandler } from "./s3control.ts";
import { taggingHandler } from "./tagging.ts";
import { acmHandler, wafv2Handler } from "./waf-acm.ts";

/** Every service the loopback endpoint speaks, by signing name. */
export const ALL_HANDLERS: readonly ServiceHandler[] = [
  stsHandler,
  organizationsHandler,
  ec2Handler,
  elbv2Handler,
  elbHandler,
  rdsHandler,
  elasticacheHandler,
  autoscalingHandler,
  ecsHandler,
  lambdaHandler,
  efsHandler,
  redshiftHandler,
  eksHandler,
  opensearchHandler,
  apigatewayHandler,
  wafv2Handler,
  acmHandler,
  s3Handler,
  s3controlHandler,
  cloudfrontHandler,
  route53Handler,
  taggingHandler,
  // AWS Config's advanced query, answered from the other handlers' answers (scan --source config).
  configHandler,
];
