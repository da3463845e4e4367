// expect: NOROS1102 4:16
import { system } from "noros";

const region = eval('"eu-central-1"') as string;

export default system("impure", { region, resources: [] });
