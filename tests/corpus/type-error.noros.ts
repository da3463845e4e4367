// expect: NOROS1005 4:31
import { bucket, system } from "noros";

const site = bucket("site", { versioning: "yes" });

export default system("typed", { region: "eu-central-1", resources: [site] });
