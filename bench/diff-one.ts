import { loadSpec } from "../src/architecture/load.ts";
import { diffSnapshots } from "../src/diff/index.ts";
import { loadSnapshot } from "../src/model/io.ts";

// One measurement in a fresh process (so peak RSS is this measurement's own), as `asbuilt diff` runs:
//   diff-one <old> <new> <spec>   load and validate both, analyse both (every rule, reachability), compare
const [oldFile, newFile, spec] = process.argv.slice(2);
if (!oldFile || !newFile) throw new Error("usage: diff-one OLD NEW [SPEC]");
const t0 = performance.now();
const [old, now, s] = await Promise.all([
  loadSnapshot(oldFile),
  loadSnapshot(newFile),
  spec ? loadSpec(spec) : undefined,
]);
const d = diffSnapshots(old, now, {
  oldFile,
  newFile,
  ...(s ? { spec: s } : {}),
  failOn: "high",
  version: "bench",
});
const ms = performance.now() - t0;
const { added, removed, changed, findingsNew, findingsFixed, exposureOpened } = d.summary;
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs, rssMiB: usage.maxRSS / 1024, added, removed, changed, findingsNew, findingsFixed, exposureOpened })}\n`,
);
