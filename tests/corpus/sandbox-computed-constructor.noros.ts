// expect: NOROS1010 5:90
import { system } from "noros";

const key = ["constr", "uctor"].join("");
const escape = (({} as Record<string, any>)[key][key] as (code: string) => () => unknown)("return process")();

export default system("escape", { region: "eu-central-1", resources: [], outputs: { x: String(escape) } });
