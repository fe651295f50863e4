import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { OrganizationsClient, paginateListAccounts } from "@aws-sdk/client-organizations";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { InputError } from "../model/errors.ts";
import type { Coverage } from "../model/snapshot.ts";
import { boundedHttpOptions, type HttpTimeouts } from "./clients.ts";
import { classifyError } from "./errors.ts";
import type { AccountTarget } from "./scan.ts";
import type { ClientSettings, Operation } from "./types.ts";

/** Calls made to find the accounts and regions to scan; part of the generated IAM policy. */
export const DISCOVERY_OPERATIONS: readonly Operation[] = [
  { command: "GetCallerIdentity", iam: ["sts:GetCallerIdentity"] },
  { command: "DescribeRegions", iam: ["ec2:DescribeRegions"] },
  { command: "ListAccounts", iam: ["organizations:ListAccounts"] },
];

/**
 * Made by the *caller* to reach other accounts (--assume-role, --org), not a read of the scanned
 * account: it belongs in the caller's policy, not in docs/iam-policy.json.
 */
export const CALLER_OPERATIONS: readonly Operation[] = [{ command: "AssumeRole", iam: ["sts:AssumeRole"] }];

export interface DiscoverOptions {
  profile?: string;
  /** "all" for every region enabled in each account, else region names. */
  regions: string[] | "all";
  assumeRoles?: string[];
  org?: { roleName: string };
  endpoint?: string;
  /** The region for STS, Organizations and DescribeRegions calls. */
  homeRegion: string;
  /** Credentials to use instead of the default chain (tests). */
  credentials?: ClientSettings["credentials"];
  /** The HTTP timeouts of discovery's calls (default DEFAULT_TIMEOUTS); tests shorten them. */
  timeouts?: HttpTimeouts;
}

export interface Discovered {
  targets: AccountTarget[];
  /** Accounts that could not be reached (role not assumable): gaps, not crashes. */
  coverage: Coverage[];
}

const SESSION = "asbuilt-scan";

/** What every discovery client is built with. */
interface Common {
  region: string;
  endpoint?: string;
  requestHandler: ReturnType<typeof boundedHttpOptions>;
}

export async function discoverTargets(opts: DiscoverOptions): Promise<Discovered> {
  const base = opts.credentials ?? fromNodeProviderChain(opts.profile ? { profile: opts.profile } : {});
  // Each client builds its own handler from these options, bounded like the scan's: without them the
  // SDK waits for an answer as long as the server takes.
  const common = {
    region: opts.homeRegion,
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    requestHandler: boundedHttpOptions(opts.timeouts),
  };
  const me = await callerAccount(base, common, opts.profile);

  const wanted: { account: string; credentials: ClientSettings["credentials"] }[] = [];
  if (opts.org) {
    const orgs = new OrganizationsClient({ ...common, credentials: base });
    try {
      for await (const page of paginateListAccounts({ client: orgs, pageSize: 20 }, {})) {
        for (const a of page.Accounts ?? []) {
          if (!a.Id || a.Status === "SUSPENDED" || (a.State !== undefined && a.State !== "ACTIVE")) continue;
          wanted.push({
            account: a.Id,
            credentials:
              a.Id === me ? base : assume(base, `arn:aws:iam::${a.Id}:role/${opts.org.roleName}`, common),
          });
        }
      }
    } catch (err) {
      const { error } = classifyError(err);
      throw new InputError(
        `cannot list the organization's accounts (${error}).`,
        undefined,
        "Run --org with credentials of the management account or a delegated administrator that may call organizations:ListAccounts.",
      );
    } finally {
      orgs.destroy();
    }
  } else if (opts.assumeRoles && opts.assumeRoles.length > 0) {
    for (const arn of opts.assumeRoles) {
      const account = /^arn:aws[a-z-]*:iam::(\d{12}):role\/.+$/.exec(arn)?.[1];
      if (!account)
        throw new InputError(
          `"${arn}" is not an IAM role ARN.`,
          undefined,
          "Pass --assume-role ARNs such as arn:aws:iam::123456789012:role/asbuilt-readonly, separated by commas.",
        );
      wanted.push({ account, credentials: assume(base, arn, common) });
    }
  } else {
    wanted.push({ account: me, credentials: base });
  }

  const targets: AccountTarget[] = [];
  const coverage: Coverage[] = [];
  for (const w of wanted) {
    try {
      // One GetCallerIdentity per assumed role proves the role works before any service is scanned.
      if (w.credentials !== base) await identify(w.credentials, common);
      const regions = opts.regions === "all" ? await enabledRegions(w.credentials, common) : opts.regions;
      targets.push({ account: w.account, credentials: w.credentials, regions });
    } catch (err) {
      // The role could not be assumed, or DescribeRegions was denied: the account is a gap.
      coverage.push({ account: w.account, region: "global", service: "sts", ...classifyError(err) });
    }
  }
  return { targets, coverage };
}

function assume(
  base: ClientSettings["credentials"],
  roleArn: string,
  common: Common,
): ClientSettings["credentials"] {
  return fromTemporaryCredentials({
    ...(base ? { masterCredentials: base } : {}),
    params: { RoleArn: roleArn, RoleSessionName: SESSION, DurationSeconds: 3600 },
    clientConfig: common,
  });
}

async function callerAccount(
  credentials: ClientSettings["credentials"],
  common: Common,
  profile?: string,
): Promise<string> {
  const sts = new STSClient({ ...common, ...(credentials ? { credentials } : {}) });
  try {
    const me = await sts.send(new GetCallerIdentityCommand({}));
    if (!me.Account) throw new Error("GetCallerIdentity returned no account");
    return me.Account;
  } catch (err) {
    const e = err as { name?: string; message?: string };
    const noCreds =
      e.name === "CredentialsProviderError" || /Could not load credentials|credential/i.test(e.message ?? "");
    throw new InputError(
      noCreds
        ? `no AWS credentials found${profile ? ` for profile "${profile}"` : ""}: ${e.message ?? e.name}.`
        : `cannot identify the AWS account (${classifyError(err).error}).`,
      undefined,
      "asbuilt uses the AWS CLI's credential chain: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or --profile, or run `aws sso login --profile NAME` first. The identity needs the read-only policy in docs/iam-policy.json.",
    );
  } finally {
    sts.destroy();
  }
}

async function identify(credentials: ClientSettings["credentials"], common: Common): Promise<void> {
  const sts = new STSClient({ ...common, ...(credentials ? { credentials } : {}) });
  try {
    await sts.send(new GetCallerIdentityCommand({}));
  } finally {
    sts.destroy();
  }
}

async function enabledRegions(credentials: ClientSettings["credentials"], common: Common): Promise<string[]> {
  const ec2 = new EC2Client({ ...common, ...(credentials ? { credentials } : {}) });
  try {
    // AllRegions false: only the regions enabled for this account.
    const out = await ec2.send(new DescribeRegionsCommand({ AllRegions: false }));
    return (out.Regions ?? []).flatMap((r) => (r.RegionName ? [r.RegionName] : [])).sort();
  } finally {
    ec2.destroy();
  }
}
