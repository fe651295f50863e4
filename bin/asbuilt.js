#!/usr/bin/env node
// The asbuilt command. An installed package runs the compiled bundle (dist/cli.cjs, built by `npm run build`
// before packing), through the compile cache (compile-cache.js). A checkout whose bundle is missing or older
// than its sources runs the TypeScript sources through tsx instead, so that a change is never hidden behind
// a stale build.
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { installCompileCache } from "./compile-cache.js";

const at = (p) => fileURLToPath(new URL(p, import.meta.url));
const bundle = at("../dist/cli.cjs");

/** The newest modification time under the folders the bundle is built from (a checkout only). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue;
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      // Unit tests beside the code are never bundled: editing one leaves the bundle current.
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
        newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ["../src", "../fixtures", "../test/aws-endpoint"]) if (existsSync(at(d))) walk(at(d));
  return newest;
}

const checkout = existsSync(at("../src/cli/main.ts"));
// ASBUILT_FROM_SOURCE=1 runs the sources in a checkout whatever the bundle (benchmarks compare the two).
const fromSource = checkout && process.env.ASBUILT_FROM_SOURCE === "1";
const fresh = !fromSource && existsSync(bundle) && (!checkout || statSync(bundle).mtimeMs >= newestSource());
let entry;
if (fresh) {
  installCompileCache(at("../dist"));
  entry = createRequire(import.meta.url)(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  // The project's tsconfig.json, wherever the command is run from: tsx would otherwise look for one in the
  // working directory, and without it compile JSX the classic way (React.createElement), breaking report.
  register({ tsconfig: at("../tsconfig.json") });
  entry = await import("../src/cli/main.ts");
}
// A reader that stops early (asbuilt --help | head) closes the pipe: that ends the output, it is no error.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
process.exitCode = await entry.main(process.argv);
