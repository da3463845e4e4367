// expect: NOROS1009 1:1
import { system } from "noros";

let region = "eu-central-1";
for (;;) {
  region = region.split("").reverse().join("");
}

export default system("endless", { region, resources: [] });
