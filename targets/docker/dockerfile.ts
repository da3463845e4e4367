/**
 * A typed model of the Dockerfile instructions noros emits, and a printer for it.
 *
 * The printer never lets a value change meaning on the way to the builder:
 * - exec-form arrays (RUN, CMD, ENTRYPOINT, HEALTHCHECK CMD) are JSON arrays, which the Dockerfile
 *   parser decodes with a real JSON decoder and never expands `$VAR` in;
 * - ENV, LABEL and ARG values are double-quoted, with `\`, `"` and `$` escaped, which is exactly the
 *   set the Dockerfile word lexer unescapes inside double quotes;
 * - values the Dockerfile syntax cannot carry (a newline or carriage return in an ENV, LABEL or ARG
 *   value, since line continuation removes them; a NUL; a lone UTF-16 surrogate) are refused with a
 *   {@link DockerfileError} rather than silently rewritten;
 * - shell-form RUN exists only for scripts the caller marks as such ({@link RunShell}), printed one
 *   step per line joined by `&&` with ` \` continuations.
 *
 * Output is a pure function of the input: no timestamps, maps printed in sorted key order.
 */

export class DockerfileError extends Error {
  override readonly name = "DockerfileError";
}

/** `FROM [--platform=P] IMAGE [AS stage]`. A string image is a literal reference; `{ arg }` prints `${ARG}`. */
export interface From {
  readonly image: string | { readonly arg: string };
  readonly as?: string;
  readonly platform?: string;
}

export interface Comment {
  readonly kind: "comment";
  /** May span lines: each line is printed as its own `# ` comment. */
  readonly text: string;
}

export interface Arg {
  readonly kind: "arg";
  readonly name: string;
  readonly default?: string;
}

export interface Env {
  readonly kind: "env";
  /** Printed in one ENV instruction, sorted by name (pairs of one ENV do not see each other). */
  readonly vars: Readonly<Record<string, string>>;
}

export interface Label {
  readonly kind: "label";
  readonly labels: Readonly<Record<string, string>>;
}

export interface Workdir {
  readonly kind: "workdir";
  readonly path: string;
}

export interface Copy {
  readonly kind: "copy";
  readonly sources: readonly string[];
  readonly dest: string;
  /** A build stage name (or image reference) to copy from. */
  readonly from?: string;
  /** `user`, `user:group`, or numeric ids. */
  readonly chown?: string;
}

/** `RUN ["prog", "arg", ...]`: no shell, no variable expansion. */
export interface RunExec {
  readonly kind: "run";
  readonly exec: readonly string[];
}

/**
 * `RUN step1 && step2 ...` through `/bin/sh -c`. Only for commands the caller knows are shell
 * scripts: each step is one shell command line (no newline, no trailing backslash, not a comment).
 */
export interface RunShell {
  readonly kind: "run";
  readonly shell: readonly string[];
}

export type Run = RunExec | RunShell;

export interface User {
  readonly kind: "user";
  /** `name`, `uid`, `name:group` or `uid:gid`. */
  readonly user: string;
}

export interface Expose {
  readonly kind: "expose";
  readonly port: number;
  readonly protocol?: "tcp" | "udp";
}

export interface HealthcheckCmd {
  readonly kind: "healthcheck";
  readonly exec: readonly string[];
  /** Seconds. */
  readonly intervalSeconds?: number;
  readonly timeoutSeconds?: number;
  readonly startPeriodSeconds?: number;
  readonly retries?: number;
}

export interface HealthcheckNone {
  readonly kind: "healthcheck";
  readonly none: true;
}

export type Healthcheck = HealthcheckCmd | HealthcheckNone;

export interface Entrypoint {
  readonly kind: "entrypoint";
  readonly exec: readonly string[];
}

export interface Cmd {
  readonly kind: "cmd";
  readonly exec: readonly string[];
}

export type Instruction = Comment | Arg | Env | Label | Workdir | Copy | Run | User | Expose | Healthcheck | Entrypoint | Cmd;

export interface Stage {
  readonly from: From;
  readonly instructions: readonly Instruction[];
}

export interface PrintOptions {
  /** Comment lines printed after the syntax header. */
  readonly header?: readonly string[];
  /** ARGs declared before the first FROM (the only ones a FROM line can use). */
  readonly args?: readonly Arg[];
}

export const SYNTAX_HEADER = "# syntax=docker/dockerfile:1";

/** Width past which a shell-form RUN is printed one step per line. */
const SHELL_LINE_WIDTH = 80;

export function printDockerfile(stages: readonly Stage[], options: PrintOptions = {}): string {
  if (stages.length === 0) throw new DockerfileError("a Dockerfile needs at least one stage");
  const out: string[] = [SYNTAX_HEADER];
  for (const line of options.header ?? []) out.push(...commentLines(line));
  const globalArgs = new Set<string>();
  for (const arg of options.args ?? []) {
    out.push(printArg(arg));
    globalArgs.add(arg.name);
  }
  const stageNames = new Set<string>();
  stages.forEach((stage, index) => {
    out.push("");
    out.push(printFrom(stage.from, globalArgs, stageNames));
    if (stage.from.as !== undefined) stageNames.add(stage.from.as);
    for (const ins of stage.instructions) out.push(printInstruction(ins, index, stageNames));
  });
  return out.join("\n") + "\n";
}

export function printInstruction(ins: Instruction, stageIndex = 0, earlierStages: ReadonlySet<string> = new Set()): string {
  switch (ins.kind) {
    case "comment":
      return commentLines(ins.text).join("\n");
    case "arg":
      return printArg(ins);
    case "env":
      return `ENV ${pairs(ins.vars, "ENV", envName)}`;
    case "label":
      return `LABEL ${pairs(ins.labels, "LABEL", labelKey)}`;
    case "workdir":
      if (!ins.path.startsWith("/")) throw new DockerfileError(`WORKDIR must be absolute, got ${JSON.stringify(ins.path)}`);
      return `WORKDIR ${plainWord(ins.path, "WORKDIR path")}`;
    case "copy":
      return printCopy(ins, stageIndex, earlierStages);
    case "run":
      return "exec" in ins ? `RUN ${execForm(ins.exec, "RUN", false)}` : printRunShell(ins.shell);
    case "user":
      if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/.test(ins.user)) {
        throw new DockerfileError(`USER ${JSON.stringify(ins.user)} is not a user[:group] name or id`);
      }
      return `USER ${ins.user}`;
    case "expose":
      if (!Number.isInteger(ins.port) || ins.port < 1 || ins.port > 65535) {
        throw new DockerfileError(`EXPOSE port ${ins.port} is not in 1..65535`);
      }
      return `EXPOSE ${ins.port}/${ins.protocol ?? "tcp"}`;
    case "healthcheck":
      return printHealthcheck(ins);
    case "entrypoint":
      return `ENTRYPOINT ${execForm(ins.exec, "ENTRYPOINT", true)}`;
    case "cmd":
      return `CMD ${execForm(ins.exec, "CMD", true)}`;
  }
}

/**
 * A value for ENV, LABEL or ARG, double-quoted. Inside double quotes the Dockerfile lexer
 * unescapes exactly `\"`, `\$` and `\\` and keeps every other backslash, so escaping those three
 * makes the value literal (no `$VAR` expansion). A newline cannot be written at all: `\` at the end
 * of a line is a continuation that the parser deletes together with the newline.
 */
export function quoteValue(value: string, what = "value"): string {
  checkText(value, what);
  if (/[\r\n]/.test(value)) {
    throw new DockerfileError(
      `${what} ${JSON.stringify(value)} contains a line break, which a Dockerfile cannot express outside exec-form JSON arrays`,
    );
  }
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/** An exec-form array. The Dockerfile parser decodes it with a JSON decoder, so JSON escaping is exact. */
export function execForm(argv: readonly string[], what: string, allowEmpty: boolean): string {
  if (!allowEmpty && argv.length === 0) throw new DockerfileError(`${what} needs a program to run`);
  argv.forEach((a, i) => checkText(a, `${what} argument ${i}`));
  return `[${argv.map((a) => JSON.stringify(a)).join(", ")}]`;
}

function printFrom(from: From, globalArgs: ReadonlySet<string>, earlierStages: ReadonlySet<string>): string {
  const parts = ["FROM"];
  if (from.platform !== undefined) {
    if (!/^[a-z0-9_]+\/[a-z0-9_]+(\/[a-z0-9_]+)?$/.test(from.platform)) {
      throw new DockerfileError(`FROM --platform ${JSON.stringify(from.platform)} is not os/arch[/variant]`);
    }
    parts.push(`--platform=${from.platform}`);
  }
  if (typeof from.image === "string") {
    if (!/^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/.test(from.image)) {
      throw new DockerfileError(`FROM image ${JSON.stringify(from.image)} is not an image reference`);
    }
    parts.push(from.image);
  } else {
    envName(from.image.arg, "FROM ARG");
    if (!globalArgs.has(from.image.arg)) {
      throw new DockerfileError(`FROM uses \${${from.image.arg}} but no ARG ${from.image.arg} is declared before the first FROM`);
    }
    parts.push(`\${${from.image.arg}}`);
  }
  if (from.as !== undefined) {
    stageName(from.as);
    if (earlierStages.has(from.as)) throw new DockerfileError(`stage ${from.as} is declared twice`);
    parts.push("AS", from.as);
  }
  return parts.join(" ");
}

function printArg(arg: Arg): string {
  envName(arg.name, "ARG");
  return arg.default === undefined ? `ARG ${arg.name}` : `ARG ${arg.name}=${quoteValue(arg.default, `ARG ${arg.name}`)}`;
}

function printCopy(copy: Copy, stageIndex: number, earlierStages: ReadonlySet<string>): string {
  if (copy.sources.length === 0) throw new DockerfileError("COPY needs at least one source");
  const parts = ["COPY"];
  if (copy.from !== undefined) {
    const isStage = earlierStages.has(copy.from);
    const isIndex = /^\d+$/.test(copy.from) && Number(copy.from) < stageIndex;
    const isImage = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/.test(copy.from) && /[/:]/.test(copy.from);
    if (!isStage && !isIndex && !isImage) {
      throw new DockerfileError(`COPY --from=${copy.from} names no earlier stage`);
    }
    parts.push(`--from=${copy.from}`);
  }
  if (copy.chown !== undefined) {
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/.test(copy.chown)) {
      throw new DockerfileError(`COPY --chown=${JSON.stringify(copy.chown)} is not user[:group]`);
    }
    parts.push(`--chown=${copy.chown}`);
  }
  const paths = [...copy.sources, copy.dest];
  paths.forEach((p) => pathWord(p, "COPY path"));
  // JSON form is needed for paths with spaces; COPY still expands $VAR there, which pathWord refuses.
  if (paths.some((p) => /\s/.test(p))) parts.push(`[${paths.map((p) => JSON.stringify(p)).join(", ")}]`);
  else parts.push(...paths);
  return parts.join(" ");
}

function printRunShell(steps: readonly string[]): string {
  if (steps.length === 0) throw new DockerfileError("RUN needs at least one shell step");
  steps.forEach((step, i) => {
    const what = `RUN shell step ${i}`;
    checkText(step, what);
    if (/[\r\n]/.test(step)) throw new DockerfileError(`${what} contains a line break; pass each command as its own step`);
    if (step.trim() === "") throw new DockerfileError(`${what} is empty`);
    if (step.trimStart().startsWith("#")) throw new DockerfileError(`${what} is a comment, which the Dockerfile parser would drop`);
    if (/\\\s*$/.test(step)) throw new DockerfileError(`${what} ends with a backslash, which would join it to the next line`);
  });
  const trimmed = steps.map((s) => s.trim());
  const oneLine = `RUN ${trimmed.join(" && ")}`;
  if (oneLine.length <= SHELL_LINE_WIDTH) return oneLine;
  // Continuation lines are joined verbatim (their indentation kept), so split only between steps,
  // where extra spaces are outside any quoting.
  return `RUN ${trimmed.join(" \\\n    && ")}`;
}

function printHealthcheck(hc: Healthcheck): string {
  if ("none" in hc) return "HEALTHCHECK NONE";
  const parts = ["HEALTHCHECK"];
  const seconds = (flag: string, v: number | undefined) => {
    if (v === undefined) return;
    if (!Number.isInteger(v) || v < 0) throw new DockerfileError(`HEALTHCHECK --${flag} must be a whole number of seconds`);
    parts.push(`--${flag}=${v}s`);
  };
  seconds("interval", hc.intervalSeconds);
  seconds("timeout", hc.timeoutSeconds);
  seconds("start-period", hc.startPeriodSeconds);
  if (hc.retries !== undefined) {
    if (!Number.isInteger(hc.retries) || hc.retries < 1) throw new DockerfileError("HEALTHCHECK --retries must be a positive integer");
    parts.push(`--retries=${hc.retries}`);
  }
  parts.push("CMD", execForm(hc.exec, "HEALTHCHECK CMD", false));
  return parts.join(" ");
}

function pairs(map: Readonly<Record<string, string>>, what: string, checkKey: (k: string, what: string) => void): string {
  const keys = Object.keys(map).sort();
  if (keys.length === 0) throw new DockerfileError(`${what} needs at least one pair`);
  return keys
    .map((k) => {
      checkKey(k, what);
      return `${k}=${quoteValue(map[k] as string, `${what} ${k}`)}`;
    })
    .join(" ");
}

function commentLines(text: string): string[] {
  checkText(text, "comment");
  return text.split(/\r\n|\r|\n/).map((l) => (l === "" ? "#" : `# ${l}`));
}

function envName(name: string, what: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new DockerfileError(`${what} name ${JSON.stringify(name)} is not an identifier`);
}

function labelKey(key: string, what: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(key)) throw new DockerfileError(`${what} key ${JSON.stringify(key)} has characters outside [A-Za-z0-9._/-]`);
}

function stageName(name: string): void {
  if (!/^[a-z][a-z0-9_.-]*$/.test(name)) throw new DockerfileError(`stage name ${JSON.stringify(name)} must match [a-z][a-z0-9_.-]*`);
}

/** WORKDIR: no whitespace, quotes, backslashes or `$` (it is expanded, and not a quoted word). */
function plainWord(value: string, what: string): string {
  checkText(value, what);
  if (/[\s"'\\$]/.test(value) || value === "") throw new DockerfileError(`${what} ${JSON.stringify(value)} needs quoting the Dockerfile cannot do here`);
  return value;
}

/** COPY paths: spaces are allowed (JSON form), but not quotes, backslashes, `$` or line breaks. */
function pathWord(value: string, what: string): void {
  checkText(value, what);
  if (/["'\\$\r\n]/.test(value) || value.trim() === "") throw new DockerfileError(`${what} ${JSON.stringify(value)} has characters COPY would reinterpret`);
}

function checkText(value: string, what: string): void {
  if (value.includes("\0")) throw new DockerfileError(`${what} contains a NUL character`);
  // With the u flag, a surrogate code unit only matches when it is unpaired.
  if (/[\uD800-\uDFFF]/u.test(value)) throw new DockerfileError(`${what} contains a lone UTF-16 surrogate`);
}
