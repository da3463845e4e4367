// expect: NOROS1004 4:48
import { bucket, system } from "noros";

const site = bucket("site", { versioning: true );

export default system("broken", { region: "eu-central-1", resources: [site] });
