// expect: NOROS2045 4:26
import { alarm, system } from "noros";

const lag = alarm("lag", {
  metric: { namespace: "shop", name: "QueueLag", statistic: "Maximum" },
  comparison: ">",
  threshold: 60,
});

export default system("alarms", { region: "eu-central-1", resources: [lag] });
