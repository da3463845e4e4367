// expect: NOROS1102 5:1
import { system } from "noros";

let region = "eu-central-1";
setTimeout(() => (region = "us-east-1"), 0);

export default system("impure", { region, resources: [] });
