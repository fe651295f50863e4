// What CI proves of the package (issue: "a real package"): `npm pack` builds and packs asbuilt, the tarball
// installs into an empty prefix with npm alone, and the installed `asbuilt` runs check, report and serve
// (one request) from another directory, with nothing of the checkout on its path.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "asbuilt-package-"));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const step = (what) => process.stdout.write(`package smoke: ${what}\n`);

try {
  step("npm pack");
  execFileSync(npm, ["pack", "--pack-destination", work, "--silent"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const tarball = readdirSync(work).find((f) => /^asbuilt-.*\.tgz$/.test(f));
  if (!tarball) throw new Error("npm pack wrote no tarball");
  step(`npm install -g --prefix ${join(work, "prefix")} ${tarball}`);
  execFileSync(
    npm,
    [
      "install",
      "-g",
      "--prefix",
      join(work, "prefix"),
      join(work, tarball),
      "--no-audit",
      "--no-fund",
      "--silent",
    ],
    {
      cwd: work,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const bin = join(work, "prefix", "bin", "asbuilt");
  const pkg = join(work, "prefix", "lib", "node_modules", "asbuilt");
  if (existsSync(join(pkg, "src"))) throw new Error("the package ships its TypeScript sources");
  const fixture = (f) => join(pkg, "fixtures", "status-page", f);
  const run = (args, expected) => {
    try {
      const out = execFileSync(bin, args, { cwd: work, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      if (expected !== 0) throw new Error(`asbuilt ${args.join(" ")} exited 0, expected ${expected}`);
      return out;
    } catch (err) {
      if (err.status === expected) return err.stdout;
      throw new Error(
        `asbuilt ${args.join(" ")} exited ${err.status ?? err.message}, expected ${expected}:\n${err.stderr ?? ""}`,
      );
    }
  };
  step(`asbuilt --version: ${run(["--version"], 0).trim()}`);
  const npx = execFileSync(
    process.platform === "win32" ? "npx.cmd" : "npx",
    ["--yes", "--package", join(work, tarball), "asbuilt", "--version"],
    {
      cwd: work,
      encoding: "utf8",
    },
  ).trim();
  if (npx !== run(["--version"], 0).trim())
    throw new Error(`npx --package ${tarball} asbuilt --version printed ${npx}`);
  step(`npx --package ${tarball} asbuilt --version: ${npx}`);
  // The library, by its name, with its declarations.
  const lib = execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { analyze, loadSnapshot } from "asbuilt"; const s = await loadSnapshot(${JSON.stringify(fixture("snapshot.json"))}); process.stdout.write(String(analyze(s).findings.length));`,
    ],
    { cwd: join(work, "prefix", "lib"), encoding: "utf8" },
  );
  if (!(Number(lib) > 0)) throw new Error(`import from "asbuilt" analyzed nothing: ${lib}`);
  if (!existsSync(join(pkg, "dist", "types", "index.d.ts")))
    throw new Error("the package has no type declarations");
  step(`import { analyze } from "asbuilt": ${lib} findings, declarations in dist/types`);
  run(
    [
      "check",
      fixture("snapshot.json"),
      "--spec",
      fixture("architecture.yaml"),
      "--format",
      "sarif,json",
      "-o",
      "reports",
    ],
    1,
  );
  const findings = JSON.parse(readFileSync(join(work, "reports", "findings.json"), "utf8"));
  if (!(findings.findings.length > 0)) throw new Error("check found nothing in status-page");
  step(`check: ${findings.findings.length} findings, SARIF and JSON written`);
  run(["report", fixture("snapshot.json"), "--spec", fixture("architecture.yaml"), "-o", "report.html"], 0);
  const html = readFileSync(join(work, "report.html"), "utf8");
  if (!html.includes("<svg")) throw new Error("the report has no diagram");
  step(`report: ${Math.round(html.length / 1024)} KiB with its diagram`);
  await new Promise((resolve, reject) => {
    const child = spawn(bin, ["serve", fixture("snapshot.json"), "--port", "0"], {
      cwd: work,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    const timer = setTimeout(() => finish(new Error(`serve printed no URL in 60 s:\n${err}`)), 60_000);
    const finish = (e) => {
      clearTimeout(timer);
      child.kill("SIGTERM");
      if (e) reject(e);
      else resolve();
    };
    const onData = async (d) => {
      err += d;
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(err)?.[0];
      if (!url || child.asked) return;
      child.asked = true;
      try {
        const page = await fetch(url);
        const data = await fetch(`${url}data/findings.json`);
        if (page.status !== 200 || !(await page.text()).includes("<div id="))
          throw new Error(`GET / gave ${page.status}`);
        if (data.status !== 200) throw new Error(`GET data/findings.json gave ${data.status}`);
        step(`serve: ${url} answers, the UI and its data`);
        finish();
      } catch (e) {
        finish(e);
      }
    };
    // It prints its URL on standard output, its warnings on standard error: read both.
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      if (!child.asked) finish(new Error(`serve exited ${code}:\n${err}`));
    });
  });
  step("passed");
} finally {
  rmSync(work, { recursive: true, force: true });
}
