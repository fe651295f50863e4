import type { DataIndex } from "../diagram/model.ts";
import { shortId } from "../diagram/model.ts";
import type { LeafNode } from "../diagram/types.ts";

/** An aggregate card ("24 EC2 instances"): its members, and the way to draw them one by one. */
export function AggregateView(props: {
  node: LeafNode;
  index: DataIndex;
  onSelect: (id: string) => void;
  onExpand: (agg: string) => void;
}) {
  const { node, index } = props;
  return (
    <div className="inspector" data-inspecting={node.id}>
      <h2>{node.label}</h2>
      <p>
        <button type="button" onClick={() => props.onExpand(node.id)}>
          Draw them one by one
        </button>
      </p>
      <ul className="members">
        {node.resourceIds.map((id) => {
          const r = index.byId.get(id);
          const n = (index.findingsByResource.get(id) ?? []).length;
          return (
            <li key={id}>
              <button type="button" className="link" onClick={() => props.onSelect(id)}>
                {r?.name ?? shortId(id)}
              </button>
              {n > 0 ? (
                <span className="muted">
                  {" "}
                  · {n} finding{n === 1 ? "" : "s"}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
