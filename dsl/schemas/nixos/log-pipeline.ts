import { z } from "zod";
import type { LogGroup } from "../../log-group.js";
import { use } from "../common.js";
import { UnitName, UnixName } from "./common.js";

/** A field of an event: names separated by dots ("message", "http.status"). */
const Field = z.string().regex(/^[A-Za-z0-9_@-]+(\.[A-Za-z0-9_@-]+)*$/, 'a field is names separated by dots, such as "http.status"');

/** A JSON-like scalar an event field is compared with or set to. */
const Scalar = z.union([z.string().max(1000), z.number().finite(), z.boolean()]);

/** A condition on one event, as data: no code, so it is checked here and printed as VRL by noros. */
export const Condition: z.ZodType<ConditionProps, ConditionInput> = z.lazy(() =>
  z.union([
    z.strictObject({ field: Field, equals: Scalar }),
    z.strictObject({ field: Field, oneOf: z.array(Scalar).min(1) }),
    /** A regular expression (Rust regex syntax) the field's text must match. */
    z.strictObject({ field: Field, matches: z.string().min(1).max(1000) }),
    z.strictObject({ field: Field, exists: z.boolean() }),
    z.strictObject({ field: Field, atLeast: z.number().finite() }),
    z.strictObject({ not: Condition }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
  ]),
);

type ScalarValue = string | number | boolean;
export type ConditionInput =
  | { field: string; equals: ScalarValue }
  | { field: string; oneOf: ScalarValue[] }
  | { field: string; matches: string }
  | { field: string; exists: boolean }
  | { field: string; atLeast: number }
  | { not: ConditionInput }
  | { all: ConditionInput[] }
  | { any: ConditionInput[] };
export type ConditionProps = ConditionInput;

/** One pure step of a pipeline: each takes an event and gives back zero or one event. */
const Step = z.union([
  /** Parse the `message` as JSON and merge its fields into the event (events that are not JSON are kept as they are). */
  z.strictObject({ parse: z.literal("json") }),
  /** Parse the `message` with a regular expression; its named groups become fields. */
  z.strictObject({ parse: z.strictObject({ regex: z.string().min(1).max(2000).regex(/\(\?P?<[A-Za-z_][A-Za-z0-9_]*>/, "the regex needs at least one named group (?<name>...)") }) }),
  /** Keep only the events the condition holds for. */
  z.strictObject({ filter: Condition }),
  /** Rename, set and remove fields. */
  z.strictObject({
    map: z.strictObject({
      rename: z.record(Field, Field).default({}),
      set: z.record(Field, Scalar).default({}),
      remove: z.array(Field).default([]),
    }),
  }),
]);

const Source = z.union([
  /** The systemd journal of these units. */
  z.strictObject({ journald: z.strictObject({ units: z.array(UnitName).min(1) }) }),
  /** Files, followed as they grow (and across rotation). */
  z.strictObject({ file: z.strictObject({ paths: z.array(z.string().regex(/^\/[A-Za-z0-9._*?/-]+$/, "an absolute path or glob")).min(1) }) }),
]);

const Route = z.strictObject({
  name: UnixName,
  when: Condition,
  to: use<LogGroup>("log-group"),
});

/**
 * A typed log pipeline: where events come from, a chain of pure steps, and where they go (one log
 * group, or routes by condition with a log group for the rest). Lowered to Vector on the host; the
 * host's role may write to exactly the log groups named here.
 */
export const LogPipelineSchema = z.strictObject({
  /** The pipeline's name: the prefix of its Vector components. */
  name: UnixName,
  source: Source,
  steps: z.array(Step).default([]),
  /** The log group events go to when no route takes them (or always, without routes). */
  to: use<LogGroup>("log-group"),
  /** Events a route's condition holds for go to its log group instead; the first route that matches wins. */
  routes: z.array(Route).default([]),
});

export type LogPipelineInput = z.input<typeof LogPipelineSchema>;
export type LogPipelineProps = z.output<typeof LogPipelineSchema>;
export type LogStep = z.output<typeof Step>;
