import type { DataIndex } from "../diagram/model.ts";
import { shortId, shortType } from "../diagram/model.ts";
import { SEVERITY_COLOURS } from "../diagram/styles.ts";
import type { DiagramEdge, DiagramNode, Resource } from "../diagram/types.ts";
import { AggregateView } from "./AggregateView.tsx";
import { EdgeView } from "./EdgeView.tsx";
import { FindingView } from "./FindingView.tsx";
import { GroupView } from "./GroupView.tsx";

export interface InspectorProps {
  index: DataIndex;
  selected: string | undefined;
  node: DiagramNode | undefined;
  edge: DiagramEdge | undefined;
  onSelect: (id: string) => void;
  onExpand: (agg: string) => void;
}

/** The right panel: the selected edge, aggregate, box or resource. */
export function Inspector(props: InspectorProps) {
  const { selected, index, node, edge } = props;
  if (edge) return <EdgeView edge={edge} index={index} onSelect={props.onSelect} />;
  if (!selected) {
    return (
      <div className="inspector empty">
        <h2>Inspector</h2>
        <p>Select a resource or an edge in the diagram, or a finding in the list.</p>
      </div>
    );
  }
  const r = index.byId.get(selected);
  if (!r && node?.kind === "leaf" && node.aggregate)
    return <AggregateView node={node} index={index} onSelect={props.onSelect} onExpand={props.onExpand} />;
  if (!r && node?.kind === "group") return <GroupView g={node} />;
  if (!r) return <div className="inspector">Nothing named {selected} is in this snapshot.</div>;
  return <ResourceView r={r} {...props} />;
}

function ResourceView({ r, index, node, onSelect, onExpand }: InspectorProps & { r: Resource }) {
  const data = index.data;
  const findings = index.findingsByResource.get(r.id) ?? [];
  const unverified = (data.report.unverified ?? []).filter((u) => u.resourceId === r.id);
  const hosted = (index.hosted.get(r.id) ?? [])
    .map((id) => index.byId.get(id))
    .filter((x): x is Resource => !!x);
  const aggregateOf = node?.kind === "leaf" && node.aggregate ? node : undefined;
  const tiers = Object.entries(data.report.view?.tiers ?? {})
    .filter(([, ids]) => ids.includes(r.id))
    .map(([t]) => t);
  const cls = r.type === "AWS::EC2::Subnet" ? index.subnetClass(r.id) : undefined;
  const change = index.change(r.id);
  return (
    <div className="inspector" data-inspecting={r.id}>
      <h2 className="iname">{r.name ?? shortId(r.id)}</h2>
      <div className="itype">
        {shortType(r.type)} · {r.type}
      </div>
      <dl className="facts">
        <dt>id</dt>
        <dd className="mono">{r.id}</dd>
        <dt>account</dt>
        <dd>{r.account}</dd>
        <dt>region</dt>
        <dd>{r.region}</dd>
        {cls ? (
          <>
            <dt>class</dt>
            <dd data-subnet-class={cls}>
              {cls === "unknown"
                ? "unknown: its route table was not recorded"
                : `${cls} (from its route table)`}
            </dd>
          </>
        ) : null}
        {tiers.length > 0 ? (
          <>
            <dt>tier</dt>
            <dd data-tiers={tiers.join(",")}>{tiers.join(", ")}</dd>
          </>
        ) : null}
        {r.tags[index.environmentTag] ? (
          <>
            <dt>env</dt>
            <dd>{r.tags[index.environmentTag]}</dd>
          </>
        ) : null}
        {r.parent ? (
          <>
            <dt>in</dt>
            <dd>
              <button type="button" className="link" onClick={() => onSelect(r.parent as string)}>
                {index.byId.get(r.parent)?.name ?? shortId(r.parent)}
              </button>
            </dd>
          </>
        ) : null}
      </dl>
      {aggregateOf ? (
        <p className="note">
          Drawn inside “{aggregateOf.label}”.{" "}
          <button type="button" className="link" onClick={() => onExpand(aggregateOf.id)}>
            Expand
          </button>
        </p>
      ) : null}
      {change ? (
        <div className="change-note" data-change-note={change}>
          <h3 title={data.report.view?.diff?.old}>
            Since {data.report.view?.diff?.old.split(/[\\/]/).pop()}
          </h3>
          {change === "changed" ? (
            <ul>
              {(data.report.view?.diff?.changed[r.id] ?? []).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p>
              {change === "added"
                ? "Added: the old snapshot did not have it."
                : "Removed: drawn ghosted where it was; the new snapshot does not have it."}
            </p>
          )}
        </div>
      ) : null}
      <h3>Findings ({findings.length})</h3>
      {findings.length === 0 ? <p className="muted">None.</p> : null}
      {findings.map((f) => (
        <FindingView key={f.fingerprint} f={f} data={data} />
      ))}
      {unverified.length > 0 ? (
        <>
          <h3>Unverified ({unverified.length})</h3>
          <ul className="evidence" data-unverified>
            {unverified.map((u) => (
              <li key={u.ruleId}>
                <strong>{u.ruleId}</strong>: could not be checked, {u.missing.join(", ") || "data"} not
                recorded
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {hosted.length > 0 ? (
        <>
          <h3>Configuration ({hosted.length})</h3>
          <ul className="hosted">
            {hosted.map((h) => (
              <li key={h.id}>
                <button type="button" className="link" onClick={() => onSelect(h.id)}>
                  {h.name ?? shortId(h.id)}
                </button>{" "}
                <span className="muted">{shortType(h.type)}</span>
                {(index.findingsByResource.get(h.id) ?? []).length > 0 ? (
                  <span className="dot" style={{ background: SEVERITY_COLOURS.high }} />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Tags ({Object.keys(r.tags).length})</h3>
      <table className="tags">
        <tbody>
          {Object.entries(r.tags).map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Properties</h3>
      <pre className="props">{JSON.stringify(r.props, null, 2)}</pre>
    </div>
  );
}
