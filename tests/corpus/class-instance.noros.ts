// expect: NOROS1012 8:14
import { bucket, system } from "noros";

class Settings {
  versioning = true;
}

const site = bucket("site", new Settings());

export default system("classes", { region: "eu-central-1", resources: [site] });
