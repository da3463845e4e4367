/**
 * The aws tier's availability: credentials that STS GetCallerIdentity accepts and a terraform binary
 * >= 1.10 (DESIGN.md). A case deploys through `deployer` (default: {@link TerraformDeployment}, which
 * applies the compiled Terraform with a `noros:run` tag, and always destroys it).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { TerraformDeployment } from "./terraform-deployment.js";
import type { Availability, DeployContext, Deployment, E2eCase, Tier } from "./types.js";

/** Where the AWS SDKs find credentials, in the order they look. */
export function credentialSources(env: NodeJS.ProcessEnv = process.env, home = homedir()): string[] {
  const found: string[] = [];
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) found.push("AWS_ACCESS_KEY_ID");
  if (env.AWS_PROFILE) found.push(`AWS_PROFILE=${env.AWS_PROFILE}`);
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) found.push("AWS_WEB_IDENTITY_TOKEN_FILE");
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) found.push("container credentials");
  const files = [env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, ".aws", "credentials"), env.AWS_CONFIG_FILE ?? path.join(home, ".aws", "config")];
  for (const f of files) if (existsSync(f)) found.push(f);
  return found;
}

const MIN_TERRAFORM = [1, 10] as const;

/** Expired credentials get their own words: they are the usual reason on a laptop. */
function stsFailure(error: unknown, sources: readonly string[]): string {
  const e = error as { name?: string; message?: string };
  if (/Expired/i.test(`${e.name ?? ""} ${e.message ?? ""}`)) return `the AWS credentials from ${sources.join(", ")} have expired (${e.message ?? e.name}); refresh them (aws sso login, new session token)`;
  return `STS GetCallerIdentity failed with the credentials from ${sources.join(", ")}: ${e.message ?? String(error)}`;
}

type Sts = { STSClient: new (config: object) => { send(command: unknown): Promise<{ Account?: string; Arn?: string }>; destroy(): void }; GetCallerIdentityCommand: new (input: object) => unknown };

export interface AwsTierOptions {
  /** How a case is deployed (tests pass fakes); default {@link TerraformDeployment}. */
  readonly deployer?: (c: E2eCase, context: DeployContext) => Deployment;
  /** Replaces STS GetCallerIdentity (tests). */
  readonly callerIdentity?: () => Promise<{ Account?: string; Arn?: string }>;
  /** The only account deployed into (--account); default NOROS_E2E_ACCOUNT. */
  readonly account?: string;
  /** The terraform executable; default `terraform` on PATH. */
  readonly terraform?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Where ~/.aws is looked for. */
  readonly home?: string;
}

export function awsTier(options: AwsTierOptions = {}): Tier {
  let availability: Promise<Availability> | undefined;
  const env = options.env ?? process.env;
  return {
    name: "aws",
    available() {
      return (availability ??= (async (): Promise<Availability> => {
        const sources = options.callerIdentity ? ["injected identity"] : credentialSources(env, options.home);
        if (sources.length === 0) {
          return {
            ok: false,
            reason: "no AWS credentials in the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, AWS_WEB_IDENTITY_TOKEN_FILE, container credentials and ~/.aws are all absent)",
          };
        }
        const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1";
        let identity: { Account?: string; Arn?: string };
        if (options.callerIdentity) {
          try {
            identity = await options.callerIdentity();
          } catch (error) {
            return { ok: false, reason: stsFailure(error, sources) };
          }
        } else {
        let sts: Sts;
        try {
          // Loaded only when there are credentials to check.
          sts = (await import("@aws-sdk/client-sts")) as unknown as Sts;
        } catch {
          return { ok: false, reason: `credentials found (${sources.join(", ")}) but @aws-sdk/client-sts is not installed, so they cannot be checked` };
        }
        // STS is global; the region only picks the endpoint.
        const keys = env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
          ? { credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) } }
          : {};
        const client = new sts.STSClient({ region, ...keys, maxAttempts: 1 });
        try {
          identity = await Promise.race([
            client.send(new sts.GetCallerIdentityCommand({})),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer within 15 s")), 15_000).unref()),
          ]);
        } catch (error) {
          return { ok: false, reason: stsFailure(error, sources) };
        } finally {
          client.destroy();
        }
        }
        const expected = options.account ?? env.NOROS_E2E_ACCOUNT;
        if (expected === undefined || expected === "") {
          return { ok: false, reason: `refusing to deploy into account ${identity.Account ?? "?"} (${region}): set NOROS_E2E_ACCOUNT=${identity.Account ?? "<id>"} or pass --account to confirm it is the test account` };
        }
        if (expected !== identity.Account) {
          return { ok: false, reason: `refusing to deploy: the credentials are for account ${identity.Account ?? "?"}, but the test account is ${expected} (${options.account ? "--account" : "NOROS_E2E_ACCOUNT"})` };
        }
        const tf = spawnSync(options.terraform ?? "terraform", ["version"], { encoding: "utf8" });
        if (tf.error !== undefined) {
          return { ok: false, reason: `credentials of ${identity.Arn ?? "?"} accepted, but terraform is not on PATH (install terraform >= ${MIN_TERRAFORM.join(".")})` };
        }
        const version = /Terraform v(\d+)\.(\d+)\.(\d+)/.exec(tf.stdout ?? "");
        if (!version || Number(version[1]) * 1000 + Number(version[2]) < MIN_TERRAFORM[0] * 1000 + MIN_TERRAFORM[1]) {
          return { ok: false, reason: `terraform is too old: ${version ? version[0] : "no version in `terraform version`"}, need >= ${MIN_TERRAFORM.join(".")}` };
        }
        return { ok: true, detail: `account ${identity.Account ?? "?"} in ${region} as ${identity.Arn ?? "?"}, ${version[0]}` };
      })());
    },
    deployment(c, context) {
      return options.deployer ? options.deployer(c, context) : new TerraformDeployment(c, context, options.terraform ? { terraform: options.terraform } : {});
    },
  };
}
