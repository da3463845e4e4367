import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packProviderSchema, providerFiles, unpackProviderSchema, type ProviderSchema } from "../targets/terraform/schema/provider-schema.js";
import { repoRoot } from "./helpers/cli.js";

describe("provider schemas packed by the build", () => {
  for (const [provider, file] of Object.entries(providerFiles)) {
    it(`${provider}: read back, the same schema, every type listed before any is parsed`, () => {
      const source = JSON.parse(readFileSync(path.join(repoRoot, "schemas", "providers", file), "utf8")) as ProviderSchema;
      const unpacked = unpackProviderSchema(packProviderSchema(source));
      expect(Object.keys(unpacked.resources)).toEqual(Object.keys(source.resources));
      const [first] = Object.keys(source.resources);
      if (first) expect(unpacked.resources[first]).toEqual(source.resources[first]);
      // Reading every block (as JSON.stringify does) gives the source back exactly.
      expect(JSON.parse(JSON.stringify(unpacked))).toEqual(source);
    });
  }
});
