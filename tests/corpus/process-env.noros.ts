// expect: NOROS1102 4:16
import { system } from "noros";

const region = process.env.AWS_REGION ?? "eu-central-1";

export default system("impure", { region, resources: [] });
