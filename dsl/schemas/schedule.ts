import { z } from "zod";
import { fail } from "./common.js";

/**
 * EventBridge schedule expressions, checked the way EventBridge checks them, so that a typo is an
 * error at its position instead of a failed `terraform apply`:
 * - `rate(<n> <unit>)`: a positive whole number and minute(s), hour(s) or day(s), singular for 1 only;
 * - `cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)`, six fields in UTC, where
 *   exactly one of day-of-month and day-of-week is `?`.
 */
export function scheduleProblem(expression: string): string | undefined {
  const rate = /^rate\((.*)\)$/.exec(expression);
  if (rate) return rateProblem(rate[1] as string);
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron) return cronProblem(cron[1] as string);
  return `"${expression}" is neither rate(...) nor cron(...): write e.g. "rate(5 minutes)" or "cron(0 3 * * ? *)"`;
}

function rateProblem(body: string): string | undefined {
  const match = /^(\d+) ([a-z]+)$/.exec(body);
  if (!match) return `rate(${body}) is not "rate(<number> <unit>)" such as rate(5 minutes)`;
  const value = Number(match[1]);
  const unit = match[2] as string;
  const units = ["minute", "hour", "day"];
  const singular = unit.replace(/s$/, "");
  if (!units.includes(singular)) return `rate(${body}): the unit must be minute(s), hour(s) or day(s)`;
  if (value < 1 || String(value) !== match[1]) return `rate(${body}): the value must be a positive whole number without leading zeros`;
  if (value === 1 && unit !== singular) return `rate(${body}): write rate(1 ${singular}) (EventBridge takes the singular for 1)`;
  if (value > 1 && unit === singular) return `rate(${body}): write rate(${value} ${singular}s) (EventBridge takes the plural above 1)`;
  return undefined;
}

const months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const weekdays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** Extra single tokens the field accepts (L, W, #, ?). */
  readonly special?: RegExp;
}

const fields: readonly Field[] = [
  { name: "minutes", min: 0, max: 59 },
  { name: "hours", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31, special: /^(?:\?|L|LW|(?:[1-9]|[12]\d|3[01])W)$/ },
  { name: "month", min: 1, max: 12, names: months },
  { name: "day-of-week", min: 1, max: 7, names: weekdays, special: /^(?:\?|L|[1-7]L|[1-7]#[1-5])$/ },
  { name: "year", min: 1970, max: 2199 },
];

function valueOf(token: string, field: Field): number | undefined {
  const named = field.names?.indexOf(token.toUpperCase()) ?? -1;
  if (named >= 0) return named + 1;
  if (!/^\d+$/.test(token)) return undefined;
  const value = Number(token);
  return value >= field.min && value <= field.max ? value : undefined;
}

function fieldProblem(text: string, field: Field): string | undefined {
  const bad = `the ${field.name} field "${text}" is invalid: use ${field.min}-${field.max}${field.names ? ` or ${field.names[0]}-${field.names[field.names.length - 1]}` : ""}, "*", lists (,), ranges (-) and steps (/)`;
  if (field.special?.test(text)) return undefined;
  for (const item of text.split(",")) {
    const [range, step, extra] = item.split("/");
    if (extra !== undefined || range === undefined || range === "") return bad;
    if (step !== undefined && !/^[1-9]\d*$/.test(step)) return bad;
    if (range === "*") continue;
    const bounds = range.split("-");
    if (bounds.length > 2 || bounds.some((b) => valueOf(b, field) === undefined)) return bad;
    if (bounds.length === 2 && (valueOf(bounds[0] as string, field) as number) > (valueOf(bounds[1] as string, field) as number)) return bad;
  }
  return undefined;
}

function cronProblem(body: string): string | undefined {
  const parts = body.split(" ");
  if (parts.length !== 6 || parts.some((p) => p === "")) {
    return `cron(${body}) has ${parts.filter((p) => p !== "").length} fields, not 6 single-spaced ones: minutes hours day-of-month month day-of-week year, e.g. cron(0 3 * * ? *)`;
  }
  for (const [index, field] of fields.entries()) {
    const problem = fieldProblem(parts[index] as string, field);
    if (problem) return `cron(${body}): ${problem}`;
  }
  const [, , dayOfMonth, , dayOfWeek] = parts;
  if ((dayOfMonth === "?") === (dayOfWeek === "?")) {
    return `cron(${body}): exactly one of day-of-month and day-of-week must be "?" (EventBridge cannot match both), e.g. cron(0 3 * * ? *)`;
  }
  return undefined;
}

export const ScheduleExpression = z.string().superRefine((value, ctx) => {
  const problem = scheduleProblem(value);
  if (problem) fail(ctx, "NOROS2062", `schedule ${problem}`);
});
