import type { Io } from "./output.js";

/**
 * Progress of a compile, phase by phase, on stderr (stdout stays the result, so `--json` and pipes are
 * unaffected).
 *
 * - "live": one status line rewritten in place, shown only once the compile has taken a second (small
 *   systems compile faster than a status line could be read) and erased at the end.
 * - "plain": one line per finished phase, for CI logs and other non-terminals (`--progress`).
 * - "off": nothing.
 */
export type ProgressMode = "live" | "plain" | "off";

export interface Progress {
  /** A phase has finished after `ms`; the same phase may finish more than once (validation runs twice). */
  phase(name: string, ms: number): void;
  /** The work is over: clear the live line. */
  done(): void;
}

const LIVE_AFTER_MS = 1000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export function progressMode(io: Io, requested: boolean | undefined, json: boolean | undefined): ProgressMode {
  if (json) return "off";
  if (requested) return "plain";
  return io.interactive ? "live" : "off";
}

export function createProgress(io: Io, mode: ProgressMode, label: string, now: () => number = () => performance.now()): Progress {
  const started = now();
  const finished: string[] = [];
  let shown = false;
  return {
    phase(name, ms) {
      if (mode === "off") return;
      if (mode === "plain") {
        io.stderr(`${label}: ${name} ${seconds(ms)}\n`);
        return;
      }
      finished.push(`${name} ${seconds(ms)}`);
      if (now() - started < LIVE_AFTER_MS) return;
      shown = true;
      io.stderr(`\r\u001b[K${label}: ${finished.join(", ")} …`);
    },
    done() {
      if (shown) io.stderr("\r\u001b[K");
    },
  };
}
