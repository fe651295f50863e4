import { join } from "node:path";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { accessKeyFor, startEndpoint } from "../../test/aws-endpoint/server.ts";
import { ALL_HANDLERS } from "../../test/aws-endpoint/services/index.ts";
import { discoverTargets } from "../collector/accounts.ts";
import { scan } from "../collector/scan.ts";
import { InputError } from "../model/errors.ts";
import { checkOutputFile, saveSnapshot } from "../model/io.ts";
import { plural } from "../report/plural.ts";
import { formatText } from "../report/text.ts";
import { analyzeSnapshot, loadSpecChecked, ruleIndex } from "./check.ts";
import { commandLine, EXIT, pathFrom, VERSION } from "./common.ts";
import { findingsJsonFor, type ServeData, type Served, startServer, untilStopped } from "./serve.ts";

export interface DemoOptions {
  fixture: string;
  save?: string;
  now?: Date;
  /** Serve the demo account's diagram afterwards (until Ctrl-C). */
  serve?: { port: number; host?: string };
}

/** Builds a seed fixture, checks it against its own architecture.yaml and prints what was found. */
export async function runDemo(opts: DemoOptions): Promise<number> {
  if (!Object.hasOwn(FIXTURES, opts.fixture)) {
    throw new InputError(
      `unknown demo account "${opts.fixture}".`,
      undefined,
      `Choose one of: ${fixtureNames.join(", ")}.`,
    );
  }
  const fixture = FIXTURES[opts.fixture as keyof typeof FIXTURES];
  if (opts.save) await checkOutputFile(opts.save, "snapshot.json");
  // With --serve, the port (and the built UI) are checked first: a busy port fails now, not after the
  // scan and a screenful of findings. The server answers once the data is ready.
  let provide: (d: ServeData) => void = () => {};
  let fail: (err: unknown) => void = () => {};
  const data = new Promise<ServeData>((ok, no) => {
    provide = ok;
    fail = no;
  });
  const served = opts.serve
    ? await startServer(data, { port: opts.serve.port, host: opts.serve.host ?? "127.0.0.1" })
    : undefined;
  try {
    return await demo(opts, fixture, served, provide);
  } catch (err) {
    fail(err);
    await served?.close();
    throw err;
  }
}

async function demo(
  opts: DemoOptions,
  fixture: (typeof FIXTURES)[keyof typeof FIXTURES],
  server: Served | undefined,
  provide: (d: ServeData) => void,
): Promise<number> {
  // The demo account is served by the loopback AWS endpoint and read by the real collector, exactly
  // as `asbuilt scan --endpoint-url` would read it: what a newcomer sees is the product, not a shortcut.
  const served = fixture.build();
  const endpoint = await startEndpoint({ snapshot: served, services: ALL_HANDLERS });
  let scanned: Awaited<ReturnType<typeof scan>>;
  try {
    const [first] = served.scope.accounts;
    const regions = served.scope.regions.filter((r) => r !== "global");
    const discovered = await discoverTargets({
      regions,
      homeRegion: regions[0] ?? "us-east-1",
      endpoint: endpoint.url,
      credentials: { accessKeyId: accessKeyFor(first ?? "000000000000"), secretAccessKey: "loopback" },
      ...(served.scope.accounts.length > 1 ? { org: { roleName: "asbuilt-readonly" } } : {}),
    });
    scanned = await scan({
      targets: discovered.targets,
      coverage: discovered.coverage,
      endpoint: endpoint.url,
      now: () => new Date(served.scannedAt),
    });
  } finally {
    await endpoint.close();
  }
  const specFile = join(fixture.dir, "architecture.yaml");
  const spec = await loadSpecChecked(specFile, opts.now ? { now: opts.now } : {});
  const { snapshot, facts, findings, unverified, view } = analyzeSnapshot(scanned.snapshot, spec, opts.now);
  if (opts.save) await saveSnapshot(opts.save, snapshot);

  const rel = (p: string) => pathFrom(process.cwd(), p);
  const subnetClasses = { public: 0, private: 0, isolated: 0, unknown: 0 };
  for (const f of facts.subnets.values()) subnetClasses[f.class]++;
  const byType = new Map<string, number>();
  for (const r of snapshot.resources) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  const out: string[] = [
    `asbuilt ${VERSION} demo: the "${opts.fixture}" seed architecture (${rel(fixture.dir)}; its document is ../shared/seeds/${opts.fixture}.txt)`,
    `Scanned through the loopback AWS endpoint by the real collector: ${snapshot.resources.length} resources, ${snapshot.edges.length} edges in ${plural(snapshot.scope.accounts.length, "account")} (${snapshot.scope.regions.join(", ")}), ${scanned.log.calls} API calls in ${scanned.seconds.toFixed(2)} s`,
    `Subnets by their routes: ${subnetClasses.public} public, ${subnetClasses.private} private, ${subnetClasses.isolated} isolated${subnetClasses.unknown > 0 ? `, ${subnetClasses.unknown} unknown (route table not recorded)` : ""}`,
    `Inventory: ${[...byType]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([t, n]) => `${n} ${t.replace(/^AWS::/, "")}`)
      .join(", ")}`,
    "",
  ];
  process.stdout.write(out.join("\n"));
  process.stdout.write(
    formatText({
      version: VERSION,
      snapshotFile: rel(join(fixture.dir, "snapshot.json")),
      specFile: rel(specFile),
      snapshot,
      findings,
      unverified,
      rules: ruleIndex(),
      failOn: "high",
      color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    }),
  );
  const snapshotFile = join(fixture.dir, "snapshot.json");
  const others = fixtureNames.filter((n) => n !== opts.fixture);
  // Each line runs as printed (copied whole, comments included) from where the demo was run.
  process.stdout.write(
    `\nTry next:\n${[
      commandLine("check", rel(snapshotFile), "--spec", rel(specFile), "--summary"),
      commandLine("report", rel(snapshotFile), "--spec", rel(specFile), "-o", "review.html"),
      `${commandLine("demo", others[0] ?? "coursedog")}  # or ${others.slice(1).join(", ")}`,
      commandLine("--help"),
    ]
      .map((l) => `  ${l}`)
      .join("\n")}\n`,
  );
  if (server) {
    provide({
      snapshot,
      findingsJson: findingsJsonFor(snapshot, findings, view(), `demo:${opts.fixture}`, rel(specFile)),
    });
    process.stdout.write("\n");
    return untilStopped(server);
  }
  return EXIT.ok;
}
