import { z } from "zod";
import type { Fn } from "../function.js";
import { fail, use } from "./common.js";
import { LogRetention } from "./function.js";

export const routeMethods = ["ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"] as const;

/**
 * "GET /start", "POST /servers/{id}", "ANY /files/{proxy+}": an API Gateway route key. A path
 * parameter is `{name}`; a greedy one `{name+}` only as the last segment.
 */
export function routeProblem(key: string): string | undefined {
  const match = /^([A-Z]+) (\/.*)$/.exec(key);
  if (!match) return `route "${key}" is not "METHOD /path" such as "GET /start"`;
  const [, method, routePath] = match as unknown as [string, string, string];
  if (!(routeMethods as readonly string[]).includes(method)) return `route "${key}": ${method} is not one of ${routeMethods.join(", ")}`;
  if (routePath === "/") return undefined;
  const segments = routePath.slice(1).split("/");
  for (const [index, segment] of segments.entries()) {
    const greedy = /^\{[A-Za-z_][A-Za-z0-9_]*\+\}$/.test(segment);
    if (greedy && index !== segments.length - 1) return `route "${key}": a greedy parameter ${segment} must be the last segment`;
    if (!greedy && !/^(?:[A-Za-z0-9._~-]+|\{[A-Za-z_][A-Za-z0-9_]*\})$/.test(segment)) {
      return `route "${key}": segment "${segment}" is invalid: use letters, digits, ".", "_", "~", "-", or a {parameter}`;
    }
  }
  return undefined;
}

const Routes = z.record(z.string(), use<Fn>("function")).superRefine((routes, ctx) => {
  const keys = Object.keys(routes);
  if (keys.length === 0) fail(ctx, "NOROS2063", "an HTTP API needs at least one route, such as { \"GET /start\": start }");
  for (const key of keys) {
    const problem = routeProblem(key);
    if (problem) fail(ctx, "NOROS2063", problem, [key]);
  }
});

export const HttpApiSchema = z.strictObject({
  /** Route key -> the function that answers it: { "GET /start": start }. */
  routes: Routes,
  /**
   * Who may call the routes: "iam" (requests signed with AWS credentials allowed to execute-api:Invoke)
   * or "none" (anyone on the internet: say why beside it, and keep the handler safe to call by anyone).
   */
  authorization: z.enum(["iam", "none"]).default("iam"),
  /** Requests per second (steady) and at once (burst) across the API, so a flood costs little. */
  throttle: z
    .strictObject({
      ratePerSecond: z.number().min(1).max(10000).default(10),
      burst: z.number().int().min(1).max(5000).default(20),
    })
    .default({ ratePerSecond: 10, burst: 20 }),
  /** How long the access log (one JSON line per request) is kept. */
  logRetentionDays: LogRetention.default(90),
});

export type HttpApiInput = z.input<typeof HttpApiSchema>;
export type HttpApiProps = z.output<typeof HttpApiSchema>;
