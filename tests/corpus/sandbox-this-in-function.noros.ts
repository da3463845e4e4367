// expect: NOROS1010 5:41
import { system } from "noros";

function globalObject(this: unknown): unknown {
  return (this as { process: unknown }).process;
}

export default system("escape", { region: "eu-central-1", resources: [], outputs: { x: String(globalObject()) } });
