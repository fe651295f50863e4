import { ListAccounts$ } from "@aws-sdk/client-organizations";
import { AssumeRole$, GetCallerIdentity$ } from "@aws-sdk/client-sts";
import type { OperationSchema } from "../protocols.ts";
import { accessKeyFor } from "../server.ts";
import type { ServiceHandler } from "../types.ts";

// Who the caller is, the accounts of the organization, and role assumption: enough for
// `asbuilt scan --assume-role` and `--org` to reach every account of a multi-account snapshot.
// Credentials handed out name their account (see accessKeyFor), so later calls answer as that account.

export const stsHandler: ServiceHandler = {
  signingName: "sts",
  protocol: "query",
  xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/",
  operations: {
    GetCallerIdentity: {
      schema: GetCallerIdentity$ as unknown as OperationSchema,
      handle: ({ account }) => ({
        Account: account,
        Arn: `arn:aws:iam::${account}:user/asbuilt`,
        UserId: "AIDAASBUILTLOOPBACK",
      }),
    },
    AssumeRole: {
      schema: AssumeRole$ as unknown as OperationSchema,
      handle: ({ params, snapshot }) => {
        const roleArn = String(params.RoleArn ?? "");
        const account = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1];
        if (!account || !snapshot.scope.accounts.includes(account)) {
          throw Object.assign(
            new Error(`User is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`),
            { code: "AccessDenied", status: 403 },
          );
        }
        return {
          Credentials: {
            AccessKeyId: accessKeyFor(account).replace(/^AKIA/, "ASIA"),
            SecretAccessKey: "loopback",
            SessionToken: "loopback-session",
            Expiration: new Date(Date.now() + 3_600_000),
          },
          AssumedRoleUser: {
            Arn: `${roleArn.replace(":role/", ":assumed-role/").replace("arn:aws:iam:", "arn:aws:sts:")}/${String(params.RoleSessionName ?? "s")}`,
            AssumedRoleId: "AROAASBUILT:loopback",
          },
        };
      },
    },
  },
};

export const organizationsHandler: ServiceHandler = {
  signingName: "organizations",
  protocol: "json",
  xmlNamespace: "",
  operations: {
    ListAccounts: {
      schema: ListAccounts$ as unknown as OperationSchema,
      paging: { items: "Accounts", token: "NextToken", limit: "MaxResults" },
      handle: ({ snapshot }) => ({
        Accounts: snapshot.scope.accounts.map((Id) => ({
          Id,
          Arn: `arn:aws:organizations::${snapshot.scope.accounts[0]}:account/o-asbuilt/${Id}`,
          Name: `account-${Id}`,
          Status: "ACTIVE",
          State: "ACTIVE",
        })),
      }),
    },
  },
};
