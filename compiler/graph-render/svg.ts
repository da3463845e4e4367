import { Graphviz } from "@hpcc-js/wasm-graphviz";

/** SVG laid out by Graphviz itself (its WebAssembly build), never by hand-written layout. */
export async function dotToSvg(dot: string): Promise<string> {
  const graphviz = await Graphviz.load();
  return graphviz.dot(dot, "svg");
}
