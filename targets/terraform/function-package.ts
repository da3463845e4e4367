import { createHash } from "node:crypto";
import { zipSync, type Zippable } from "fflate";
import type { FunctionSource } from "../../compiler/graph.js";

/**
 * Every entry's modification time. ZIP stores local date and time fields, and fflate fills them from a
 * Date's local getters, so a Date built from local fields gives the same bytes in every time zone;
 * noon keeps it clear of any daylight-saving jump.
 */
const FIXED_MTIME = () => new Date(2000, 0, 1, 12, 0, 0);

/** Unix permissions in the external attributes (with `os: 3`): read for everyone, execute where the source had it. */
const REGULAR = 0o100644;
const EXECUTABLE = 0o100755;
const UNIX = 3;
const LEVEL = 9;

/**
 * A function's source as a ZIP archive that is the same bytes on every compile, machine and time
 * zone: entries in path order, fixed time, fixed attributes, fixed compression level, no directory
 * entries and no extra fields. (fflate walks an object's keys; names that are array indices, such as
 * "1", come first in JavaScript's key order, which is still the same order every time.)
 */
export function functionPackage(source: FunctionSource): Uint8Array {
  const entries: Zippable = {};
  for (const file of [...source.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    entries[file.path] = [file.contents, { mtime: FIXED_MTIME(), os: UNIX, attrs: (file.executable ? EXECUTABLE : REGULAR) << 16, level: LEVEL }];
  }
  return zipSync(entries);
}

/** What Terraform's `source_code_hash` compares: base64 of the package's sha256 (as filebase64sha256 gives). */
export function packageHash(contents: Uint8Array): string {
  return createHash("sha256").update(contents).digest("base64");
}

/** The package's path in the output, and how main.tf.json (in terraform/) reaches it. */
export const packagePath = (name: string) => `functions/${name}.zip`;
export const packageFilename = (name: string) => `\${path.module}/../${packagePath(name)}`;
