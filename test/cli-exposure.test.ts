import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ExposureEntry } from "../src/analysis/exposure.ts";
import { asbuilt } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

describe("asbuilt exposure", () => {
  it("lists what the internet reaches on a seed fixture, in text, and json + markdown into a folder", () => {
    const text = asbuilt("exposure", "fixtures/edroplets/snapshot.json");
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Reachable from the internet: 2 resources, 4 port ranges\./);
    expect(text.stdout).toContain(
      "EC2::Instance edroplets-web  tcp/22, tcp/80, tcp/443  directly, from anyone",
    );
    expect(text.stdout).toContain(
      'security group "edroplets-db" (sg-14a972050a5909127) ingress tcp/3306 from 0.0.0.0/0',
    );

    const dir = join(tempDir(), "out");
    const r = asbuilt(
      "exposure",
      "fixtures/edroplets/snapshot.json",
      "--spec",
      "fixtures/edroplets/architecture.yaml",
      "--format",
      "json,markdown",
      "-o",
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const json = z
      .strictObject({ exposure: z.array(ExposureEntry), unknown: z.array(ExposureEntry) })
      .parse(JSON.parse(readFileSync(join(dir, "exposure.json"), "utf8")));
    // With the spec, the web host's 80 and 443 are documented flows; SSH and MySQL are not.
    expect(json.exposure.map((e) => `${e.resourceName} ${e.traffic} ${e.documented}`)).toEqual([
      "edroplets-web tcp/22 false",
      "edroplets-web tcp/80 true",
      "edroplets-web tcp/443 true",
      "edroplets-mysql tcp/3306 false",
    ]);
    expect(readFileSync(join(dir, "exposure.md"), "utf8")).toMatch(/^# Internet exposure\n/);
  });

  it("rejects an unknown format with exit 2 and a fix", () => {
    const r = asbuilt("exposure", "fixtures/edroplets/snapshot.json", "--format", "html");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "html" in --format');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
