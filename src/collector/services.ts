import acm from "./acm.ts";
import autoscaling from "./autoscaling.ts";
import cloudfront from "./cloudfront.ts";
import ec2 from "./ec2.ts";
import ecs from "./ecs.ts";
import elasticache from "./elasticache.ts";
import elbv2 from "./elbv2.ts";
import lambda from "./lambda.ts";
import rds from "./rds.ts";
import route53 from "./route53.ts";
import s3 from "./s3.ts";
import tagging from "./tagging.ts";
import type { ServiceModule } from "./types.ts";
import wafv2 from "./wafv2.ts";

/** Every service module, in scan order. An explicit list: no folder scanning. */
export const SERVICES: readonly ServiceModule<unknown>[] = [
  ec2 as ServiceModule<unknown>,
  elbv2 as ServiceModule<unknown>,
  rds as ServiceModule<unknown>,
  elasticache as ServiceModule<unknown>,
  autoscaling as ServiceModule<unknown>,
  ecs as ServiceModule<unknown>,
  lambda as ServiceModule<unknown>,
  wafv2 as ServiceModule<unknown>,
  acm as ServiceModule<unknown>,
  s3 as ServiceModule<unknown>,
  cloudfront as ServiceModule<unknown>,
  route53 as ServiceModule<unknown>,
  // Last: it only adds resources no other module models.
  tagging as ServiceModule<unknown>,
];

export const SERVICE_NAMES = SERVICES.map((s) => s.service);
