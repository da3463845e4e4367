// expect: NOROS2351 7:67
import { bucket, system } from "noros";

export default system("unlocked", {
  region: "eu-central-1",
  resources: [bucket("site")],
  backend: { s3: { bucket: "acme-state", key: "unlocked.tfstate", useLockfile: false } },
});
