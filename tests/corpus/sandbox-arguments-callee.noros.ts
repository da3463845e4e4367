// expect: NOROS1010 5:68
import { system } from "noros";

function caller(): unknown {
  return (arguments as unknown as { callee: { caller: unknown } }).callee.caller;
}

export default system("escape", { region: "eu-central-1", resources: [], outputs: { x: String(caller()) } });
