import { construct, type Construct, type Ref } from "./core.js";
import type { HttpApiInput } from "./schemas/http-api.js";

/** The references an HTTP API exposes: the URL its default stage answers on. */
export const httpApiAttributes = { url: "url" } as const;

export type HttpApi = Construct<"http-api", HttpApiInput> & { readonly url: Ref<"url"> };

/**
 * An API Gateway HTTP API whose routes invoke functions ({ "GET /start": start }), with a throttled
 * default stage that writes an access log to its own log group; its URL is the output `<name>_url`.
 */
export function httpApi(name: string, props: HttpApiInput): HttpApi {
  return construct("http-api", name, props, httpApiAttributes);
}
