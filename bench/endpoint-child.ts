import { loadSnapshot } from "../src/model/io.ts";
import { startEndpoint } from "../test/aws-endpoint/server.ts";
import { ALL_HANDLERS } from "../test/aws-endpoint/services/index.ts";
import type { Fault } from "../test/aws-endpoint/types.ts";

// The loopback AWS endpoint in a process of its own (forked with IPC by scan-one.ts), as AWS is a
// remote service: rendering responses must not take CPU from the collector being measured.
// FAULTS_JSON: more faults (chaos-one.ts's seeded chaos) besides the latency.
const [file, latencyText = "50", faultsJson = "[]"] = process.argv.slice(2);
if (!file || !process.send)
  throw new Error("fork me with IPC: endpoint-child FILE [LATENCY_MS] [FAULTS_JSON]");
const endpoint = await startEndpoint({
  snapshot: await loadSnapshot(file),
  services: ALL_HANDLERS,
  faults: [{ kind: "latency", ms: Number(latencyText) }, ...(JSON.parse(faultsJson) as Fault[])],
});
process.send({ url: endpoint.url });
process.on("message", async (m: string) => {
  if (m !== "report") return;
  // performance.now() differs between processes: times are sent relative to the first request.
  const t0 = Math.min(...endpoint.timeline.map((c) => c.start));
  const timeline = endpoint.timeline.map((c) => ({ ...c, start: c.start - t0, end: c.end - t0 }));
  process.send?.(
    {
      timeline,
      calls: Object.fromEntries(endpoint.calls),
      injected: Object.fromEntries(endpoint.injected),
      cpuMs: process.cpuUsage().user / 1000,
    },
    () => {
      void endpoint.close().then(() => process.exit(0));
    },
  );
});
