import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../fixtures/index.ts";
import { isLoopback, prepareServeData, type Served, startServer } from "../src/cli/serve.ts";
import { InputError } from "../src/model/errors.ts";
import { FindingsReport } from "../src/rules/finding.ts";
import { asbuilt, ROOT } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

// `asbuilt serve` is read-only and serves nothing outside the built UI and the data; `asbuilt report`
// writes one self-contained file, and nothing when an input is bad.

const snapshotFile = join(FIXTURES.coursedog.dir, "snapshot.json");
const specFile = join(FIXTURES.coursedog.dir, "architecture.yaml");

/** A raw request: fetch() would normalise "../" out of the path before it is sent, and cannot set Host. */
function get(
  url: string,
  path: string,
  method = "GET",
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("asbuilt serve", () => {
  let served: Served;
  let dist: string;
  beforeAll(async () => {
    // A stand-in for web/dist, so this test does not depend on a UI build.
    dist = tempDir("asbuilt-dist-");
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>asbuilt</title>");
    served = await startServer(await prepareServeData(snapshotFile, specFile), {
      port: 0,
      host: "127.0.0.1",
      dist,
    });
  });
  afterAll(async () => {
    await served.close();
  });

  it("listens on loopback and serves the UI, the snapshot and the findings with the diagram's view", async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get(served.url, "/");
    expect(index.status).toBe(200);
    expect(index.headers["content-security-policy"]).toContain("script-src 'self'");
    const snap = JSON.parse((await get(served.url, "/data/snapshot.json")).body) as { resources: unknown[] };
    expect(snap.resources).toHaveLength(148);
    const report = FindingsReport.parse(JSON.parse((await get(served.url, "/data/findings.json")).body));
    expect(report.view?.flows.length).toBeGreaterThan(0);
    expect(Object.keys(report.view?.tiers ?? {})).toContain("app");
  });

  it("refuses requests addressed to another name or sent from another origin (DNS rebinding)", async () => {
    const port = new URL(served.url).port;
    for (const host of [
      "evil.example.com",
      `evil.example.com:${port}`,
      "127.0.0.1",
      `127.0.0.1:${Number(port) + 1}`,
      `127.0.0.1.nip.io:${port}`,
      `user@127.0.0.1:${port}`,
    ]) {
      const r = await get(served.url, "/data/snapshot.json", "GET", { Host: host });
      expect(r.status, host).toBe(403);
      expect(r.body).not.toContain("resources");
    }
    for (const origin of ["http://evil.example.com", `http://evil.example.com:${port}`, "null"]) {
      const r = await get(served.url, "/data/findings.json", "GET", { Origin: origin });
      expect(r.status, origin).toBe(403);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await get(served.url, "/data/snapshot.json", "GET", { Host: host })).status, host).toBe(200);
    }
    const sameOrigin = await get(served.url, "/", "GET", { Origin: `http://localhost:${port}` });
    expect(sameOrigin.status).toBe(200);
  });

  it("says clearly when --host names an address this machine does not have (exit 2)", () => {
    for (const host of ["192.0.2.123", "no-such-host.invalid"]) {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, "bin/asbuilt.js"), "serve", snapshotFile, "--host", host, "--port", "0"],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ASBUILT_WEB_DIST: dist } },
      );
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `--host ${host.replaceAll(".", "\\.")}: (this machine has no such address|the name does not resolve)`,
        ),
      );
      expect(r.stderr).not.toMatch(/internal error|\n\s+at |warning/);
    }
  });

  it("refuses anything but GET and HEAD", async () => {
    for (const method of ["POST", "PUT", "DELETE"]) {
      const r = await get(served.url, "/data/snapshot.json", method);
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe("GET, HEAD");
    }
  });

  it("serves nothing outside the UI folder, however the path is written", async () => {
    for (const path of [
      "/../package.json",
      "/../../package.json",
      "/%2e%2e/%2e%2e/package.json",
      "/..%2f..%2fpackage.json",
      "/%2e%2e%5c%2e%2e%5cpackage.json",
      "/assets/../../../etc/passwd",
      "/%00",
    ]) {
      const r = await get(served.url, path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body).not.toContain('"name": "asbuilt"');
      expect(r.body).not.toContain("root:");
    }
  });

  it("warns when --host leaves loopback, prints the URL, and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, "bin/asbuilt.js"), "serve", snapshotFile, "--host", "0.0.0.0", "--port", "0"],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", ASBUILT_WEB_DIST: dist } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)));
    await expect
      .poll(() => stdout, { timeout: 20_000 })
      .toMatch(/serving the diagram at http:\/\/[^ ]+:\d+\//);
    expect(stderr).toMatch(/warning: serving on 0\.0\.0\.0, not loopback/);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 30_000);

  it("treats only loopback addresses as private", () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("0.0.0.0")).toBe(false);
  });

  it("says how to build the UI when it is missing", async () => {
    const err = await startServer(await prepareServeData(snapshotFile), {
      port: 0,
      host: "127.0.0.1",
      dist: join(tmpdir(), "no-such-ui"),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).format()).toMatch(/not built[\s\S]*npm run build:web/);
  });
});

describe("asbuilt report", () => {
  it("writes one self-contained HTML file: diagram, findings by severity, coverage, conformance, waivers", () => {
    const dir = tempDir("asbuilt-report-");
    const out = join(dir, "review.html");
    const r = asbuilt(
      "report",
      join(FIXTURES["status-page"].dir, "snapshot.json"),
      "--spec",
      join(FIXTURES["status-page"].dir, "architecture.yaml"),
      "-o",
      out,
    );
    expect(r.stderr).toContain("wrote");
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/i);
    expect(html).toContain("<svg");
    for (const section of ["Summary", "Diagram", "Findings", "Coverage", "Spec conformance", "Waivers"])
      expect(html).toContain(`>${section}`);
    // status-page's document admits its CI/test placement: those findings are listed as waivers.
    // Six waived findings: three rules each on the CI runner and the test server, one problem each (grouped).
    expect(html).toMatch(/Waivers \(2\)/);
    expect(html).toContain("@media print");
  });

  it("works from any directory (the JSX of the diagram does not depend on the working directory's tsconfig)", () => {
    const dir = tempDir("asbuilt-elsewhere-");
    const out = join(dir, "review.html");
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "bin/asbuilt.js"), "report", join(FIXTURES.edroplets.dir, "snapshot.json"), "-o", out],
      { cwd: dir, encoding: "utf8" },
    );
    expect(r.stderr).not.toContain("internal error");
    expect(r.status).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("<svg");
  });

  it("writes nothing and exits 2 when the snapshot is truncated", () => {
    const dir = tempDir("asbuilt-report-");
    const snapshot = join(dir, "snapshot.json");
    writeFileSync(
      snapshot,
      readFileSync(join(FIXTURES.edroplets.dir, "snapshot.json"), "utf8").slice(0, 5000),
    );
    const out = join(dir, "review.html");
    const r = asbuilt("report", snapshot, "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("truncated");
    expect(existsSync(out)).toBe(false);
  });

  it("writes nothing and exits 2 when the spec is malformed", () => {
    const dir = tempDir("asbuilt-report-");
    const spec = join(dir, "architecture.yaml");
    writeFileSync(spec, "name: x\ntiers:\n  app: { select: { type: 42 } }\n");
    const out = join(dir, "review.html");
    const r = asbuilt("report", snapshotFile, "--spec", spec, "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${spec}:3`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("documents itself in --help", () => {
    const r = asbuilt("report", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("no network access");
    expect(asbuilt("serve", "--help").stdout).toContain("--host");
  });
});
