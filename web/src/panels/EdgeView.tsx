import type { DataIndex } from "../diagram/model.ts";
import { shortId } from "../diagram/model.ts";
import { EDGE_STYLES } from "../diagram/styles.ts";
import type { DiagramEdge } from "../diagram/types.ts";
import { FindingView } from "./FindingView.tsx";

/** A clicked edge: what it stands for, its ports, the findings it shows and why the traffic is possible. */
export function EdgeView({
  edge,
  index,
  onSelect,
}: {
  edge: DiagramEdge;
  index: DataIndex;
  onSelect: (id: string) => void;
}) {
  const name = (id: string) =>
    id === "internet" ? "the internet" : (index.byId.get(id)?.name ?? shortId(id));
  // A flow finding reported inside another one about the same problem shows as that one.
  const byFp = new Map(
    index.data.report.findings.flatMap((f) => [
      [f.fingerprint, f] as const,
      ...(f.related ?? []).map((r) => [r.fingerprint, f] as const),
    ]),
  );
  const style = EDGE_STYLES[edge.style];
  return (
    <div className="inspector" data-inspecting-edge={edge.id}>
      <h2 className="iname">
        {name(edge.pairs[0]?.[0] ?? edge.from)} → {name(edge.pairs[0]?.[1] ?? edge.to)}
      </h2>
      <div className="itype">
        {style.label}
        {edge.ports ? ` · ${edge.ports}` : ""}
      </div>
      {edge.findings.length > 0 ? <h3>Findings ({edge.findings.length})</h3> : null}
      {[...new Set(edge.findings.map((fp) => byFp.get(fp)))].map((f) =>
        f ? <FindingView key={f.fingerprint} f={f} data={index.data} /> : null,
      )}
      <h3>Evidence</h3>
      {edge.evidence.length === 0 ? (
        <p className="muted">
          No rule, route or ACL entry is recorded for this edge (it comes from the resources' own links).
        </p>
      ) : (
        <ul className="evidence" data-edge-evidence>
          {edge.evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <h3>Between ({edge.pairs.length})</h3>
      <ul className="members">
        {edge.pairs.map(([a, b]) => (
          <li key={`${a}>${b}`}>
            {a === "internet" ? (
              "internet"
            ) : (
              <button type="button" className="link" onClick={() => onSelect(a)}>
                {name(a)}
              </button>
            )}{" "}
            →{" "}
            <button type="button" className="link" onClick={() => onSelect(b)}>
              {name(b)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
