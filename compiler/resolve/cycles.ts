import type { Edge } from "../graph.js";

/**
 * Every dependency cycle, each as the list of names around it (first name repeated at the end), found
 * with Tarjan's strongly connected components so that each cycle is reported once.
 */
export function findCycles(names: readonly string[], edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const edge of edges) if (edge.kind === "uses" || edge.kind === "refers") next.get(edge.from)?.push(edge.to);
  for (const list of next.values()) list.sort();

  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (next.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const name of [...names].sort()) if (!index.has(name)) connect(name);

  return components.map((component) => orderCycle(component, next)).sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/** One concrete path around the component, starting from its alphabetically first member. */
function orderCycle(component: string[], next: ReadonlyMap<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0] as string;
  const path = [start];
  const visited = new Set([start]);
  let current = start;
  for (;;) {
    const candidates = (next.get(current) ?? []).filter((n) => members.has(n));
    const back = candidates.find((n) => n === start);
    const forward = candidates.find((n) => !visited.has(n));
    if (forward === undefined || (back !== undefined && visited.size === members.size)) {
      path.push(start);
      return path;
    }
    path.push(forward);
    visited.add(forward);
    current = forward;
  }
}
