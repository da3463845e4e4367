// expect: NOROS1101 3:1
import { system } from "noros";
import os = require("os");

export default system("impure", { region: "eu-central-1", resources: [] });
