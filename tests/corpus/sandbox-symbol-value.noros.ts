// expect: NOROS1012 4:86
import { system } from "noros";

export default system("symbols", { region: "eu-central-1", resources: [], outputs: { x: Symbol("x") as unknown as string } });
