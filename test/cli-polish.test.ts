import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { asbuilt, ROOT } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

const snap = (name: string) => join(ROOT, "fixtures", name, "snapshot.json");

describe("what the CLI prints for people to act on", () => {
  it("demo's 'Try next' lines run as printed, from wherever the demo ran", () => {
    const cwd = tempDir("asbuilt-polish-");
    const demo = spawnSync(process.execPath, [join(ROOT, "bin/asbuilt.js"), "demo", "edroplets"], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(demo.status).toBe(0);
    const lines = (demo.stdout.split("\nTry next:\n")[1] ?? "").split("\n").filter((l) => l.startsWith("  "));
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      const r = spawnSync("sh", ["-c", line.trim()], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect([0, 1], `${line}\n${r.stderr}`).toContain(r.status);
      expect(r.stderr).not.toMatch(/internal error|unknown|error: /i);
    }
    expect(existsSync(join(cwd, "review.html"))).toBe(true);
  }, 120_000);

  it("demo --serve checks its port before the scan and the long output", async () => {
    const busy = createServer();
    await new Promise<void>((ok) => busy.listen(0, "127.0.0.1", ok));
    const port = (busy.address() as { port: number }).port;
    // A stand-in for the built UI, so that the port is what fails.
    const dist = tempDir("asbuilt-dist-");
    writeFileSync(join(dist, "index.html"), "<!doctype html>");
    try {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, "bin/asbuilt.js"), "demo", "--serve", "--port", String(port)],
        {
          cwd: ROOT,
          encoding: "utf8",
          env: { ...process.env, NO_COLOR: "1", ASBUILT_WEB_DIST: dist },
        },
      );
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use[\\s\\S]*--port 0`));
    } finally {
      busy.close();
    }
  });

  it("merge counts in words that agree with the number", () => {
    const out = join(tempDir("asbuilt-polish-"), "all.json");
    const r = asbuilt("merge", snap("edroplets"), "-o", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^asbuilt merge: 1 snapshot → 16 resources in 1 account → /);
  });

  it("explain picks the instance when it and its security group share the name, and says so", () => {
    const r = asbuilt("explain", snap("status-page"), "bastion", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).resource.type).toBe("AWS::EC2::Instance");
    expect(r.stderr).toMatch(
      /"bastion" also names SecurityGroup (sg-[0-9a-f]+); explaining Instance i-[0-9a-f]+\. For the other: .* explain .*status-page\/snapshot\.json sg-/,
    );
    const sg = /also names SecurityGroup (sg-[0-9a-f]+)/.exec(r.stderr)?.[1] ?? "";
    const group = asbuilt("explain", snap("status-page"), sg, "--json");
    expect(JSON.parse(group.stdout).resource.type).toBe("AWS::EC2::SecurityGroup");
  });

  it("explain lists the ids of a name that stays ambiguous, with a command that works", () => {
    const r = asbuilt("explain", snap("coursedog"), "default");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /"default" names 3 resources\.\n {2}AWS::EC2::SecurityGroup sg-[0-9a-f]+ {2}\(arn:aws:ec2:/,
    );
    const cmd = /e\.g\.:\n {2}(.*)\n/.exec(r.stderr)?.[1] ?? "";
    const again = spawnSync("sh", ["-c", cmd], { cwd: ROOT, encoding: "utf8" });
    expect(again.status, cmd).toBe(0);
  });

  it("init points editors at this asbuilt's own schema file, from where the draft is", () => {
    const dir = tempDir("asbuilt-polish-");
    const out = join(dir, "architecture.yaml");
    expect(asbuilt("init", snap("edroplets"), "-o", out).code).toBe(0);
    const ref = /yaml-language-server: \$schema=(.*)$/m.exec(readFileSync(out, "utf8"))?.[1] ?? "";
    expect(ref).not.toMatch(/^https?:/);
    expect(resolve(dirname(out), ref)).toBe(join(ROOT, "schema", "architecture.schema.json"));
    const here = asbuilt("init", snap("edroplets")).stdout;
    expect(here).toContain("$schema=schema/architecture.schema.json");
  });
});
