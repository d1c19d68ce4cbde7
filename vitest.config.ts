import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    reporters: ["default", "./tests/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/*.test.ts"] },
      },
      {
        // Real Chromium against the built site (tests/browser/server.ts); globalSetup builds dist/.
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/*.test.ts"],
          globalSetup: ["./tests/browser/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // one Chromium at a time is plenty on two cores
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
