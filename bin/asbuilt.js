#!/usr/bin/env node
// asbuilt runs from its TypeScript sources: tsx compiles them on load (cached after the first run).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
