// expect: NOROS1102 4:20
import { system } from "noros";

const memory = new Float64Array(500_000_000).fill(1);

export default system("binary", { region: "eu-central-1", resources: [], outputs: { n: String(memory.length) } });
