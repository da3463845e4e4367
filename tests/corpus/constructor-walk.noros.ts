// expect: NOROS1102 5:16
import { bucket, system } from "noros";

const site = bucket("site");
const escape = (site.constructor as unknown as { constructor: (code: string) => () => unknown }).constructor;

export default system("escape", { region: "eu-central-1", resources: [site], outputs: { x: String(escape) } });
