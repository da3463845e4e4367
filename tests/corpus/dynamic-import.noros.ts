// expect: NOROS1103 4:16
import { system } from "noros";

const loaded = import("./other.ts");

export default system("impure", { region: "eu-central-1", resources: [], outputs: { r: String(loaded) } });
