import { IconSvg } from "../diagram/AwsIcon.tsx";
import type { IconKey } from "../diagram/icon-files.ts";
import { KINDS } from "../diagram/kinds.ts";
import { SEVERITIES } from "../diagram/model.ts";
import {
  EDGE_STYLES,
  GROUP_STYLES,
  type GroupStyle,
  SEVERITY_COLOURS,
  SUBNET_STYLES,
} from "../diagram/styles.ts";

const CHANGES: [string, string, string, string | undefined][] = [
  ["+", "#1d8102", "added (green outline; new edges green)", undefined],
  ["~", "#d97706", "changed (amber outline; a box: something drawn on it changed)", undefined],
  ["−", "#687078", "removed: ghosted where it was (dashed, faded, name struck through)", "6 4"],
];

/** Every box, edge, badge and icon the diagram uses, with what it means. */
export function Legend({ inline = false, compared = false }: { inline?: boolean; compared?: boolean }) {
  const boxes: GroupStyle[] = [
    GROUP_STYLES.account,
    GROUP_STYLES.region,
    GROUP_STYLES.vpc,
    GROUP_STYLES.az,
    SUBNET_STYLES.public,
    SUBNET_STYLES.private,
    SUBNET_STYLES.unknown,
    GROUP_STYLES.asg,
    GROUP_STYLES.global,
    GROUP_STYLES.services,
  ];
  const icons = [
    ...new Map(Object.values(KINDS).map((k) => [k.icon, k.short] as [IconKey, string])).entries(),
  ];
  return (
    <div className={inline ? "legend inline" : "legend"} role="dialog" aria-label="Legend">
      <h3>Boxes</h3>
      <ul className="legend-boxes">
        {boxes.map((b) => (
          <li key={b.label}>
            <svg width="34" height="18" role="img" aria-label={b.label}>
              <rect
                x="1"
                y="1"
                width="32"
                height="16"
                rx="2"
                fill={b.fill === "none" ? "#fff" : b.fill}
                stroke={b.stroke}
                strokeWidth="1.6"
                strokeDasharray={b.dash}
              />
            </svg>{" "}
            {b.label}
          </li>
        ))}
      </ul>
      <h3>Edges</h3>
      <ul className="legend-boxes">
        {Object.entries(EDGE_STYLES).map(([k, s]) => (
          <li key={k}>
            <svg width="34" height="12" role="img" aria-label={s.label}>
              <line
                x1="1"
                x2="33"
                y1="6"
                y2="6"
                stroke={s.colour}
                strokeWidth={s.width}
                strokeDasharray={s.dash}
              />
            </svg>{" "}
            {s.label}
          </li>
        ))}
      </ul>
      <p className="muted">
        Edge labels are ports (":443") or the target group's protocol and port ("HTTP:8000").
      </p>
      <h3>Severity badges (open findings on the resource and what it hosts)</h3>
      <div>
        {SEVERITIES.map((s) => (
          <span key={s} className="pill" style={{ background: SEVERITY_COLOURS[s] }}>
            {s}
          </span>
        ))}
      </div>
      {compared ? (
        <>
          <h3>Changes since the old snapshot (--compare)</h3>
          <ul className="legend-boxes" data-legend="changes">
            {CHANGES.map(([sign, colour, text, dash]) => (
              <li key={sign}>
                <svg width="34" height="18" role="img" aria-label={text}>
                  <rect
                    x="1"
                    y="1"
                    width="32"
                    height="16"
                    rx="2"
                    fill="#fff"
                    stroke={colour}
                    strokeWidth="2"
                    strokeDasharray={dash}
                  />
                  <text x="17" y="13.5" textAnchor="middle" fontSize="12" fontWeight="700" fill={colour}>
                    {sign}
                  </text>
                </svg>{" "}
                {text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Resources (AWS Architecture Icons)</h3>
      <div className="legend-icons">
        {icons.map(([icon, short]) => (
          <span key={icon} className="legend-icon">
            <IconSvg icon={icon} size={20} label={short} />
            {short}
          </span>
        ))}
      </div>
      <p>Dashed cards aggregate similar resources; a dashed, faded database is a Multi-AZ standby.</p>
    </div>
  );
}
