// expect: NOROS1102 4:12
import { system } from "noros";

const os = require("os");

export default system("impure", { region: "eu-central-1", resources: [], outputs: { host: os.hostname() } });
