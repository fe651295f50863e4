import acm from "./acm/index.ts";
import apigateway from "./apigateway/index.ts";
import apigatewayv2 from "./apigatewayv2/index.ts";
import autoscaling from "./autoscaling/index.ts";
import cloudfront from "./cloudfront/index.ts";
import type { ConfigReader } from "./config/reader.ts";
import ec2 from "./ec2/index.ts";
import ecs from "./ecs/index.ts";
import efs from "./efs/index.ts";
import eks from "./eks/index.ts";
import elasticache from "./elasticache/index.ts";
import elb from "./elb/index.ts";
import elbv2 from "./elbv2/index.ts";
import type { DumpReader, OperationFile } from "./import/dump.ts";
import lambda from "./lambda/index.ts";
import opensearch from "./opensearch/index.ts";
import rds from "./rds/index.ts";
import redshift from "./redshift/index.ts";
import route53 from "./route53/index.ts";
import s3 from "./s3/index.ts";
import s3control from "./s3control/index.ts";
import tagging from "./tagging/index.ts";
import type { ServiceModule, ServiceSources } from "./types.ts";
import wafv2 from "./wafv2/index.ts";

/**
 * Every AWS service asbuilt reads, one folder each (src/collector/<service>/), in scan order. An explicit
 * list, no folder scanning: a new service is a new folder and one line here.
 */
export const SOURCES: readonly ServiceSources[] = [
  ec2,
  elbv2,
  elb,
  rds,
  elasticache,
  autoscaling,
  ecs,
  lambda,
  efs,
  redshift,
  eks,
  opensearch,
  apigateway,
  apigatewayv2,
  wafv2,
  acm,
  s3,
  s3control,
  cloudfront,
  route53,
  // Last: it only adds resources no other module models.
  tagging,
];

/** Every service's API module, in scan order. */
export const SERVICES: readonly ServiceModule<unknown>[] = SOURCES.map((s) => s.api);

export const SERVICE_NAMES = SERVICES.map((s) => s.service);

/** The AWS Config readers of the services Config records. */
export const CONFIG_READERS: readonly ConfigReader<unknown>[] = SOURCES.flatMap((s) =>
  s.config ? [s.config] : [],
);

/** Every service an AWS CLI dump can feed, in scan order. */
export const DUMP_READERS: readonly DumpReader<unknown>[] = SOURCES.flatMap((s) => (s.dump ? [s.dump] : []));

/** Every file name (without .json) asbuilt reads from a dump, with its output schema. */
export const DUMP_FILES: ReadonlyMap<string, OperationFile> = new Map(
  DUMP_READERS.flatMap((r) => Object.entries(r.files)),
);
