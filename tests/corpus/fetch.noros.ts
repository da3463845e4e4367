// expect: NOROS1102 4:18
import { system } from "noros";

const response = fetch("https://example.com/region");

export default system("impure", { region: "eu-central-1", resources: [], outputs: { r: String(response) } });
