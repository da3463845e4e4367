// expect: NOROS2008 4:35
import { bucket, system } from "noros";

const props = { versioning: true, versoning: false };
const site = bucket("site", props as { versioning: boolean });

export default system("typo", { region: "eu-central-1", resources: [site] });
