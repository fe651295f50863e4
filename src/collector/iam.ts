import { DISCOVERY_OPERATIONS } from "./accounts.ts";
import { CONFIG_OPERATIONS } from "./config/scan.ts";
import { SERVICES } from "./services.ts";
import type { Operation } from "./types.ts";

/**
 * Every operation a scan of the target account may send: the service modules', discovery's and the AWS
 * Config source's (`scan --source config`).
 */
export function scanOperations(): Operation[] {
  return [...SERVICES.flatMap((s) => s.operations), ...DISCOVERY_OPERATIONS, ...CONFIG_OPERATIONS];
}

/** Read-only by name: what the collector is allowed to call. */
// API Gateway's management API has one read action for every read call: apigateway:GET (HTTP verbs).
export const READ_ONLY_ACTION = /^([a-z0-9-]+:(List|Describe|Get|Select)[A-Za-z0-9]*|apigateway:GET)$/;

/** The least-privilege IAM policy for scanning an account, generated from the modules' declarations. */
export function iamPolicy(): {
  Version: string;
  Statement: { Sid: string; Effect: "Allow"; Action: string[]; Resource: "*" }[];
} {
  const actions = [...new Set(scanOperations().flatMap((o) => o.iam))].sort();
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "AsbuiltReadOnlyScan", Effect: "Allow", Action: actions, Resource: "*" }],
  };
}

export function iamPolicyJson(): string {
  return `${JSON.stringify(iamPolicy(), null, 2)}\n`;
}
