import path from "node:path";
import { describe, expect, it } from "vitest";
import { deriveSchema } from "../scripts/regenerate-schemas.js";
import { repoRoot } from "./helpers/cli.js";

describe("schema regeneration from cdktf bindings", () => {
  it("derives names, nesting, max-1 blocks, object attributes and required flags", () => {
    const schema = deriveSchema(path.join(repoRoot, "tests", "fixtures", "cdktf-provider"), "demo", "1.0.0", "registry/demo", "@cdktf/provider-demo@1") as {
      resources: Record<string, unknown>;
    };
    expect(schema.resources.demo_thing).toEqual({
      attributes: {
        name: { type: "string", required: true },
        ports: { type: "set(object)", attributes: { from: { type: "number" } }, all_fields: true },
        tags: { type: "map(string)" },
      },
      blocks: {
        rule: { nesting: "list", required: true, min_items: 1, max_items: 1, attributes: { action: { type: "string", required: true }, priority: { type: "number" } } },
        timeouts: { nesting: "single", max_items: 1, attributes: { create: { type: "string" } } },
      },
    });
  });
});
