import type { DataIndex } from "../diagram/model.ts";
import { SEVERITIES, shortId } from "../diagram/model.ts";
import { SEVERITY_COLOURS } from "../diagram/styles.ts";
import { FLOW_VIEWS, type FlowView, type UrlState } from "../url-state.ts";

const FLOW_VIEW_LABELS: Record<FlowView, string> = {
  default: "architecture + violations",
  violations: "violations only",
  all: "every possible flow",
  none: "no flows",
};

export interface TopBarProps {
  index: DataIndex;
  url: UrlState;
  update: (patch: Partial<UrlState>) => void;
  onFit: () => void;
  onCollapseAll: () => void;
  onExpandAll: () => void;
  onExportSvg: () => void;
  onExportPng: () => void;
  legend: boolean;
  onLegend: () => void;
}

/** The account's scope and findings count, the filters, and the view's buttons. */
export function TopBar(props: TopBarProps) {
  const { index, url, update } = props;
  const data = index.data;
  const scope = data.snapshot.scope;
  const unwaived = data.report.findings.filter((f) => !f.waived);
  const gaps = data.snapshot.coverage.filter((c) => c.status !== "scanned");
  const diff = data.report.view?.diff;
  // With a comparison the snapshot also holds what was removed (drawn ghosted): not counted as present.
  const present = data.snapshot.resources.length - (diff?.removed.length ?? 0);
  return (
    <header className="topbar">
      <div className="brand">
        <strong>asbuilt</strong>
        <span className="scope">
          {scope.accounts.length === 1 ? `account ${scope.accounts[0]}` : `${scope.accounts.length} accounts`}{" "}
          · {scope.regions.filter((r) => r !== "global").join(", ")} · {present} resources
          {data.report.spec ? ` · spec ${data.report.spec}` : ""}
        </span>
      </div>
      <div className="summary">
        {SEVERITIES.map((s) => (
          <span key={s} className="pill" style={{ background: SEVERITY_COLOURS[s] }} data-summary={s}>
            {unwaived.filter((f) => f.severity === s).length} {s}
          </span>
        ))}
        {(data.report.unverified ?? []).length > 0 ? (
          <span
            className="pill gap"
            data-summary="unverified"
            title="Checks that could not be decided: the data they need was not recorded"
          >
            {(data.report.unverified ?? []).length} unverified
          </span>
        ) : null}
        {diff ? (
          <span
            className="pill change"
            data-summary="changes"
            title={`Compared with ${diff.old}: green + added, grey − removed (ghosted at its place), amber ~ changed`}
          >
            since {diff.old.split(/[\\/]/).pop()}: +{diff.added.length} −{diff.removed.length} ~
            {Object.keys(diff.changed).length}
          </span>
        ) : null}
        {gaps.length > 0 ? (
          <span
            className="pill gap"
            title={gaps.map((g) => `${g.account} ${g.region} ${g.service}: ${g.status}`).join("\n")}
          >
            {gaps.length} coverage gap{gaps.length === 1 ? "" : "s"}
          </span>
        ) : null}
      </div>
      <div className="tools">
        <button
          type="button"
          onClick={() => update({ hideFindings: !url.hideFindings })}
          aria-pressed={!url.hideFindings}
          data-panel="findings"
        >
          {url.hideFindings ? "▸ Findings" : "◂ Findings"}
        </button>
        {(data.report.exposure ?? []).length > 0 ? (
          <button
            type="button"
            onClick={() => update({ exposed: !url.exposed })}
            aria-pressed={url.exposed}
            data-exposed-toggle
            title="Highlight every resource the internet can reach (asbuilt exposure)"
          >
            Exposed (
            {new Set((data.report.exposure ?? []).filter((e) => !e.unknown).map((e) => e.resourceId)).size})
          </button>
        ) : null}
        <label>
          Environment{" "}
          <select
            value={url.environment ?? ""}
            onChange={(e) => update({ environment: e.target.value || undefined })}
            aria-label="Environment filter"
          >
            <option value="">all</option>
            {index.environments.map((env) => (
              <option key={env} value={env}>
                {env}
              </option>
            ))}
          </select>
        </label>
        <label>
          VPC{" "}
          <select
            value={url.vpc ?? ""}
            onChange={(e) => update({ vpc: e.target.value || undefined })}
            aria-label="VPC filter"
          >
            <option value="">all</option>
            {index.vpcs.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name ?? shortId(v.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Edges{" "}
          <select
            value={url.flows}
            onChange={(e) => update({ flows: e.target.value as FlowView })}
            aria-label="Edges drawn"
          >
            {FLOW_VIEWS.map((v) => (
              <option key={v} value={v}>
                {FLOW_VIEW_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        {diff ? (
          <label>
            <input
              type="checkbox"
              checked={url.changes}
              onChange={(e) => update({ changes: e.target.checked })}
              data-filter="changes"
            />{" "}
            changes only
          </label>
        ) : null}
        <input
          type="search"
          placeholder="Search name, tag, id prefix…"
          value={url.query}
          onChange={(e) => update({ query: e.target.value })}
          aria-label="Search resources"
        />
        <button type="button" onClick={props.onFit}>
          Fit
        </button>
        <button type="button" onClick={props.onCollapseAll}>
          Collapse all
        </button>
        <button type="button" onClick={props.onExpandAll}>
          Expand all
        </button>
        <button type="button" data-export="svg" onClick={props.onExportSvg}>
          SVG
        </button>
        <button type="button" data-export="png" onClick={props.onExportPng}>
          PNG
        </button>
        <button type="button" onClick={props.onLegend} aria-pressed={props.legend}>
          Legend
        </button>
        <button
          type="button"
          onClick={() => update({ hideInspector: !url.hideInspector })}
          aria-pressed={!url.hideInspector}
          data-panel="inspector"
        >
          {url.hideInspector ? "Inspector ◂" : "Inspector ▸"}
        </button>
      </div>
    </header>
  );
}
