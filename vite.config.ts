import { defineConfig } from "vitest/config";

// One config for Vite (the web UI, later) and Vitest (every test).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "fixtures/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
    environment: "node",
    // Hang protection, not a speed target (bench/ measures speed): CLI tests start several processes each,
    // and a 2-core CI machine runs them beside the browser tests.
    testTimeout: 60_000,
    pool: "forks",
    globalSetup: ["./test/global-setup.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
