// expect: NOROS1102 4:19
import { bucket, system } from "noros";

const props = new Proxy({}, { get: () => true });
const site = bucket("site", props);

export default system("tricky", { region: "eu-central-1", resources: [site] });
