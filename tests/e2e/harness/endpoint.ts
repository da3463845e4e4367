/** A case's endpoint: a service of the system, a Terraform output, or a plain URL; each with a path. */
export type Endpoint =
  | { readonly kind: "service"; readonly service: string; readonly path: string }
  | { readonly kind: "output"; readonly output: string; readonly path: string }
  | { readonly kind: "url"; readonly url: string };

export function parseEndpoint(text: string): Endpoint {
  const named = /^(service|output):([a-z][a-z0-9_-]*)(\/.*)?$/.exec(text);
  if (named) {
    const [, kind, name, path] = named as unknown as [string, "service" | "output", string, string | undefined];
    return kind === "service" ? { kind, service: name, path: path ?? "/" } : { kind, output: name, path: path ?? "" };
  }
  if (/^https?:\/\//.test(text)) {
    new URL(text); // throws on a malformed URL
    return { kind: "url", url: text };
  }
  throw new Error(`endpoint "${text}" is not service:<name>/<path>, output:<name>/<path> or an http(s) URL`);
}
