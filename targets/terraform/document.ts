/**
 * A Terraform JSON configuration under construction. Each block records the construct it came from,
 * so a problem found later (by the schema validator) can point at the author's source.
 */
export type Body = Record<string, unknown>;

export class TerraformDocument {
  private readonly resources = new Map<string, Map<string, Body>>();
  private readonly dataSources = new Map<string, Map<string, Body>>();
  private readonly outputs = new Map<string, Body>();
  private readonly variables = new Map<string, Body>();
  private readonly locals = new Map<string, unknown>();
  /**
   * "aws_s3_bucket.uploads", "data.aws_ami.nixos", "output.x", "var.x", "local.x" -> the construct
   * name it lowers ("system" for what the system itself generates).
   */
  readonly origins = new Map<string, string>();
  /** Provider requirements added by the constructs that use them, beyond the settings' own. */
  private readonly requiredProviders = new Map<string, Body>();
  /** Aliased provider configurations (a `postgresql` provider per database), by provider then alias. */
  private readonly aliasedProviders = new Map<string, Map<string, Body>>();

  constructor(
    private readonly settings: Body,
    private readonly providers: Record<string, Body>,
  ) {}

  /** Adds a pinned provider to `required_providers`: only systems that use a provider require it. */
  requireProvider(name: string, requirement: Body): void {
    this.requiredProviders.set(name, requirement);
  }

  /** An aliased provider configuration; resources select it with `provider: "<name>.<alias>"`. */
  providerAlias(name: string, alias: string, body: Body, origin: string): string {
    let byAlias = this.aliasedProviders.get(name);
    if (!byAlias) this.aliasedProviders.set(name, (byAlias = new Map()));
    if (byAlias.has(alias)) throw new Error(`internal: provider ${name}.${alias} declared twice`);
    byAlias.set(alias, { ...body, alias });
    this.origins.set(`provider.${name}.${alias}`, origin);
    return `${name}.${alias}`;
  }

  resource(type: string, name: string, body: Body, origin: string): string {
    this.add(this.resources, type, name, body, `${type}.${name}`, origin);
    return `${type}.${name}`;
  }

  /** Data sources are shared: declaring the same one twice with the same body is fine. */
  data(type: string, name: string, body: Body, origin: string): string {
    const existing = this.dataSources.get(type)?.get(name);
    if (existing && JSON.stringify(existing) === JSON.stringify(body)) return `data.${type}.${name}`;
    this.add(this.dataSources, type, name, body, `data.${type}.${name}`, origin);
    return `data.${type}.${name}`;
  }

  output(name: string, body: Body, origin: string): void {
    if (this.outputs.has(name)) throw new Error(`internal: output ${name} declared twice`);
    this.outputs.set(name, body);
    this.origins.set(`output.${name}`, origin);
  }

  /** Like data sources, a variable may be declared again with the same body (shared by constructs). */
  variable(name: string, body: Body, origin = "system"): void {
    const existing = this.variables.get(name);
    if (existing && JSON.stringify(existing) === JSON.stringify(body)) return;
    if (existing) throw new Error(`internal: variable ${name} declared twice`);
    this.variables.set(name, body);
    this.origins.set(`var.${name}`, origin);
  }

  local(name: string, value: unknown, origin: string): void {
    if (this.locals.has(name)) throw new Error(`internal: local ${name} declared twice`);
    this.locals.set(name, value);
    this.origins.set(`local.${name}`, origin);
  }

  /** Configures one more provider (kubernetes and helm for a cluster); each may be configured once. */
  provider(name: string, body: Body, origin: string): void {
    if (Object.hasOwn(this.providers, name)) throw new Error(`internal: provider ${name} configured twice`);
    this.providers[name] = body;
    this.origins.set(`provider.${name}`, origin);
  }

  /** Whether an address (as in `origins`) is declared already. */
  has(address: string): boolean {
    return this.origins.has(address);
  }

  hasOutput(name: string): boolean {
    return this.outputs.has(name);
  }

  private add(table: Map<string, Map<string, Body>>, type: string, name: string, body: Body, address: string, origin: string): void {
    let byName = table.get(type);
    if (!byName) table.set(type, (byName = new Map()));
    if (byName.has(name)) throw new Error(`internal: ${address} declared twice`);
    byName.set(name, body);
    this.origins.set(address, origin);
  }

  toJSON(): Body {
    const nest = (table: Map<string, Map<string, Body>>) =>
      Object.fromEntries([...table].map(([type, byName]) => [type, Object.fromEntries(byName)]));
    const required = { ...(this.settings.required_providers as Body | undefined), ...Object.fromEntries(this.requiredProviders) };
    const settings = this.requiredProviders.size > 0 ? { ...this.settings, required_providers: required } : this.settings;
    const providers: Body = { ...this.providers };
    for (const [name, byAlias] of this.aliasedProviders) providers[name] = [...byAlias.values()];
    const doc: Body = { terraform: settings, provider: providers };
    if (this.variables.size > 0) doc.variable = Object.fromEntries(this.variables);
    if (this.locals.size > 0) doc.locals = Object.fromEntries(this.locals);
    if (this.dataSources.size > 0) doc.data = nest(this.dataSources);
    if (this.resources.size > 0) doc.resource = nest(this.resources);
    if (this.outputs.size > 0) doc.output = Object.fromEntries(this.outputs);
    return doc;
  }
}
