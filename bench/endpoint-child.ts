import { loadSnapshot } from "../src/model/io.ts";
import { startEndpoint } from "../test/aws-endpoint/server.ts";
import { ALL_HANDLERS } from "../test/aws-endpoint/services/index.ts";

// The loopback AWS endpoint in a process of its own (forked with IPC by scan-one.ts), as AWS is a
// remote service: rendering responses must not take CPU from the collector being measured.
const [file, latencyText = "50"] = process.argv.slice(2);
if (!file || !process.send) throw new Error("fork me with IPC: endpoint-child FILE [LATENCY_MS]");
const endpoint = await startEndpoint({
  snapshot: await loadSnapshot(file),
  services: ALL_HANDLERS,
  faults: [{ kind: "latency", ms: Number(latencyText) }],
});
process.send({ url: endpoint.url });
process.on("message", async (m: string) => {
  if (m !== "report") return;
  // performance.now() differs between processes: times are sent relative to the first request.
  const t0 = Math.min(...endpoint.timeline.map((c) => c.start));
  const timeline = endpoint.timeline.map((c) => ({ ...c, start: c.start - t0, end: c.end - t0 }));
  process.send?.(
    { timeline, calls: Object.fromEntries(endpoint.calls), cpuMs: process.cpuUsage().user / 1000 },
    () => {
      void endpoint.close().then(() => process.exit(0));
    },
  );
});
