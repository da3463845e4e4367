// expect: NOROS1102 5:19
import { bucket, system } from "noros";

const site = bucket("site");
const internals = Reflect.ownKeys(site);

export default system("reflect", { region: "eu-central-1", resources: [site], outputs: { x: String(internals) } });
