/**
 * The Nix we generate, as data. Callers build documents with the `nix` constructors; only the printer
 * (print.ts) turns them into text, so escaping, quoting and parenthesization live in one place and a
 * caller never writes Nix syntax.
 */

/** Literal text, or an expression interpolated as `${...}`. */
export type NixStringPart = string | NixExpr;

export type NixExpr =
  /** Printed as `"..."`. */
  | { readonly kind: "string"; readonly parts: readonly NixStringPart[] }
  /** Scripts and config files: printed as an indented `''...''` string when that is exact, else as `"..."`. */
  | { readonly kind: "multiline"; readonly parts: readonly NixStringPart[] }
  /** `./a.nix`, `/etc/x`, `~/x` or `<nixpkgs>`, written exactly as Nix spells it. */
  | { readonly kind: "path"; readonly path: string }
  /** A 64-bit signed integer, as Nix has. */
  | { readonly kind: "int"; readonly value: bigint }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "null" }
  | { readonly kind: "var"; readonly name: string }
  /** `expr.a.b`, or `expr.a.b or fallback`. */
  | { readonly kind: "select"; readonly expr: NixExpr; readonly path: readonly string[]; readonly or?: NixExpr }
  | { readonly kind: "attrs"; readonly bindings: readonly NixBinding[]; readonly rec: boolean }
  | { readonly kind: "list"; readonly items: readonly NixExpr[] }
  /** `x: body`. */
  | { readonly kind: "lambda"; readonly param: string; readonly body: NixExpr }
  /** `{ a, b ? default, ... }: body`. */
  | { readonly kind: "function"; readonly params: readonly NixParam[]; readonly ellipsis: boolean; readonly body: NixExpr }
  | { readonly kind: "apply"; readonly fn: NixExpr; readonly arg: NixExpr }
  | { readonly kind: "let"; readonly bindings: readonly NixBinding[]; readonly body: NixExpr }
  | { readonly kind: "with"; readonly scope: NixExpr; readonly body: NixExpr }
  /** `# text` on the line(s) before the expression; before the attribute when it is an attribute's value. */
  | { readonly kind: "comment"; readonly text: string; readonly expr: NixExpr };

/** What an attribute set or a `let` holds. */
export type NixBinding =
  /** `a.b.c = value;`: the path is a list of names, each quoted when it is not an identifier. */
  | { readonly kind: "attr"; readonly path: readonly string[]; readonly value: NixExpr }
  /** `inherit a b;` or `inherit (from) a b;`. */
  | { readonly kind: "inherit"; readonly names: readonly string[]; readonly from?: NixExpr };

export interface NixParam {
  readonly name: string;
  readonly default?: NixExpr;
}

/** Plain JSON-like data that `nix.value` turns into Nix; integers may also be bigints. */
export type NixData = string | number | bigint | boolean | null | readonly NixData[] | { readonly [name: string]: NixData };

const attrsOf = (bindings: readonly NixBinding[], rec: boolean): NixExpr => ({ kind: "attrs", bindings, rec });
const bindingsOf = (record: Readonly<Record<string, NixExpr>>): NixBinding[] =>
  Object.entries(record).map(([key, value]) => ({ kind: "attr", path: key.split("."), value }));

function int(value: number | bigint): NixExpr {
  if (typeof value === "number" && !Number.isInteger(value)) throw new Error(`nix.int: ${value} is not an integer`);
  return { kind: "int", value: BigInt(value) };
}

function apply(fn: NixExpr, ...args: readonly NixExpr[]): NixExpr {
  return args.reduce<NixExpr>((applied, arg) => ({ kind: "apply", fn: applied, arg }), fn);
}

function select(expr: NixExpr, path: string | readonly string[], or?: NixExpr): NixExpr {
  const names = typeof path === "string" ? path.split(".") : path;
  // `a.b` selected further is `a.b.c`, one selection, as a reader would write it.
  const flattened = expr.kind === "select" && expr.or === undefined ? { expr: expr.expr, path: [...expr.path, ...names] } : { expr, path: names };
  return or === undefined ? { kind: "select", ...flattened } : { kind: "select", ...flattened, or };
}

function value(data: NixData): NixExpr {
  if (data === null) return { kind: "null" };
  if (typeof data === "string") return nix.str(data);
  if (typeof data === "boolean") return { kind: "bool", value: data };
  if (typeof data === "bigint") return int(data);
  if (typeof data === "number") return nix.num(data);
  if (isDataList(data)) return { kind: "list", items: data.map(value) };
  // Keys of data are names, not paths: "a.b" stays one attribute.
  return attrsOf(Object.entries(data).map(([name, item]) => ({ kind: "attr", path: [name], value: value(item) })), false);
}

// Array.isArray does not narrow a readonly array out of a union.
function isDataList(data: NixData): data is readonly NixData[] {
  return Array.isArray(data);
}

export const nix = {
  str: (text: string): NixExpr => ({ kind: "string", parts: [text] }),
  /** A string with interpolations: nix.interpolated([nix.ref("pkgs.hello"), "/bin/hello"]). */
  interpolated: (parts: readonly NixStringPart[]): NixExpr => ({ kind: "string", parts }),
  /** Text such as a script or a config file, optionally with interpolations. */
  multiline: (text: string | readonly NixStringPart[]): NixExpr => ({ kind: "multiline", parts: typeof text === "string" ? [text] : text }),
  /** A path literal: nix.path("./hardware-configuration.nix"), nix.path("<nixpkgs>"). */
  path: (path: string): NixExpr => ({ kind: "path", path }),
  int,
  float: (value: number): NixExpr => ({ kind: "float", value }),
  /** An int when the number is an integer, else a float. */
  num: (value: number): NixExpr => (Number.isInteger(value) ? int(value) : { kind: "float", value }),
  bool: (value: boolean): NixExpr => ({ kind: "bool", value }),
  null: (): NixExpr => ({ kind: "null" }),
  var: (name: string): NixExpr => ({ kind: "var", name }),
  /** A variable or a selection from one: nix.ref("pkgs.awscli2"). */
  ref: (path: string): NixExpr => {
    const [name = "", ...rest] = path.split(".");
    return rest.length === 0 ? { kind: "var", name } : select({ kind: "var", name }, rest);
  },
  /** `expr.a.b`, with an optional `or` fallback; the path is dotted or a list of names. */
  select,
  list: (items: readonly NixExpr[]): NixExpr => ({ kind: "list", items }),
  /** An attribute set; keys are attribute paths written with dots ("services.nginx.enable"). */
  attrs: (record: Readonly<Record<string, NixExpr>>): NixExpr => attrsOf(bindingsOf(record), false),
  /** A `rec { ... }` set; keys as in `attrs`. */
  rec: (record: Readonly<Record<string, NixExpr>>): NixExpr => attrsOf(bindingsOf(record), true),
  /** An attribute set whose names may contain dots: each entry's path is given as a list. */
  attrsFromPaths: (entries: ReadonlyArray<readonly [readonly string[], NixExpr]>): NixExpr =>
    attrsOf(entries.map(([path, value]) => ({ kind: "attr", path, value })), false),
  /** An attribute set from bindings, for `inherit` or explicit paths: nix.set([nix.inherit(["pkgs"]), nix.attr(["a.b"], x)]). */
  set: (bindings: readonly NixBinding[], options: { readonly rec?: boolean } = {}): NixExpr => attrsOf(bindings, options.rec ?? false),
  /** One `path = value;` binding; a string path is split at dots, a list is taken name by name. */
  attr: (path: string | readonly string[], value: NixExpr): NixBinding => ({ kind: "attr", path: typeof path === "string" ? path.split(".") : path, value }),
  inherit: (names: readonly string[], from?: NixExpr): NixBinding => (from === undefined ? { kind: "inherit", names } : { kind: "inherit", names, from }),
  /** `f a b`. */
  apply,
  /** `import ./path`. */
  import: (path: string | NixExpr): NixExpr => apply({ kind: "var", name: "import" }, typeof path === "string" ? { kind: "path", path } : path),
  /** A module-style function `{ a, b ? default, ... }: body`; `ellipsis: false` drops the `...`. */
  fn: (params: ReadonlyArray<string | NixParam>, body: NixExpr, options: { readonly ellipsis?: boolean } = {}): NixExpr => ({
    kind: "function",
    params: params.map((p) => (typeof p === "string" ? { name: p } : p)),
    ellipsis: options.ellipsis ?? true,
    body,
  }),
  /** `x: body`. */
  lambda: (param: string, body: NixExpr): NixExpr => ({ kind: "lambda", param, body }),
  /** `let ... in body`; bindings as a record of dotted paths, or a list (for `inherit`). */
  let: (bindings: Readonly<Record<string, NixExpr>> | readonly NixBinding[], body: NixExpr): NixExpr => ({
    kind: "let",
    bindings: isBindingList(bindings) ? bindings : bindingsOf(bindings),
    body,
  }),
  with: (scope: NixExpr, body: NixExpr): NixExpr => ({ kind: "with", scope, body }),
  comment: (text: string, expr: NixExpr): NixExpr => ({ kind: "comment", text, expr }),
  /** JSON-like data as Nix: objects become sets (keys are names, never paths), arrays lists. */
  value,
};

function isBindingList(bindings: Readonly<Record<string, NixExpr>> | readonly NixBinding[]): bindings is readonly NixBinding[] {
  return Array.isArray(bindings);
}
