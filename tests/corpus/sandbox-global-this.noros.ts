// expect: NOROS1102 4:2
import { system } from "noros";

(globalThis as unknown as Record<string, unknown>).system = () => ({});

export default system("mutation", { region: "eu-central-1", resources: [] });
