// expect: NOROS2002 4:14
import { bucket, system } from "noros";

const site = bucket("Site_Assets");

export default system("names", { region: "eu-central-1", resources: [site] });
