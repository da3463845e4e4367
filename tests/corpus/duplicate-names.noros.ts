// expect: NOROS3001 5:16
import { bucket, system, topic } from "noros";

const logs = bucket("logs");
const alerts = topic("logs");

export default system("dupes", { region: "eu-central-1", resources: [logs, alerts] });
