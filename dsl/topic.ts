import { construct, type Construct, type Ref } from "./core.js";
import type { TopicInput } from "./schemas/topic.js";

/** The references a topic exposes, and the type of value each stands for. */
export const topicAttributes = { arn: "arn" } as const;

export type Topic = Construct<"topic", TopicInput> & { readonly arn: Ref<"arn"> };

/** An encrypted SNS topic. Publishers are declared on the publisher (`publishesTo: [topic]`). */
export function topic(name: string, props: TopicInput = {}): Topic {
  return construct("topic", name, props, topicAttributes);
}
