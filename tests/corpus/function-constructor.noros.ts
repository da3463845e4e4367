// expect: NOROS1102 4:20
import { system } from "noros";

const makeRegion = Function('return "eu-central-1"') as () => string;

export default system("impure", { region: makeRegion(), resources: [] });
