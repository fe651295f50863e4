import { defineConfig } from "vitest/config";

// One config for Vite (the web UI, later) and Vitest (every test).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "fixtures/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    pool: "forks",
    globalSetup: ["./test/global-setup.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
