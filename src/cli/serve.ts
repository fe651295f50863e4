import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname, networkInterfaces } from "node:os";
import { extname, resolve, sep } from "node:path";
import type { ExposureReport } from "../analysis/exposure.ts";
import { InputError } from "../model/errors.ts";
import { serializeSnapshot } from "../model/io.ts";
import type { Snapshot } from "../model/snapshot.ts";
import { packageFile } from "../paths.ts";
import { findingsReport } from "../report/json.ts";
import type { Finding, FindingsReport, UnverifiedCheck } from "../rules/finding.ts";
import { analyzeFiles, ruleIndex } from "./check.ts";
import { VERSION } from "./common.ts";

/** The built web UI (`npm run build:web` writes it); ASBUILT_WEB_DIST points elsewhere (packaging, tests). */
export const WEB_DIST = process.env.ASBUILT_WEB_DIST ?? `${packageFile("web", "dist")}/`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json; charset=utf-8",
  ".ico": "image/x-icon",
};

const SECURITY_HEADERS = {
  "Content-Security-Policy":
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export interface ServeData {
  snapshot: Snapshot;
  findingsJson: string;
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === "127.0.0.1" || host === "::1" || host === "localhost";
}

/** Builds the findings JSON (with the diagram's view) the UI reads, for a snapshot and optional spec. */
export async function prepareServeData(
  snapshotFile: string,
  specFile?: string,
  now?: Date,
): Promise<ServeData> {
  const a = await analyzeFiles(snapshotFile, specFile, now);
  return {
    snapshot: a.snapshot,
    findingsJson: findingsJsonFor(
      a.snapshot,
      a.findings,
      a.view(),
      snapshotFile,
      specFile,
      a.unverified,
      a.exposure(),
    ),
  };
}

/** With --compare OLD: the new snapshot's findings, and what changed since OLD for the diagram to mark. */
export async function prepareCompareData(
  snapshotFile: string,
  oldFile: string,
  specFile?: string,
  now?: Date,
): Promise<ServeData> {
  const { compareFiles } = await import("../diff/compare.ts");
  const c = await compareFiles(snapshotFile, oldFile, specFile, {
    version: VERSION,
    ...(now ? { now } : {}),
  });
  return {
    snapshot: c.snapshot,
    findingsJson: findingsJsonFor(
      c.current,
      c.findings,
      c.view,
      snapshotFile,
      specFile,
      c.unverified,
      c.exposure,
    ),
  };
}

/** The findings document, with the diagram's view, for a checked snapshot. */
export function findingsReportFor(
  snapshot: Snapshot,
  findings: readonly Finding[],
  view: FindingsReport["view"],
  snapshotFile: string,
  specFile?: string,
  unverified: readonly UnverifiedCheck[] = [],
  exposure?: ExposureReport,
): FindingsReport {
  return findingsReport({
    version: VERSION,
    snapshotFile,
    ...(specFile ? { specFile } : {}),
    snapshot,
    findings,
    unverified,
    rules: ruleIndex(),
    failOn: "high",
    view,
    ...(exposure ? { exposure } : {}),
  });
}

/** The same document as the JSON the UI fetches (data/findings.json). */
export function findingsJsonFor(...args: Parameters<typeof findingsReportFor>): string {
  return `${JSON.stringify(findingsReportFor(...args), null, 2)}\n`;
}

/**
 * Serves the built UI and the data, read-only: GET and HEAD only, files only from web/dist (no path
 * traversal: every path is resolved and must stay inside it), the data under /data/.
 */
export async function startServer(
  data: ServeData | Promise<ServeData>,
  opts: { port: number; host: string; dist?: string },
): Promise<Served> {
  const dist = resolve(opts.dist ?? WEB_DIST);
  if (!existsSync(resolve(dist, "index.html"))) {
    throw new InputError(
      `the web UI is not built (no ${resolve(dist, "index.html")}).`,
      undefined,
      "Run `npm run build:web` once (npm start does it for you), then run asbuilt serve again.",
    );
  }
  // The data may still be in the making (demo --serve takes the port before it scans): requests wait.
  const ready = Promise.resolve(data).then((d) => ({
    snapshotJson: serializeSnapshot(d.snapshot),
    findingsJson: d.findingsJson,
  }));
  ready.catch(() => {});
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: string | Buffer, type = "text/plain; charset=utf-8", extra = {}) => {
      res.writeHead(status, { "Content-Type": type, ...SECURITY_HEADERS, ...extra });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    // DNS rebinding: a page on evil.example.com whose name is re-pointed at 127.0.0.1 reaches this
    // server with its own Host header (and Origin), and would read the whole inventory as same-origin.
    if (!allowed(req.headers.host, req.headers.origin)) {
      send(
        403,
        `asbuilt serve answers only requests addressed to it (${expected()}); this one named ${JSON.stringify(req.headers.host ?? "")}${req.headers.origin ? ` from ${JSON.stringify(req.headers.origin)}` : ""}.\n`,
      );
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(405, "asbuilt serve is read-only.\n", undefined, { Allow: "GET, HEAD" });
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      send(400, "bad request\n");
      return;
    }
    if (path === "/data/snapshot.json" || path === "/data/findings.json") {
      let body: { snapshotJson: string; findingsJson: string };
      try {
        body = await ready;
      } catch {
        send(503, "the data could not be prepared; see the terminal asbuilt runs in.\n");
        return;
      }
      send(200, path === "/data/snapshot.json" ? body.snapshotJson : body.findingsJson, TYPES[".json"], {
        "Cache-Control": "no-store",
      });
      return;
    }
    if (path.includes("\0")) {
      send(400, "bad request\n");
      return;
    }
    const file = resolve(dist, `.${path === "/" ? "/index.html" : path}`);
    if (file !== dist && !file.startsWith(dist + sep)) {
      send(404, "not found\n");
      return;
    }
    try {
      const body = await readFile(file);
      send(200, body, TYPES[extname(file)] ?? "application/octet-stream");
    } catch {
      send(404, "not found\n");
    }
  });
  await listen(server, opts.port, opts.host);
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  const names = allowedHostNames(opts.host, addr.address);
  const expected = () =>
    `Host ${[...names].slice(0, 4).join(", ")}${names.size > 4 ? ", …" : ""} on port ${addr.port}`;
  const allowed = (hostHeader: string | undefined, origin: string | undefined): boolean => {
    const h = hostHeader === undefined ? undefined : parseHost(`http://${hostHeader}`);
    if (!h || h.port !== addr.port || !names.has(h.name)) return false;
    if (origin === undefined) return true;
    const o = parseHost(origin);
    return o !== undefined && o.port === addr.port && names.has(o.name);
  };
  return {
    url: `http://${host}:${addr.port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Listens, or says in one paragraph why the address or port cannot be used. */
export async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((ok, fail) => {
    server.once("error", (err: NodeJS.ErrnoException) => fail(listenError(err, port, host)));
    server.listen(port, host, () => ok());
  });
}

function listenError(err: NodeJS.ErrnoException, port: number, host: string): Error {
  switch (err.code) {
    case "EADDRINUSE":
      return new InputError(
        `port ${port} on ${host} is in use.`,
        undefined,
        "Pick another with --port N (--port 0 lets the system choose).",
      );
    case "EADDRNOTAVAIL":
    case "EAFNOSUPPORT":
    case "EINVAL":
      return new InputError(
        `--host ${host}: this machine has no such address to listen on.`,
        undefined,
        "Use 127.0.0.1 (the default), or one of this machine's own addresses (ip addr / ifconfig lists them); 0.0.0.0 listens on all of them.",
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_FAIL":
    case "EAI_NONAME":
      return new InputError(
        `--host ${host}: the name does not resolve to an address.`,
        undefined,
        "Use an IP address of this machine such as 127.0.0.1 (the default), or a name that resolves to one.",
      );
    case "EACCES":
    case "EPERM":
      return new InputError(
        `not allowed to listen on port ${port} on ${host}.`,
        undefined,
        "Ports below 1024 need privileges: use a higher one with --port N (--port 0 lets the system choose).",
      );
    default:
      return err;
  }
}

/** Host names (lower case, IPv6 without brackets) that requests may address this server by. */
export function allowedHostNames(listenHost: string, boundAddress: string): Set<string> {
  const names = new Set(["localhost", normalizeName(listenHost), normalizeName(boundAddress)]);
  if (isLoopback(listenHost) || isLoopback(boundAddress)) for (const n of ["127.0.0.1", "::1"]) names.add(n);
  if (isWildcard(listenHost)) {
    // Listening on every interface: the machine's own addresses and name are all its addresses.
    names.add(normalizeName(hostname()));
    for (const list of Object.values(networkInterfaces()))
      for (const i of list ?? []) names.add(normalizeName(i.address));
  }
  return names;
}

function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::" || host === "[::]";
}

function normalizeName(name: string): string {
  return name
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
}

/** The host name and port of a Host header (as `http://` + header) or an Origin; undefined when malformed. */
function parseHost(url: string): { name: string; port: number } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== "http:" || u.username || u.password || u.pathname !== "/" || u.search || u.hash)
    return undefined;
  return { name: normalizeName(u.hostname), port: u.port === "" ? 80 : Number(u.port) };
}

/** Serves until interrupted (Ctrl-C). */
export async function serveForever(data: ServeData, opts: { port: number; host: string }): Promise<number> {
  const served = await startServer(data, opts);
  if (!isLoopback(opts.host)) {
    process.stderr.write(
      `asbuilt: warning: serving on ${opts.host}, not loopback: anyone who can reach this machine can read the account's inventory and findings.\n`,
    );
  }
  return untilStopped(served);
}

/** Says where the diagram is, then serves until Ctrl-C (or SIGTERM). */
export async function untilStopped(served: Served): Promise<number> {
  process.stdout.write(`asbuilt: serving the diagram at ${served.url} (read-only; Ctrl-C stops)\n`);
  await new Promise<void>((ok) => {
    const stop = () => ok();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await served.close();
  return 0;
}

export function parsePort(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InputError(
      `--port ${JSON.stringify(text)} is not a port number.`,
      undefined,
      "Use 0–65535 (0: any free port).",
    );
  }
  return n;
}
