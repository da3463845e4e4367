// expect: NOROS1012 6:3
import { bucket, system } from "noros";

let reads = 0;
const props = {
  get versioning() {
    reads++;
    return reads > 1;
  },
};
const site = bucket("site", props);

export default system("getters", { region: "eu-central-1", resources: [site] });
