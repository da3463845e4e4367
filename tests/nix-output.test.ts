import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasNix } from "./helpers/nix.js";
import { compile } from "../compiler/compile.js";
import { examples } from "./helpers/examples.js";
import { tempDir } from "./helpers/cli.js";
import { writeFileSync } from "node:fs";


describe.skipIf(!hasNix)("generated NixOS configurations", () => {
  it.each(examples().map((e) => [e.name, e] as const))("%s: every .nix file parses", (_name, example) => {
    const { artefacts } = compile({ file: example.file, cwd: example.dir });
    const nixFiles = artefacts.filter((a) => a.path.endsWith(".nix"));
    for (const artefact of nixFiles) {
      const file = path.join(tempDir(), path.basename(artefact.path));
      writeFileSync(file, artefact.contents);
      expect(() => execFileSync("nix-instantiate", ["--parse", file], { stdio: "pipe" }), artefact.path).not.toThrow();
    }
  });
});
