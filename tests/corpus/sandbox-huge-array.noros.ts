// expect: NOROS5010 1:1
import { system } from "noros";

// About 4 GB of numbers: the evaluator's heap limit stops it, the compiler lives on.
const rows: number[][] = [];
for (let i = 0; i < 50; i++) rows.push(new Array<number>(10_000_000).fill(i));

export default system("huge", { region: "eu-central-1", resources: [], outputs: { n: String(rows.length) } });
