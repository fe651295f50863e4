import { ListFunctions$, ListFunctionUrlConfigs$ } from "@aws-sdk/client-lambda";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// Lambda's ListFunctions built from the snapshot: the inverse of src/collector/lambda.ts. Tags come from
// the Tagging API handler, as the collector reads them. Every function has what real functions have and
// asbuilt must never keep: environment variables.

type Fn = ResourceOf<"AWS::Lambda::Function">;

/** A value a leak test searches a scanned snapshot for. */
export const LAMBDA_ENV_SECRET = "loopback-lambda-secret-must-not-leak";

const functions = (rs: readonly Resource[]) => rs.filter((r): r is Fn => r.type === "AWS::Lambda::Function");

export const lambdaHandler: ServiceHandler = {
  signingName: "lambda",
  protocol: "rest-json",
  xmlNamespace: "",
  operations: {
    ListFunctions: {
      schema: ListFunctions$ as unknown as OperationSchema,
      paging: { items: "Functions", token: "Marker", nextToken: "NextMarker", limit: "MaxItems" },
      handle: ({ resources }) => ({
        Functions: functions(resources).map((f) => ({
          FunctionName: f.props.functionName,
          FunctionArn: f.id,
          ...(f.props.runtime !== null ? { Runtime: f.props.runtime } : {}),
          Role: f.props.roleArn,
          Handler: "index.handler",
          CodeSize: 1024,
          Timeout: 30,
          MemorySize: 256,
          LastModified: "2026-01-01T00:00:00.000+0000",
          Version: "$LATEST",
          PackageType: f.props.packageType,
          Architectures: f.props.architectures,
          // A function outside any VPC comes back with an empty VpcConfig, as AWS returns it.
          VpcConfig: f.props.vpcConfig
            ? {
                VpcId: f.props.vpcConfig.vpcId,
                SubnetIds: f.props.vpcConfig.subnetIds,
                SecurityGroupIds: f.props.vpcConfig.securityGroupIds,
              }
            : { VpcId: "", SubnetIds: [], SecurityGroupIds: [] },
          Environment: { Variables: { DATABASE_PASSWORD: LAMBDA_ENV_SECRET } },
        })),
      }),
    },
    ListFunctionUrlConfigs: {
      schema: ListFunctionUrlConfigs$ as unknown as OperationSchema,
      paging: { items: "FunctionUrlConfigs", token: "Marker", nextToken: "NextMarker", limit: "MaxItems" },
      handle: ({ resources, params }) => {
        const f = functions(resources).find((x) => x.props.functionName === params.FunctionName);
        return {
          FunctionUrlConfigs: (f?.props.functionUrls ?? []).map((u) => ({
            FunctionUrl: u.url,
            FunctionArn: u.qualifier ? `${f?.id}:${u.qualifier}` : f?.id,
            AuthType: u.authType,
            CreationTime: "2026-01-01T00:00:00.000000Z",
            LastModifiedTime: "2026-01-01T00:00:00.000000Z",
            InvokeMode: "BUFFERED",
          })),
        };
      },
    },
  },
};
