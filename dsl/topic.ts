import { construct, type Construct, type Ref } from "./core.js";
import type { TopicInput } from "./schemas/topic.js";

export type Topic = Construct<"topic", TopicInput> & { readonly arn: Ref<"arn"> };

/** An encrypted SNS topic. Publishers are declared on the publisher (`publishesTo: [topic]`). */
export function topic(name: string, props: TopicInput = {}): Topic {
  return construct("topic", name, props, { arn: "arn" });
}
