import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { graphOf, withGraph } from "../scripts/update-example-readmes.js";
import { examples } from "./helpers/examples.js";

describe("example READMEs", () => {
  it.each(examples().map((e) => [e.name, e] as const))("%s has a README whose graph picture is current", async (_name, example) => {
    const readme = path.join(example.dir, "README.md");
    expect(existsSync(readme)).toBe(true);
    const text = readFileSync(readme, "utf8");
    expect(text, "run `npm run readmes`").toBe(withGraph(text, await graphOf(example.file)));
  });
});
