// expect: NOROS1010 1:1
import { system } from "noros";

throw { get message(): string { throw new Error("no message for you"); }, get stack(): string { throw new Error("nor a stack"); } };

export default system("throws", { region: "eu-central-1", resources: [] });
