// expect: NOROS1010 4:73
import { system } from "noros";

(Array.prototype as unknown as Record<symbol, unknown>)[Symbol.iterator] = function* () {};

export default system("symbols", { region: "eu-central-1", resources: [] });
