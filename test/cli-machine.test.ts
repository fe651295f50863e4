import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { asbuilt, ROOT } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

// For tools and shells that drive asbuilt: errors as one JSON object, and completion scripts generated
// from the command definitions.

describe("--json-errors", () => {
  it("prints an input error as one JSON object with its file, line, column and fix, exit 2", () => {
    const dir = tempDir("asbuilt-json-errors-");
    const spec = join(dir, "architecture.yaml");
    writeFileSync(
      spec,
      "name: shop\ntiers:\n  app: { select: { type: AWS::EC2::Instance }, placement: sideways }\n",
    );
    const r = asbuilt(
      "check",
      join(ROOT, "fixtures/edroplets/snapshot.json"),
      "--spec",
      spec,
      "--json-errors",
    );
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    const { error } = JSON.parse(lines[0] ?? "") as { error: Record<string, unknown> };
    expect(error).toMatchObject({ code: "input", exit: 2, file: spec, line: 3 });
    expect(error.column).toEqual(expect.any(Number));
    expect(JSON.stringify(error)).toMatch(/placement/);
    expect(String(error.fix ?? error.message)).not.toBe("");
  });

  it("prints a usage error (an unknown flag) the same way, wherever --json-errors stands", () => {
    for (const args of [
      ["--json-errors", "check", "--bogus", "x.json"],
      ["check", "x.json", "--bogus", "--json-errors"],
    ]) {
      const r = asbuilt(...args);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stderr)).toEqual({
        error: expect.objectContaining({ code: "usage", exit: 2, message: "unknown option '--bogus'" }),
      });
    }
  });

  it("leaves errors as text without it", () => {
    const r = asbuilt("check", "missing.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^asbuilt: missing\.json: no such snapshot file\./);
  });
});

const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

describe("asbuilt completion", () => {
  /** What bash's completion offers for a command line (the last word being completed). */
  function bashComplete(words: string[]): string[] {
    const script = asbuilt("completion", "bash").stdout;
    const dir = tempDir("asbuilt-completion-");
    writeFileSync(join(dir, "asbuilt.bash"), script);
    const r = spawnSync(
      "bash",
      [
        "-c",
        `source ${JSON.stringify(join(dir, "asbuilt.bash"))}; COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(" ")}); COMP_CWORD=${words.length - 1}; _asbuilt; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { cwd: dir, encoding: "utf8" },
    );
    return r.stdout.split("\n").filter(Boolean);
  }

  it("completes commands, a command's flags and the values of --format and --fail-on in bash", () => {
    expect(bashComplete(["asbuilt", "ch"])).toEqual(["check"]);
    expect(bashComplete(["asbuilt", ""])).toEqual(
      expect.arrayContaining(["check", "scan", "import", "demo", "completion"]),
    );
    expect(bashComplete(["asbuilt", "check", "--fa"])).toEqual(["--fail-on"]);
    expect(bashComplete(["asbuilt", "check", "--format", "s"])).toEqual(["sarif"]);
    expect(bashComplete(["asbuilt", "check", "--fail-on", ""])).toEqual([
      "low",
      "medium",
      "high",
      "critical",
      "none",
    ]);
    expect(bashComplete(["asbuilt", "demo", "co"]).sort()).toEqual(["coherence", "coursedog"]);
  });

  it("writes zsh and fish scripts with every command and flag", () => {
    const zsh = asbuilt("completion", "zsh");
    const fish = asbuilt("completion", "FISH");
    expect(zsh.code).toBe(0);
    expect(zsh.stdout).toMatch(/^#compdef asbuilt/);
    expect(zsh.stdout).toContain("'check:check a snapshot");
    expect(zsh.stdout).toMatch(/--fail-on'\[[^\]]+\]:value:\(low medium high critical none\)'/);
    // A quote in a flag's help ends and restarts the single-quoted spec, never leaves it open.
    expect(zsh.stdout).toContain("the services'\\''");
    expect(fish.code).toBe(0);
    expect(fish.stdout).toContain('complete -c asbuilt -n "__fish_use_subcommand" -a check');
    expect(fish.stdout).toContain(
      '-n "__fish_seen_subcommand_from check" -l fail-on -x -a "low medium high critical none"',
    );
    // The shells themselves load them (npm test's pretest, scripts/ensure-chromium.sh, installs zsh and fish).
    expect(has("zsh") && has("fish"), "zsh and fish are installed (run scripts/ensure-chromium.sh)").toBe(
      true,
    );
    const dir = tempDir("asbuilt-completion-");
    writeFileSync(join(dir, "_asbuilt"), zsh.stdout);
    expect(spawnSync("zsh", ["-n", join(dir, "_asbuilt")], { encoding: "utf8" }).status).toBe(0);
    {
      writeFileSync(join(dir, "asbuilt.fish"), fish.stdout);
      const complete = (line: string) =>
        spawnSync(
          "fish",
          ["-c", `source ${join(dir, "asbuilt.fish")}; complete -C ${JSON.stringify(line)}`],
          {
            encoding: "utf8",
          },
        )
          .stdout.split("\n")
          .filter(Boolean)
          .map((l) => l.split("\t")[0]);
      expect(complete("asbuilt ch")).toEqual(["check"]);
      expect(complete("asbuilt check --fail-on ")).toEqual(["critical", "high", "low", "medium", "none"]);
      expect(complete("asbuilt demo co")).toEqual(["coherence", "coursedog"]);
    }
    const bad = asbuilt("completion", "tcsh");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no completion for the shell "tcsh"[\s\S]*bash, zsh, fish/);
  });
});

describe("a reader that stops early", () => {
  it("ends quietly when the pipe closes (asbuilt --help | head -1), with no EPIPE stack trace", () => {
    // Commander writes help in several pieces: once head has exited, the next one failed with EPIPE and
    // Node printed an unhandled 'error' event with its stack.
    const bin = join(ROOT, "bin/asbuilt.js");
    for (const args of ["--help", "exposure --help"]) {
      const r = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" ${args} | head -1`], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(r.stdout).toMatch(/^Usage: asbuilt/);
      expect(r.stderr, args).not.toMatch(/EPIPE|Unhandled/);
    }
  });
});
