// expect: NOROS2011 5:3
import { system } from "noros";

export default system("regions", {
  region: "Frankfurt",
  resources: [],
});
