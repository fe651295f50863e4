import type { GroupNode } from "../diagram/types.ts";

/** A box that is no resource (an AZ, an account, a region). */
export function GroupView({ g }: { g: GroupNode }) {
  return (
    <div className="inspector" data-inspecting={g.id}>
      <h2>{g.label}</h2>
      <p>
        {g.count} resources · {g.findings} findings
      </p>
    </div>
  );
}
