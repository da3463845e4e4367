import { request } from "undici";
import type { Expectation } from "./types.js";

export interface ProbeAnswer {
  readonly status: number;
  readonly body: string;
}

export type ProbeResult =
  | { readonly healthy: true; readonly answer: ProbeAnswer; readonly at: number }
  | { readonly healthy: false; readonly reason: string; readonly last?: ProbeAnswer };

/** Whether an answer is the expected one. */
export function matches(answer: ProbeAnswer, expect: Expectation): boolean {
  return answer.status === expect.status && (expect.bodyIncludes === undefined || answer.body.includes(expect.bodyIncludes));
}

/**
 * GETs `url` with undici until it answers as expected, `deadline` (Date.now() ms) passes, or `died`
 * settles (the deployment stopped). Each attempt has its own 5 s limit; attempts are 250 ms apart.
 */
export async function probe(url: string, expect: Expectation, options: { deadline: number; died?: Promise<string> }): Promise<ProbeResult> {
  let deadReason: string | undefined;
  void options.died?.then((reason) => (deadReason = reason));
  let last: ProbeAnswer | undefined;
  let lastError = "no attempt finished";
  while (Date.now() < options.deadline) {
    if (deadReason !== undefined) return { healthy: false, reason: deadReason, ...(last ? { last } : {}) };
    const remaining = Math.max(100, Math.min(5000, options.deadline - Date.now()));
    try {
      const res = await request(url, { method: "GET", headersTimeout: remaining, bodyTimeout: remaining });
      const body = await res.body.text();
      last = { status: res.statusCode, body };
      if (matches(last, expect)) return { healthy: true, answer: last, at: Date.now() };
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (deadReason !== undefined) return { healthy: false, reason: deadReason, ...(last ? { last } : {}) };
  const seen = last ? `last answer: HTTP ${last.status} ${JSON.stringify(snippet(last.body))}` : `no answer at all (${lastError})`;
  return { healthy: false, reason: `no answer ${describe(expect)} from ${url} in time; ${seen}`, ...(last ? { last } : {}) };
}

export function describe(expect: Expectation): string {
  return `with HTTP ${expect.status}${expect.bodyIncludes === undefined ? "" : ` and a body containing ${JSON.stringify(expect.bodyIncludes)}`}`;
}

export function snippet(body: string, max = 200): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
