import { SEVERITY_COLOURS } from "../diagram/styles.ts";
import type { DiagramData, Finding } from "../diagram/types.ts";

/** One finding in the inspector: what, the evidence, and the rule's fix. */
export function FindingView({ f, data }: { f: Finding; data: DiagramData }) {
  const rule = data.report.view?.rules[f.ruleId];
  return (
    <div className={`finding-detail sev-${f.severity}`} data-finding-detail={f.ruleId}>
      <div className="fhead">
        <span className="pill" style={{ background: SEVERITY_COLOURS[f.severity] }}>
          {f.severity}
        </span>{" "}
        <strong>{f.ruleId}</strong>
        {f.waived ? (
          <span className="muted">
            {" "}
            · waived until {f.waived.expires}: {f.waived.reason}
          </span>
        ) : null}
      </div>
      <p>{f.message}</p>
      {f.evidence.length > 0 ? (
        <ul className="evidence">
          {f.evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {rule ? (
        <p className="fix">
          <strong>Fix:</strong> {rule.fix}
        </p>
      ) : null}
    </div>
  );
}
