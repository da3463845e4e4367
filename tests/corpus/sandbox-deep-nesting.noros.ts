// expect: NOROS1012 5:46
import { system } from "noros";

let nested: unknown = "leaf";
for (let i = 0; i < 100_000; i++) nested = { nested };

export default system("nested", { region: "eu-central-1", resources: [], tags: nested as Record<string, string> });
