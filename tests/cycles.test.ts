import { describe, expect, it } from "vitest";
import type { Edge } from "../compiler/graph.js";
import { findCycles } from "../compiler/resolve/cycles.js";

const edge = (from: string, to: string, kind: Edge["kind"] = "refers"): Edge => ({ from, to, kind, via: "x" });

describe("findCycles", () => {
  it("finds none in a DAG", () => {
    expect(findCycles(["a", "b", "c"], [edge("a", "b"), edge("b", "c"), edge("a", "c")])).toEqual([]);
  });

  it("names a two-node cycle once, starting from the first name", () => {
    expect(findCycles(["b", "a"], [edge("a", "b"), edge("b", "a")])).toEqual([["a", "b", "a"]]);
  });

  it("names each separate cycle and walks a longer one in order", () => {
    const cycles = findCycles(["a", "b", "c", "x", "y"], [edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("x", "y"), edge("y", "x")]);
    expect(cycles).toEqual([
      ["a", "b", "c", "a"],
      ["x", "y", "x"],
    ]);
  });

  it("reports a construct that depends on itself", () => {
    expect(findCycles(["a"], [edge("a", "a")])).toEqual([["a", "a"]]);
  });

  it("ignores permission edges: granting access never orders creation", () => {
    expect(findCycles(["a", "b"], [edge("a", "b"), edge("b", "a", "grants")])).toEqual([]);
  });
});
