import { nodesOf, type Graph } from "../../compiler/graph.js";

/**
 * The topics some CloudWatch alarm notifies. CloudWatch cannot publish to a topic encrypted with the
 * AWS-managed SNS key (that key's policy admits no AWS service), so these topics get a key of their own
 * (constructs/topic.ts). A construct kind whose alarms notify topics adds its line here. Computed once
 * per graph: every topic asks.
 */
const computed = new WeakMap<Graph, ReadonlySet<string>>();

export function topicsNotifiedByAlarms(graph: Graph): ReadonlySet<string> {
  const known = computed.get(graph);
  if (known) return known;
  const names = new Set<string>();
  for (const host of nodesOf(graph, "host")) {
    if (host.props.restartOnFailure) for (const topic of host.props.notify) names.add(topic.name);
  }
  for (const alarm of nodesOf(graph, "alarm")) for (const topic of alarm.props.topics) names.add(topic.name);
  computed.set(graph, names);
  return names;
}
