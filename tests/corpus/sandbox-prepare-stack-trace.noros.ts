// expect: NOROS1010 5:71
import { system } from "noros";

// A hook to see the host's stack frames (and their `this`): Error is frozen, so this throws.
(Error as unknown as { prepareStackTrace: unknown }).prepareStackTrace = (_error: unknown, frames: Array<{ getThis(): unknown }>) => frames.map((f) => f.getThis());
const frames = new Error("x").stack;

export default system("escape", { region: "eu-central-1", resources: [], outputs: { x: String(frames) } });
