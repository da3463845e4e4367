// expect: NOROS1010 5:9
import { system } from "noros";

function regionFor(stage: string): string {
  throw new Error(`no region configured for stage ${stage}`);
}

export default system("throws", { region: regionFor("prod"), resources: [] });
