#!/usr/bin/env node
// asbuilt runs from its TypeScript sources: tsx compiles them on load (cached after the first run).
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// The project's tsconfig.json, wherever the command is run from: tsx would otherwise look for one in the
// working directory, and without it compile JSX the classic way (React.createElement), breaking report.
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../src/cli/main.ts");
