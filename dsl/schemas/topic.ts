import { z } from "zod";
import { Email } from "./common.js";

export const TopicSchema = z.strictObject({
  /** E-mail addresses subscribed to the topic (each must confirm the subscription). */
  emails: z.array(Email).default([]),
});

export type TopicInput = z.input<typeof TopicSchema>;
export type TopicProps = z.output<typeof TopicSchema>;
