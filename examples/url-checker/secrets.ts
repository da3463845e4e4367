import { secret } from "noros";
import { secretsKey } from "./secrets-key.ts";

/**
 * The bearer token GET /results asks for: generated into Secrets Manager, handed to the container by
 * ECS as RESULTS_TOKEN (the execution role may read this one secret and decrypt it with its key in
 * secrets-key.ts), never written anywhere else.
 * Operators read it with `aws secretsmanager get-secret-value --secret-id <results-token_arn output>`.
 */
export const resultsToken = secret("results-token", {
  description: "bearer token for GET /results of the url-checker",
  generate: { length: 32 },
  kmsKey: secretsKey,
  // A week's grace to undo a destroy, short enough that test deployments do not pile up.
  recoveryWindowDays: 7,
});
