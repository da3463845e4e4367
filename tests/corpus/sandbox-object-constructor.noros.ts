// expect: NOROS1102 4:16
import { system } from "noros";

const escape = ({}).constructor.constructor("return process")();

export default system("escape", { region: "eu-central-1", resources: [], outputs: { x: String(escape) } });
