import type { Coverage, Resource } from "../../model/snapshot.ts";
import { CONFIG_READERS } from "../services.ts";

// What a Config source read, service by service: shared by the AWS Config scan (scan.ts) and the import of
// Config files (../import), which must not load the scan's SDK client to compute it.

/**
 * The coverage of each service a Config source reads, from the coverage of the Config queries themselves
 * (service "config", per account × region): where Config answered, every service whose types asbuilt reads
 * from it counts as scanned there, or partial with what Config never records (each reader's `partial`);
 * where it did not, the service has the query's own status and error. Global services (S3, CloudFront,
 * Route 53) get one entry per account. CloudFront distributions and Route 53 zones are recorded in
 * us-east-1 only (CloudFront's documented home region; assumed for hosted zones, which Route 53's control
 * plane also serves from us-east-1), so without `aggregator` an account that gave none while us-east-1 was
 * not queried is a gap, not an account without them.
 */
export function configCoverage(
  queries: readonly Coverage[],
  opts: {
    services?: readonly string[] | undefined;
    aggregator?: boolean;
    resources?: readonly Resource[];
  } = {},
): Coverage[] {
  const wants = (s: string) => !opts.services || opts.services.length === 0 || opts.services.includes(s);
  const readers = CONFIG_READERS.filter((r) => wants(r.module.service));
  const has = (account: string, type: string) =>
    (opts.resources ?? []).some((r) => r.account === account && r.type === type);
  const entry = (account: string, region: string, r: (typeof readers)[number], q: Coverage): Coverage =>
    q.status !== "scanned"
      ? {
          account,
          region,
          service: r.module.service,
          status: q.status,
          error: `the AWS Config query ${q.status}${q.error ? `: ${q.error}` : ""}`,
        }
      : r.partial
        ? {
            account,
            region,
            service: r.module.service,
            status: "partial",
            error: r.partial.why,
            notRecorded: [...r.partial.notRecorded],
          }
        : { account, region, service: r.module.service, status: "scanned" };
  const out: Coverage[] = [];
  const byAccount = new Map<string, Coverage[]>();
  for (const q of queries) {
    if (q.service !== "config") continue;
    byAccount.set(q.account, [...(byAccount.get(q.account) ?? []), q]);
    for (const r of readers) if (!r.module.global) out.push(entry(q.account, q.region, r, q));
  }
  for (const [account, qs] of byAccount) {
    const answered = qs.filter((q) => q.status === "scanned");
    const first = answered[0] ?? qs[0];
    if (!first) continue;
    for (const r of readers.filter((x) => x.module.global)) {
      const home = r.recordedIn;
      const missedHome =
        home !== undefined &&
        !opts.aggregator &&
        !answered.some((q) => q.region === home) &&
        !Object.keys(r.types).some((t) => has(account, t));
      out.push(
        missedHome
          ? {
              account,
              region: "global",
              service: r.module.service,
              status: "skipped",
              error: `not queried: AWS Config records ${r.module.service} in ${home}, and no AWS Config data of ${home} was read (add ${home} to --regions, or import its configuration snapshot)`,
            }
          : entry(account, "global", r, first),
      );
    }
  }
  return out;
}
