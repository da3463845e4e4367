// expect: NOROS1011 1:1
import { bucket, system } from "noros";

export const site = bucket("site");
export const app = system("nodefault", { region: "eu-central-1", resources: [site] });
