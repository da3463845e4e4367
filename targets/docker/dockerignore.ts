import { DockerfileError } from "./dockerfile.js";

/**
 * Prints a `.dockerignore`: one pattern a line, trimmed, deduplicated and sorted, so the output is
 * a pure function of the set of patterns.
 *
 * Order matters in a `.dockerignore` only for exceptions (`!pattern`), which re-include what an
 * earlier line excluded. Sorting plain patterns and exceptions together would put `!keep` before
 * `*` and lose the exception, so exceptions are printed after every plain pattern: the file means
 * "ignore all of these, except those".
 */
export function printDockerignore(patterns: readonly string[], header?: string): string {
  const plain = new Set<string>();
  const exceptions = new Set<string>();
  for (const raw of patterns) {
    if (raw.includes("\0")) throw new DockerfileError(".dockerignore pattern contains a NUL character");
    if (/[\r\n]/.test(raw)) throw new DockerfileError(`.dockerignore pattern ${JSON.stringify(raw)} contains a line break`);
    // Docker trims each line, and the pattern after a leading `!`.
    let pattern = raw.trim();
    const negated = pattern.startsWith("!");
    if (negated) pattern = pattern.slice(1).trim();
    if (pattern === "") throw new DockerfileError(`.dockerignore pattern ${JSON.stringify(raw)} is empty`);
    if (!negated && pattern.startsWith("#")) {
      throw new DockerfileError(`.dockerignore pattern ${JSON.stringify(raw)} would be read as a comment`);
    }
    (negated ? exceptions : plain).add(pattern);
  }
  const lines: string[] = [];
  if (header !== undefined) for (const l of header.split("\n")) lines.push(l === "" ? "#" : `# ${l}`);
  lines.push(...[...plain].sort(compare));
  lines.push(...[...exceptions].sort(compare).map((p) => `!${p}`));
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

/** Code-unit order, independent of the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
