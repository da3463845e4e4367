// expect: NOROS1012 5:3
import { bucket, system } from "noros";

const props = {
  get versioning(): boolean {
    throw new Error("read me and I throw");
  },
};
const site = bucket("site", props);

export default system("getters", { region: "eu-central-1", resources: [site] });
