// expect: NOROS1102 4:19
import { system } from "noros";

const today = new Date().toISOString();

export default system("impure", { region: "eu-central-1", resources: [], outputs: { today } });
