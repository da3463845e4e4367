// expect: NOROS1101 3:16
import { system } from "noros";
import fs from "fs";

export default system("impure", { region: "eu-central-1", resources: [], outputs: { x: String(fs) } });
