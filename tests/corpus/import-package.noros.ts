// expect: NOROS1101 3:27
import { system } from "noros";
import { something } from "left-pad";

export default system("impure", { region: "eu-central-1", resources: [], outputs: { x: something } });
