// expect: NOROS1010 5:1
import { bucket, system } from "noros";

// Every object would seem to have versioning: false, the compiler's included, if this worked.
Object.defineProperty(Object.prototype, "versioning", { value: false });

export default system("pollution", { region: "eu-central-1", resources: [bucket("site")] });
