// expect: NOROS1010 4:18
import { system } from "noros";

const huge = "x".repeat(2 ** 31);

export default system("huge", { region: "eu-central-1", resources: [], outputs: { n: huge } });
