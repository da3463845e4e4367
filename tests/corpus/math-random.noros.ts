// expect: NOROS1102 4:16
import { bucket, system } from "noros";

const suffix = Math.random().toString(36).slice(2);
const site = bucket(`site-${suffix}`);

export default system("impure", { region: "eu-central-1", resources: [site] });
