// expect: NOROS1102 4:15
import { system } from "noros";

const stamp = Date.now();

export default system("impure", { region: "eu-central-1", resources: [], outputs: { stamp: String(stamp) } });
