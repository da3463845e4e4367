// expect: NOROS2003 5:3
import { bucket, system } from "noros";

const site = bucket("site", {
  bucketName: "My_Bucket",
});

export default system("names", { region: "eu-central-1", resources: [site] });
