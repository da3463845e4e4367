// expect: NOROS1102 4:14
import { system } from "noros";

const here = import.meta.url;

export default system("impure", { region: "eu-central-1", resources: [], outputs: { here } });
