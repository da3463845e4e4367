/**
 * The aws tier's availability: credentials that STS GetCallerIdentity accepts and a terraform binary
 * (DESIGN.md). Deploying a case there (terraform apply with a `noros_run` tag, probe, destroy) is
 * another issue's; until it lands, an available aws tier still skips its cases, saying so. The
 * deployer plugs in through `deployer`: a function from a case to a {@link Deployment}.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
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

type Sts = { STSClient: new (config: object) => { send(command: unknown): Promise<{ Account?: string; Arn?: string }>; destroy(): void }; GetCallerIdentityCommand: new (input: object) => unknown };

export interface AwsTierOptions {
  /** The deployer, once built; without it an available tier skips its cases with that reason. */
  readonly deployer?: (c: E2eCase, context: DeployContext) => Deployment;
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
        const sources = credentialSources(env, options.home);
        if (sources.length === 0) {
          return {
            ok: false,
            reason: "no AWS credentials in the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, AWS_WEB_IDENTITY_TOKEN_FILE, container credentials and ~/.aws are all absent)",
          };
        }
        let sts: Sts;
        try {
          // Loaded only when there are credentials to check.
          sts = (await import("@aws-sdk/client-sts")) as unknown as Sts;
        } catch {
          return { ok: false, reason: `credentials found (${sources.join(", ")}) but @aws-sdk/client-sts is not installed, so they cannot be checked` };
        }
        // STS is global; the region only picks the endpoint.
        const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1";
        const keys = env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
          ? { credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) } }
          : {};
        const client = new sts.STSClient({ region, ...keys, maxAttempts: 1 });
        let identity: { Account?: string; Arn?: string };
        try {
          identity = await Promise.race([
            client.send(new sts.GetCallerIdentityCommand({})),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer within 15 s")), 15_000).unref()),
          ]);
        } catch (error) {
          return { ok: false, reason: `STS GetCallerIdentity failed with the credentials from ${sources.join(", ")}: ${(error as Error).message}` };
        } finally {
          client.destroy();
        }
        if (spawnSync("terraform", ["version"], { stdio: "ignore" }).error !== undefined) {
          return { ok: false, reason: `credentials of ${identity.Arn ?? "?"} accepted, but terraform is not on PATH` };
        }
        if (!options.deployer) {
          return { ok: false, reason: `credentials of ${identity.Arn ?? "?"} accepted and terraform found, but this build has no aws deployer yet (it comes with the ECS target)` };
        }
        return { ok: true, detail: `account ${identity.Account ?? "?"} as ${identity.Arn ?? "?"}` };
      })());
    },
    deployment(c, context) {
      if (!options.deployer) throw new Error("internal: the aws tier has no deployer");
      return options.deployer(c, context);
    },
  };
}
