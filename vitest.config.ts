import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // ts-morph programs are memory-hungry; two forks match the two cores CI has.
    pool: "forks",
    // The files of one fork share their modules (the compiler, ts-morph, the provider schemas):
    // re-importing them per file was half the suite's time. Tests restore what they change.
    isolate: false,
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
