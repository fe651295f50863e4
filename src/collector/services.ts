import autoscaling from "./autoscaling.ts";
import ec2 from "./ec2.ts";
import ecs from "./ecs.ts";
import elasticache from "./elasticache.ts";
import elbv2 from "./elbv2.ts";
import lambda from "./lambda.ts";
import rds from "./rds.ts";
import type { ServiceModule } from "./types.ts";

/** Every service module, in scan order. An explicit list: no folder scanning. */
export const SERVICES: readonly ServiceModule<unknown>[] = [
  ec2 as ServiceModule<unknown>,
  elbv2 as ServiceModule<unknown>,
  rds as ServiceModule<unknown>,
  elasticache as ServiceModule<unknown>,
  autoscaling as ServiceModule<unknown>,
  ecs as ServiceModule<unknown>,
  lambda as ServiceModule<unknown>,
];

export const SERVICE_NAMES = SERVICES.map((s) => s.service);
