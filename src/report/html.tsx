import { renderToStaticMarkup } from "react-dom/server";
import { SEVERITY_COLOURS } from "../../web/src/diagram/Diagram.tsx";
import { type DataIndex, indexData, SEVERITIES, shortId, shortType } from "../../web/src/diagram/model.ts";
import type { DiagramData } from "../../web/src/diagram/types.ts";
import { Legend } from "../../web/src/panels/Legend.tsx";
import { SEVERITY_ORDER } from "../architecture/schema.ts";
import { presentNotEvaluated } from "../model/not-evaluated.ts";
import type { DiagramDiff, Finding, FindingsReport } from "../rules/finding.ts";
import { type DiagramPage, diagramPages } from "./report-diagram.tsx";

// The security review as one self-contained HTML file: no script, no network (inline CSS, inline SVG).
// Rendered with React's static renderer, so every AWS string is escaped as text; the diagram is the UI's
// own component, laid out by elkjs in Node, one printed page per VPC when the account is too large for one.

const CSS = `
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; margin: 0; background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 60px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 2px solid #e5e9f0; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: #5b6676; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
.card { border: 1px solid #dfe4ec; border-radius: 8px; padding: 8px 14px; min-width: 110px; }
.card b { display: block; font-size: 22px; }
.pill { display: inline-block; color: #fff; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; }
.diagram { border: 1px solid #dfe4ec; border-radius: 8px; background: #fff; margin: 8px 0 18px; }
.diagram svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.diagram-page h3 { margin-top: 0; }
.legend h3 { font-size: 13px; }
.legend ul { list-style: none; padding: 0; columns: 2; }
.legend-boxes li { display: flex; gap: 6px; align-items: center; break-inside: avoid; }
.legend-icons { display: grid; grid-template-columns: repeat(4, 1fr); gap: 4px 10px; font-size: 12px; }
.legend-icon { display: inline-flex; gap: 6px; align-items: center; }
.pass { color: #2f7d32; font-weight: 700; }
.fail { color: #d1293d; font-weight: 700; }
.finding { border-left: 4px solid #c3cbd6; padding: 4px 0 4px 12px; margin: 10px 0 16px; break-inside: avoid; }
.finding .head { font-weight: 600; }
.finding .res { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: #4b5563; word-break: break-all; }
.finding ul { margin: 4px 0; padding-left: 20px; font-size: 13px; }
.fix { background: #f0f7f0; padding: 4px 8px; border-radius: 5px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; border-bottom: 1px solid #edf0f4; padding: 4px 6px; vertical-align: top; word-break: break-word; }
th { background: #f6f8fa; }
.muted { color: #6b7280; }
ol.hops { margin: 0; padding-left: 18px; font-size: 12px; }
@media print {
  main { max-width: none; padding: 0; }
  .diagram { border: none; margin: 0; }
  .diagram-page { break-before: page; break-inside: avoid; }
  .diagram svg { max-width: 100%; max-height: 166mm; width: auto; }
  .diagram-page h2 { margin: 0 0 4px; font-size: 15px; }
  h2 { break-after: avoid; }
  section.page { break-before: page; }
  .finding { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4 landscape; margin: 14mm; }
`;

export interface HtmlReportInput {
  data: DiagramData;
  version: string;
  generatedAt: Date;
}

function FindingBlock({ f, fix }: { f: Finding; fix: string | undefined }) {
  return (
    <div className="finding" style={{ borderLeftColor: SEVERITY_COLOURS[f.severity] }} data-rule={f.ruleId}>
      <div className="head">
        <span className="pill" style={{ background: SEVERITY_COLOURS[f.severity] }}>
          {f.severity}
        </span>{" "}
        {f.title} <span className="muted">({f.ruleId})</span>
      </div>
      <div className="res">
        {f.resourceName ? `${f.resourceName} · ` : ""}
        {f.resourceId} · {f.account} {f.region}
      </div>
      <p>{f.message}</p>
      {f.evidence.length > 0 ? (
        <ul>
          {f.evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {fix ? (
        <p className="fix">
          <b>Fix:</b> {fix}
        </p>
      ) : null}
    </div>
  );
}

/**
 * What the internet reaches, from `asbuilt exposure`'s analysis: one row per resource and front door, its
 * traffic, and the path (each hop and the rule allowing it); what only unrecorded data could allow, apart.
 */
function Exposure({ entries }: { entries: NonNullable<FindingsReport["exposure"]> }) {
  const rows = (unknown: boolean) => {
    const out = new Map<string, { e: (typeof entries)[number]; traffic: string[] }>();
    for (const e of entries.filter((x) => x.unknown === unknown)) {
      const key = `${e.resourceId}\0${e.via}\0${e.viaId ?? ""}\0${e.audience}`;
      const row = out.get(key);
      if (row) row.traffic.push(e.traffic);
      else out.set(key, { e, traffic: [e.traffic] });
    }
    return [...out.values()];
  };
  const reached = rows(false);
  const unknown = rows(true);
  const via = (e: (typeof entries)[number]) =>
    e.via === "direct"
      ? "directly"
      : `${e.via}${e.viaName || e.viaId ? ` ${e.viaName ?? shortId(e.viaId ?? "")}` : ""}`;
  return (
    <>
      {reached.length === 0 ? (
        <p>Nothing is proven reachable from the internet.</p>
      ) : (
        <table data-exposure>
          <thead>
            <tr>
              <th>Resource</th>
              <th>Traffic</th>
              <th>Via</th>
              <th>From</th>
              <th>Path</th>
            </tr>
          </thead>
          <tbody>
            {reached.map(({ e, traffic }) => (
              <tr key={`${e.resourceId}/${e.via}/${e.viaId ?? ""}/${e.audience}`}>
                <td>
                  {e.resourceName ?? shortId(e.resourceId)}{" "}
                  <span className="muted">{shortType(e.resourceType)}</span>
                </td>
                <td>{traffic.join(", ")}</td>
                <td>{via(e)}</td>
                <td>{e.audience}</td>
                <td>
                  <ol className="hops">
                    {e.hops.map((h, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: hops are an ordered path; the same text may repeat
                      <li key={i}>{h.text}</li>
                    ))}
                  </ol>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unknown.length > 0 ? (
        <>
          <h3>Unknown: reachable only if what was not recorded allows it</h3>
          <table data-exposure-unknown>
            <thead>
              <tr>
                <th>Resource</th>
                <th>Traffic</th>
                <th>Via</th>
                <th>Not recorded</th>
              </tr>
            </thead>
            <tbody>
              {unknown.map(({ e, traffic }) => (
                <tr key={`${e.resourceId}/${e.via}/${e.viaId ?? ""}/${e.audience}`}>
                  <td>
                    {e.resourceName ?? shortId(e.resourceId)}{" "}
                    <span className="muted">{shortType(e.resourceType)}</span>
                  </td>
                  <td>{traffic.join(", ")}</td>
                  <td>{via(e)}</td>
                  <td>{[...new Set(e.reasons)].join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}

/** The attack surface in one table: what the internet reaches, on which ports, and whether a finding says so. */
function AttackPaths({ index }: { index: DataIndex }) {
  const flows = (index.data.report.view?.flows ?? []).filter((f) => f.from === "internet");
  const open = new Set(index.data.report.findings.filter((f) => !f.waived).map((f) => f.fingerprint));
  const rows = flows
    .map((f) => ({ f, bad: f.finding !== undefined && open.has(f.finding) }))
    .sort((a, b) => Number(b.bad) - Number(a.bad) || (a.f.to < b.f.to ? -1 : 1));
  if (rows.length === 0) return <p>Nothing in this account is reachable from the internet.</p>;
  const name = (id: string) => index.byId.get(id)?.name ?? shortId(id);
  return (
    <table data-attack-paths>
      <thead>
        <tr>
          <th>From the internet to</th>
          <th>Type</th>
          <th>Ports</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ f, bad }) => (
          <tr key={f.to}>
            <td>{name(f.to)}</td>
            <td>{shortType(index.byId.get(f.to)?.type ?? "")}</td>
            <td>tcp/{f.ports}</td>
            <td className={bad ? "fail" : f.status === "documented" ? "pass" : ""}>
              {bad
                ? "not documented (finding)"
                : f.status === "documented"
                  ? "documented"
                  : f.status === "unspecified"
                    ? "no spec given"
                    : "possible"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** With --compare: what changed since the old snapshot, as the diagram marks it. */
function Changes({ diff, index }: { diff: DiagramDiff; index: DataIndex }) {
  const name = (id: string) => index.byId.get(id)?.name ?? shortId(id);
  const type = (id: string) => index.byId.get(id)?.type ?? "";
  const changed = Object.entries(diff.changed);
  const row = (id: string, mark: string, lines: string[]) => (
    <tr key={`${mark}${id}`} data-change={mark}>
      <td>{mark}</td>
      <td>
        <b>{name(id)}</b> <span className="muted">{type(id)}</span>
      </td>
      <td>{lines.join("; ")}</td>
    </tr>
  );
  return (
    <section data-changes>
      <h3>Changes since {diff.old}</h3>
      <p>
        {diff.added.length} added, {diff.removed.length} removed, {changed.length} changed;{" "}
        {diff.edgesAdded.length} edges added, {diff.edgesRemoved.length} removed. The diagram marks them:
        added resources outlined green (+), removed ones ghosted at their place (−), changed ones outlined
        amber (~).
      </p>
      {diff.added.length + diff.removed.length + changed.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th />
              <th>Resource</th>
              <th>What changed</th>
            </tr>
          </thead>
          <tbody>
            {diff.added.slice(0, 200).map((id) => row(id, "+", ["added"]))}
            {diff.removed.slice(0, 200).map((id) => row(id, "−", ["removed"]))}
            {changed.slice(0, 200).map(([id, lines]) => row(id, "~", lines))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function Report({ input, pages, index }: { input: HtmlReportInput; pages: DiagramPage[]; index: DataIndex }) {
  const { snapshot, report } = input.data;
  const open = report.findings.filter((f) => !f.waived);
  const waived = report.findings.filter((f) => f.waived);
  const gaps = snapshot.coverage.filter((c) => c.status !== "scanned");
  const unevaluated = presentNotEvaluated(snapshot);
  const rules = report.view?.rules ?? {};
  const specFindings = open.filter((f) => f.pack === "spec");
  const tiers = Object.entries(report.view?.tiers ?? {});
  const flows = report.view?.flows ?? [];
  const undocumented = flows.filter((f) => f.status === "undocumented").length;
  // With --compare, the snapshot also holds what was removed (drawn ghosted): not counted as present.
  const diff = report.view?.diff;
  const gone = new Set(diff?.removed ?? []);
  const present = gone.size > 0 ? snapshot.resources.filter((r) => !gone.has(r.id)) : snapshot.resources;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          httpEquiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        />
        <title>{`asbuilt review: ${snapshot.scope.accounts.join(", ")}`}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <main>
          <h1>Architecture review</h1>
          <div className="meta">
            {snapshot.scope.accounts.length === 1 ? "Account" : "Accounts"}{" "}
            {snapshot.scope.accounts.join(", ")} · regions {snapshot.scope.regions.join(", ")} · scanned{" "}
            {snapshot.scannedAt}
            {snapshot.source ? ` (${snapshot.source})` : ""} · report by asbuilt {input.version} on{" "}
            {input.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
            {report.spec
              ? ` · checked against ${report.spec}`
              : " · no architecture spec given (baseline rules only)"}
          </div>
          <h2>Summary</h2>
          <div className="cards">
            <div className="card">
              <b>{present.length}</b>resources
            </div>
            {SEVERITIES.map((s) => (
              <div className="card" key={s} data-summary={s}>
                <b style={{ color: SEVERITY_COLOURS[s] }}>{open.filter((f) => f.severity === s).length}</b>
                {s}
              </div>
            ))}
            <div className="card">
              <b>{waived.length}</b>waived
            </div>
            <div className="card" data-summary="unverified">
              <b>{(report.unverified ?? []).length}</b>unverified checks
            </div>
            <div className="card">
              <b>{gaps.length}</b>coverage gaps
            </div>
          </div>
          {diff ? <Changes diff={diff} index={index} /> : null}
          <h3>Top risks</h3>
          {open.length === 0 ? (
            <p>No open findings.</p>
          ) : (
            <ol data-top-risks>
              {[...open]
                .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity])
                .slice(0, 5)
                .map((f) => (
                  <li key={f.fingerprint}>
                    <span className="pill" style={{ background: SEVERITY_COLOURS[f.severity] }}>
                      {f.severity}
                    </span>{" "}
                    <b>{f.resourceName ?? shortId(f.resourceId)}</b>: {f.message}
                  </li>
                ))}
            </ol>
          )}
          <h3>Attack paths from the internet</h3>
          <AttackPaths index={index} />
          {report.exposure ? (
            <>
              <h2>Internet exposure</h2>
              <Exposure entries={report.exposure} />
            </>
          ) : null}

          {pages.map((p, i) => (
            <section className="diagram-page" key={p.title} data-diagram-page={i}>
              <h2>Diagram: {p.title}</h2>
              <div className="diagram">{p.svg}</div>
            </section>
          ))}
          <section className="diagram-page">
            <h2>Legend</h2>
            <p className="muted">
              Boxes nest account › region › VPC › availability zone (columns) › subnet (rows, public on top),
              as AWS draws them. Edges are the default view: load balancer → targets, DNS → load balancer,
              CloudFront → origin, documented flows, and every flow a finding reports (red). Badges count open
              findings.
            </p>
            <Legend inline compared={diff !== undefined} />
          </section>

          <section className="page">
            <h2>Findings ({open.length})</h2>
            {open.length === 0 ? <p>No open findings.</p> : null}
            {SEVERITIES.map((s) => {
              const list = open.filter((f) => f.severity === s);
              if (list.length === 0) return null;
              return (
                <div key={s} data-severity-group={s}>
                  <h3>
                    {s[0]?.toUpperCase()}
                    {s.slice(1)} ({list.length})
                  </h3>
                  {list.map((f) => (
                    <FindingBlock key={f.fingerprint} f={f} fix={rules[f.ruleId]?.fix} />
                  ))}
                </div>
              );
            })}
          </section>

          <h2>Unverified checks ({(report.unverified ?? []).length})</h2>
          {(report.unverified ?? []).length === 0 ? (
            <p>Every check could be decided from the data read.</p>
          ) : (
            <table data-unverified>
              <thead>
                <tr>
                  <th>Resource</th>
                  <th>Rule</th>
                  <th>Not recorded</th>
                </tr>
              </thead>
              <tbody>
                {(report.unverified ?? []).map((u) => (
                  <tr key={u.fingerprint}>
                    <td>{u.resourceName ?? shortId(u.resourceId)}</td>
                    <td>
                      {u.title} <span className="muted">({u.ruleId})</span>
                    </td>
                    <td>{u.missing.join(" ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h2>Coverage</h2>
          {gaps.length === 0 ? (
            <p>Every account, region and service in scope was read.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Account</th>
                  <th>Region</th>
                  <th>Service</th>
                  <th>Status</th>
                  <th>Error</th>
                </tr>
              </thead>
              <tbody>
                {gaps.map((g) => (
                  <tr key={`${g.account}/${g.region}/${g.service}`}>
                    <td>{g.account}</td>
                    <td>{g.region}</td>
                    <td>{g.service}</td>
                    <td>{g.status}</td>
                    <td>{g.error ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h3>Present, not evaluated</h3>
          {unevaluated.length === 0 ? (
            <p>Every resource the sources showed is of a type asbuilt models.</p>
          ) : (
            <>
              <p>
                The sources show these exist, but asbuilt does not model or read them: no rule looked at them.
              </p>
              <table>
                <thead>
                  <tr>
                    <th>Account</th>
                    <th>Region</th>
                    <th>Type</th>
                    <th>Count</th>
                    <th>Seen in</th>
                  </tr>
                </thead>
                <tbody>
                  {unevaluated.map((n) => (
                    <tr key={`${n.account}/${n.region}/${n.type}/${n.source}`}>
                      <td>{n.account}</td>
                      <td>{n.region}</td>
                      <td>{n.type}</td>
                      <td>{n.count}</td>
                      <td>
                        {n.source === "resource"
                          ? "kept as a generic resource"
                          : n.source === "dump"
                            ? "a dump file with no reader"
                            : "AWS Config items not kept"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}

          <h2>Spec conformance</h2>
          {!report.spec ? (
            <p>
              No architecture spec was given: run with --spec architecture.yaml to check the documented
              architecture.
            </p>
          ) : (
            <>
              <p>
                {specFindings.length} open conformance finding{specFindings.length === 1 ? "" : "s"};{" "}
                {flows.length} network flows drawn, {undocumented} of them undocumented.
              </p>
              <table>
                <thead>
                  <tr>
                    <th>Tier</th>
                    <th>Members</th>
                    <th>Result</th>
                    <th>Failing rules</th>
                  </tr>
                </thead>
                <tbody>
                  {tiers.map(([tier, ids]) => {
                    const set = new Set(ids);
                    const failing = specFindings.filter((f) => set.has(f.resourceId));
                    const ruleIds = [...new Set(failing.map((f) => f.ruleId))].sort();
                    const ok = failing.length === 0 && ids.length > 0;
                    return (
                      <tr key={tier} data-tier={tier} data-result={ok ? "pass" : "fail"}>
                        <td>{tier}</td>
                        <td>{ids.length}</td>
                        <td className={ok ? "pass" : "fail"}>
                          {ok ? "PASS" : ids.length === 0 ? "FAIL (empty)" : `FAIL (${failing.length})`}
                        </td>
                        <td>
                          {ruleIds.map((r) => (
                            <div key={r}>
                              {rules[r]?.title ?? r} <span className="muted">({r})</span>
                            </div>
                          ))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}

          <h2>Waivers ({waived.length})</h2>
          {waived.length === 0 ? (
            <p>No finding is waived.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Rule</th>
                  <th>Resource</th>
                  <th>Reason</th>
                  <th>Expires</th>
                </tr>
              </thead>
              <tbody>
                {waived.map((f) => (
                  <tr key={f.fingerprint}>
                    <td>{f.ruleId}</td>
                    <td>{f.resourceName ?? shortId(f.resourceId)}</td>
                    <td>{f.waived?.reason}</td>
                    <td>{f.waived?.expires}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Inventory</h2>
          <table>
            <thead>
              <tr>
                <th>Type</th>
                <th>Count</th>
              </tr>
            </thead>
            <tbody>
              {inventory(present).map(([t, n]) => (
                <tr key={t}>
                  <td>
                    {shortType(t)} <span className="muted">{t}</span>
                  </td>
                  <td>{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </main>
      </body>
    </html>
  );
}

function inventory(resources: readonly { type: string }[]): [string, number][] {
  const m = new Map<string, number>();
  for (const r of resources) m.set(r.type, (m.get(r.type) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The report's HTML. Async because the layout is. */
export async function renderHtmlReport(input: HtmlReportInput): Promise<string> {
  const index = indexData(input.data);
  const pages = await diagramPages(index);
  return `<!doctype html>\n${renderToStaticMarkup(<Report input={input} pages={pages} index={index} />)}\n`;
}
