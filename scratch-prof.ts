import { analyzeSnapshot } from "./src/analyze.ts";
import { loadSpec } from "./src/architecture/load.ts";
import { diffResources } from "./src/diff/changes.ts";
import { exposureDelta, tierFlowDelta } from "./src/diff/exposure.ts";
import { loadSnapshot } from "./src/model/io.ts";
import { ruleContext } from "./src/rules/engine.ts";

const D = "bench/.data";
const n = process.argv[2] ?? "50000";
let t = performance.now();
const lap = (s: string) => {
  const x = performance.now();
  console.log(s, Math.round(x - t));
  t = x;
};
const [old, now, spec] = await Promise.all([
  loadSnapshot(`${D}/synthetic-${n}.json`),
  loadSnapshot(`${D}/synthetic-${n}-changed.json`),
  loadSpec(`${D}/architecture.yaml`),
]);
lap("load");
const a = analyzeSnapshot(old, spec);
lap("analyze old");
const b = analyzeSnapshot(now, spec);
lap("analyze new");
const res = diffResources(old, now, { old: a.graph.recorded, new: b.graph.recorded });
lap("resources");
const ca = ruleContext(a.graph, { spec, facts: a.facts });
const cb = ruleContext(b.graph, { spec, facts: b.facts });
const e = exposureDelta(ca, cb);
lap(`exposure ${e.length}`);
const tf = tierFlowDelta(ca, cb);
lap(`tiers ${tf.length}`);
