import { memo, useState } from "react";
import type { DataIndex } from "../diagram/model.ts";
import { SEVERITIES, shortId, shortType } from "../diagram/model.ts";
import { SEVERITY_COLOURS } from "../diagram/styles.ts";
import type { Finding, Resource } from "../diagram/types.ts";
import type { UrlState } from "../url-state.ts";

export interface FindingsPanelProps {
  index: DataIndex;
  url: UrlState;
  update: (patch: Partial<UrlState>) => void;
  findings: readonly Finding[];
  results: readonly Resource[];
  onFinding: (f: Finding) => void;
  onResource: (id: string) => void;
}

const PAGE = 200;

/** One finding in the list; memoised, so a selection re-renders the two items whose state changed. */
const FindingItem = memo(function FindingItem({
  f,
  active,
  onFinding,
}: {
  f: Finding;
  active: boolean;
  onFinding: (f: Finding) => void;
}) {
  return (
    <li>
      <button
        type="button"
        className={`finding${active ? " active" : ""}`}
        data-finding={f.ruleId}
        data-resource={f.resourceId}
        onClick={() => onFinding(f)}
      >
        <span className="dot" style={{ background: SEVERITY_COLOURS[f.severity] }} />
        <span className="ftext">
          <span className="frule">
            {f.ruleId}
            {f.waived ? " (waived)" : ""}
          </span>
          <span className="fres">{f.resourceName ?? shortId(f.resourceId)}</span>
        </span>
      </button>
    </li>
  );
});

/** The left panel: search matches (ranked), then the findings with their filters. */
export function FindingsPanel(props: FindingsPanelProps) {
  const { index, url, update, findings, results } = props;
  const ruleIds = [...new Set(index.data.report.findings.map((f) => f.ruleId))].sort();
  // A large account has thousands of findings: the list grows by pages instead of drawing them all.
  const [shown, setShown] = useState(PAGE);
  return (
    <aside className="left">
      {url.query ? (
        <section className="search-results">
          <h2>
            {results.length} match{results.length === 1 ? "" : "es"}
          </h2>
          <ul>
            {results.slice(0, 100).map((r) => (
              <li key={r.id}>
                <button type="button" data-result={r.id} onClick={() => props.onResource(r.id)}>
                  <span className="rname">{r.name ?? shortId(r.id)}</span>
                  <span className="rtype">{shortType(r.type)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="findings">
        <h2>Findings ({findings.length})</h2>
        <div className="filters">
          {SEVERITIES.map((s) => (
            <label key={s} className="sev-filter">
              <input
                type="checkbox"
                checked={url.severities.includes(s)}
                onChange={(e) =>
                  update({
                    severities: e.target.checked
                      ? SEVERITIES.filter((x) => x === s || url.severities.includes(x))
                      : url.severities.filter((x) => x !== s),
                  })
                }
              />
              <span className="dot" style={{ background: SEVERITY_COLOURS[s] }} />
              {s}
            </label>
          ))}
          <select
            value={url.rule ?? ""}
            onChange={(e) => update({ rule: e.target.value || undefined })}
            aria-label="Rule filter"
          >
            <option value="">all rules</option>
            {ruleIds.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <label className="sev-filter">
            <input
              type="checkbox"
              checked={url.waived}
              onChange={(e) => update({ waived: e.target.checked })}
            />
            waived
          </label>
        </div>
        <ul className="finding-list">
          {findings.slice(0, shown).map((f) => (
            <FindingItem
              key={f.fingerprint}
              f={f}
              active={url.finding === f.fingerprint}
              onFinding={props.onFinding}
            />
          ))}
        </ul>
        {findings.length > shown ? (
          <button type="button" className="more" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, findings.length - shown)} more of {findings.length - shown}
          </button>
        ) : null}
      </section>
    </aside>
  );
}
