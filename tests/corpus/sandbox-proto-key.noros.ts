// expect: NOROS1012 4:29
import { bucket, system } from "noros";

const site = bucket("site", { versioning: true, ...{ ["__proto__"]: { forceDestroy: true } } } as object);

export default system("pollution", { region: "eu-central-1", resources: [site] });
