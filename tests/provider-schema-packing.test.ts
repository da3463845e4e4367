import { describe, expect, it } from "vitest";
import { packProviderSchema, providerFiles, readSourceSchema, unpackProviderSchema } from "../targets/terraform/schema/provider-schema.js";
import { repoRoot } from "./helpers/cli.js";

describe("provider schemas packed by the build", () => {
  for (const [provider, file] of Object.entries(providerFiles)) {
    it(`${provider}: read back, the same schema, every type listed before any is parsed`, () => {
      const source = readSourceSchema(repoRoot, file);
      const unpacked = unpackProviderSchema(packProviderSchema(source));
      expect(Object.keys(unpacked.resources)).toEqual(Object.keys(source.resources));
      const [first] = Object.keys(source.resources);
      if (first) expect(unpacked.resources[first]).toEqual(source.resources[first]);
      // Reading every block (as JSON.stringify does) gives the source back exactly.
      expect(JSON.parse(JSON.stringify(unpacked))).toEqual(source);
    });
  }
});
