import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clusterProviders, pinnedProviders } from "../targets/terraform/providers.js";
import { repoRoot } from "./helpers/cli.js";

/** README's table of pinned providers names every provider noros can require, at the version it pins. */
describe("README's pinned providers", () => {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  it.each(Object.entries({ ...pinnedProviders, ...clusterProviders }))("%s", (_name, { source, version }) => {
    expect(readme).toContain(`| ${source} | ${version} |`);
  });
});
