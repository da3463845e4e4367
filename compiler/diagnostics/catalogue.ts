import { validationCodes } from "../../dsl/schemas/codes.js";

/** The long explanation of a diagnostic code, for `noros explain` and docs/diagnostics.md. */
export interface Explanation {
  readonly title: string;
  readonly explanation?: string;
  readonly example?: string;
  readonly fix?: string;
}

const compilerCodes: Record<string, Explanation> = {
  NOROS1001: { title: "No system file was found in the directory.", fix: "Pass the file (`noros compile path/to/x.noros.ts`) or run `noros init`." },
  NOROS1002: {
    title: "Several system files are in the directory, so noros cannot guess which one to use.",
    explanation: "Each directory holds one system; noros refuses to pick one for you.",
    fix: "Name the file: `noros compile shop.noros.ts`.",
  },
  NOROS1003: { title: "The system file given does not exist." },
  NOROS1004: { title: "The file is not valid TypeScript (a syntax error).", fix: "Correct the syntax at the position shown." },
  NOROS1005: {
    title: "The file does not type-check.",
    explanation: "System files are checked with `strict` TypeScript against the DSL's types, which are inferred from the same zod schemas the compiler validates with.",
    example: 'bucket("site", { versioning: "yes" }) // versioning is a boolean',
  },
  NOROS1009: {
    title: "Evaluating the system did not finish within the time limit.",
    explanation: "A system is a pure expression; evaluation runs with a 5-second limit so that an endless loop is an error, not a hang.",
    fix: "Look for a loop or recursion that never ends.",
  },
  NOROS1010: { title: "Evaluating the system threw an exception.", fix: "The message and position are those of the exception." },
  NOROS1011: {
    title: "The file's default export is not a system.",
    example: 'export default system("shop", { region: "eu-central-1", resources: [site] });',
  },
  NOROS1012: {
    title: "A value in the system is not plain data.",
    explanation: "Systems hold plain objects, arrays, strings, numbers, booleans and noros values: no functions (except inside lazy()), getters, class instances, Maps, undefined in lists, NaN or Infinity.",
  },
  NOROS1101: {
    title: "An import that a system file may not use.",
    explanation: 'A system file may import only "noros" and other .ts files beside it (relative paths), so that it means the same on every machine.',
    example: 'import fs from "fs"; // not allowed',
    fix: "Put the data in the file, or in another .ts file imported by a relative path.",
  },
  NOROS1102: {
    title: "An impure global or method.",
    explanation: "process, require, fs, fetch, Date, Math.random, eval, Function, timers, Proxy, Reflect, Intl and locale-dependent methods make a system depend on the machine, the clock or chance. They are rejected before anything runs, and are also unavailable at run time.",
    example: "const stamp = Date.now(); // differs on every compile",
  },
  NOROS1103: { title: "Dynamic import() in a system file.", fix: "Import statically at the top of the file." },
  NOROS1104: { title: "A name starting with __noros, which the compiler reserves." },
  NOROS1201: {
    title: "The output directory exists and was not written by noros.",
    explanation: "compile replaces its output directory whole; it refuses to replace one that has no manifest.json, so it never deletes your files.",
  },
  NOROS1202: { title: "noros init would overwrite existing files.", fix: "Run it in an empty or new directory." },
  NOROS3001: { title: "Two constructs have the same name.", explanation: "Names become Terraform addresses and physical names; they must be unique within a system." },
  NOROS3002: {
    title: "A construct is referred to but is not part of the system.",
    fix: "Add it to `resources`, or refer to it from a construct that is.",
  },
  NOROS3003: { title: "A reference names an attribute the construct does not have." },
  NOROS3004: {
    title: "A dependency cycle.",
    explanation: "Each construct in the cycle needs another one of it to exist first, so none can be created.",
    example: "two hosts each given the other's privateIp in environment",
    fix: "Remove one of the references, or pass the value another way (a DNS name, a parameter).",
  },
  NOROS3005: { title: "A host asks for a kind of subnet its network does not have." },
  NOROS3006: { title: "A bucket is restricted to a network without an S3 endpoint.", fix: "Set s3Endpoint: true on the network." },
  NOROS3007: { title: "A service is given access to something but does not run in the cloud.", fix: "Give the service run: { on: \"ecs\", network }: its ECS task role holds the permission." },
  NOROS3030: {
    title: "A service's secret is not a reference to a secret.",
    explanation: "Secrets reach a service only by reference to a secret construct, so that no secret value is ever part of an image, a Terraform variable or a log.",
    example: 'service("web", { ..., secrets: { DB_PASSWORD: db.endpoint } }) // an endpoint is not a secret',
  },
  NOROS3031: {
    title: "A service's source directory cannot be used.",
    explanation: "The directory (relative to the file declaring the service) must exist, hold at least one file, and contain no symbolic links or special files: it is copied into the build context as it is.",
  },
  NOROS3032: {
    title: "A service's source directory is too large for a build context.",
    explanation: "At most 5000 files and 100 MiB are copied (node_modules, .git, virtual environments, caches and logs are never copied).",
    fix: "Keep dependencies and build output out of the source: the image installs its own.",
  },
  NOROS3033: {
    title: "A service's source lacks the file its runtime starts or serves.",
    explanation: "Without a command, the node runtime starts server.js and the python runtime app.py; the static runtime must have a file for the health check path.",
    fix: "Add the file, or give `command`.",
  },
  NOROS3034: {
    title: "A node service's package.json cannot be installed reproducibly.",
    explanation: "Dependencies are installed with `npm ci`, which needs package-lock.json beside a valid package.json.",
    fix: "Run npm install and keep package-lock.json.",
  },
  NOROS4001: {
    title: "The generated Terraform does not match the provider schema.",
    explanation: "Every generated main.tf.json is validated offline against the real provider schemas in schemas/providers/. A problem here is a noros bug or comes from an escape hatch.",
    fix: "In a raw.terraform block, correct the argument or block named in the message (the position is the raw block's); otherwise report the bug.",
  },
  NOROS4002: {
    title: "A raw.terraform block has the address of a block noros generates (or of another escape hatch's block).",
    explanation: "Escape hatches add to the generated Terraform; they never replace it, because a silent override would undo secure defaults without anyone seeing it.",
    example: 'raw.terraform("x", { reason: "...", resource: { aws_s3_bucket: { site: { bucket: "y" } } } }) // aws_s3_bucket.site is the bucket "site"',
    fix: "Give the raw block another name, or change the construct's properties (or waive its default) instead of overriding its resource.",
  },
  NOROS5010: {
    title: "Evaluating the system needed more memory than the evaluator's limit (512 MB).",
    explanation: "System files run in a separate evaluator process with a heap limit, so that a runaway allocation (a huge array, a string built in a loop) stops that process with this diagnostic instead of the compiler or the machine.",
    example: "const rows = []; for (let i = 0; i < 50; i++) rows.push(new Array(10_000_000).fill(i));",
    fix: "A system is a description, not a computation: build the values you need, not large tables.",
  },
  NOROS5011: {
    title: "The evaluator process stopped abnormally.",
    explanation: "The separate process that evaluates system files ended without an answer (killed by a signal or a fatal error) for a reason other than the time or memory limit.",
    fix: "Run again with NOROS_DEBUG=1 and report the message if it persists.",
  },
  NOROS5001: {
    title: "A security-policy rule is violated.",
    explanation:
      "Every generated Terraform block, escape hatches included, is checked against the rules in docs/policy.md, each following an AWS Security Hub or CIS control. The message names the rule, the construct and the block; the position is the construct's (for raw.terraform, the offending block's). Nothing is written while a violation stands.",
    example: 'raw.terraform("legacy", { reason: "...", resource: { aws_ebs_volume: { data: { availability_zone: "eu-central-1a", size: 10 } } } }) // NOROS-EBS-001: not encrypted',
    fix: 'Change the construct so that it complies; if the weaker setting is intended, waive the rule for that construct with a reason: waive(construct, "NOROS-EBS-001", "why").',
  },
  NOROS5002: {
    title: "A waiver names a rule that does not exist.",
    example: 'waive(site, "NOROS-S3-01", "...") // the id is NOROS-S3-001',
    fix: "Use an id from docs/policy.md (or `noros check`'s message).",
  },
  NOROS5003: {
    title: "A waiver gives no reason.",
    explanation: "A waiver weakens a secure default; its reason is what a reviewer reads in `noros check`, so it may not be empty.",
    example: 'waive(site, "NOROS-S3-001", "")',
  },
  NOROS5004: {
    title: "A waiver waives nothing (a warning).",
    explanation: "No block of the construct violates the rule, so the waiver has no effect today, but would silently hide a later violation.",
    fix: "Remove the waiver.",
  },
};

export const catalogue: Readonly<Record<string, Explanation>> = {
  ...compilerCodes,
  ...Object.fromEntries(Object.entries(validationCodes).map(([code, title]) => [code, { title }])),
};

export function explain(code: string): string | undefined {
  const entry = catalogue[code.toUpperCase()];
  if (!entry) return undefined;
  return [
    `${code.toUpperCase()}: ${entry.title}`,
    ...(entry.explanation ? ["", entry.explanation] : []),
    ...(entry.example ? ["", "Example:", `  ${entry.example}`] : []),
    ...(entry.fix ? ["", `Fix: ${entry.fix}`] : []),
    "",
  ].join("\n");
}
