#!/usr/bin/env node
// Runs a TypeScript script of the repo (fixtures/build.ts, bench/…) with tsx: `node bin/run-ts.js file.ts args…`.
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error("usage: node bin/run-ts.js <script.ts> [args…]");
  process.exit(2);
}
process.argv = [process.argv[0] ?? "node", resolve(script), ...rest];
// The project's tsconfig.json, wherever the command is run from: tsx would otherwise look for one in the
// working directory, and without it compile JSX the classic way (React.createElement), breaking report.
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import(pathToFileURL(resolve(script)).href);
