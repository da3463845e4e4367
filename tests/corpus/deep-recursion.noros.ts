// expect: NOROS1010 5:10
import { system } from "noros";

function depth(n: number): number {
  return depth(n + 1) + 1;
}

export default system("recursive", { region: "eu-central-1", resources: [], outputs: { d: String(depth(0)) } });
