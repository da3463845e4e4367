// expect: NOROS1010 6:100
import { bucket, system } from "noros";

// The DSL functions live in the evaluation context: their constructor is that context's Function, which cannot compile strings.
const key = ["constr", "uctor"].join("");
const escape = ((bucket as unknown as Record<string, any>)[key] as (code: string) => () => unknown)("return process")();

export default system("escape", { region: "eu-central-1", resources: [], outputs: { x: String(escape) } });
