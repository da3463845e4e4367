import { construct, type Construct, type Ref } from "./core.js";
import type { ServiceInput } from "./schemas/service.js";

/** The references a service exposes: the ECR repository its images are pushed to. */
export const serviceAttributes = { repositoryUrl: "url" } as const;

export type Service = Construct<"service", ServiceInput> & {
  readonly repositoryUrl: Ref<"url">;
};

/**
 * A containerised app built from its source directory: a Dockerfile with a pinned Debian base, the
 * runtime from Debian packages, a test stage when `test` is given, a non-root user and a health
 * check (optionally a Nix dockerTools image too). The app listens on $HOST:$PORT and answers
 * `healthCheck.path`.
 */
export function service(name: string, props: ServiceInput): Service {
  return construct("service", name, props, serviceAttributes);
}
