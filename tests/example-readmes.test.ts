import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { marks, requirements } from "../scripts/requirements.js";
import { graphOf, withGraph, withRequirements } from "../scripts/update-example-readmes.js";
import { repoRoot } from "./helpers/cli.js";
import { examples } from "./helpers/examples.js";

describe("example READMEs", () => {
  it.each(examples().map((e) => [e.name, e] as const))("%s has a README whose graph picture is current", async (_name, example) => {
    const readme = path.join(example.dir, "README.md");
    expect(existsSync(readme)).toBe(true);
    const text = readFileSync(readme, "utf8");
    expect(text, "run `npm run readmes`").toBe(withGraph(text, await graphOf(example.file)));
  });

  it("the top-level README's requirement table is current", () => {
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    expect(readme, "run `npm run readmes`").toBe(withRequirements(readme, path.join(repoRoot, "examples")));
  });

  it("every requirement mark points at a line of its own system's example", () => {
    const exampleOf = new Map(requirements.map((r) => [r.id, r.example]));
    for (const mark of marks(path.join(repoRoot, "examples"))) {
      expect(mark.at.split("/")[1], `${mark.id} at ${mark.at}`).toBe(exampleOf.get(mark.id));
      const [file, line] = mark.at.split(":") as [string, string];
      expect(readFileSync(path.join(repoRoot, file), "utf8").split("\n")[Number(line) - 1]?.trim(), `${mark.id} at ${mark.at}`).not.toBe("");
    }
  });
});
