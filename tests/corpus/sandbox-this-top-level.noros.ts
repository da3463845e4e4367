// expect: NOROS1010 4:57
import { system } from "noros";

const host = (this as unknown as { process?: unknown }).process;

export default system("escape", { region: "eu-central-1", resources: [], outputs: { x: String(host) } });
