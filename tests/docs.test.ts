import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliReference, diagnosticsReference, docsDirectory, policyReference } from "../scripts/generate-docs.js";

describe("generated docs are current (run `npm run docs` after changing the CLI or the catalogue)", () => {
  it("docs/cli.md", () => {
    expect(readFileSync(path.join(docsDirectory, "cli.md"), "utf8")).toBe(cliReference());
  });
  it("docs/diagnostics.md", () => {
    expect(readFileSync(path.join(docsDirectory, "diagnostics.md"), "utf8")).toBe(diagnosticsReference());
  });
  it("docs/policy.md", () => {
    expect(readFileSync(path.join(docsDirectory, "policy.md"), "utf8")).toBe(policyReference());
  });
});
