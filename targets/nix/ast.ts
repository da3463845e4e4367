/**
 * The Nix we generate, as data. Callers build documents with the `nix` constructors; only the printer
 * (print.ts) turns them into text, so escaping lives in one place.
 */
export type NixExpr =
  | { readonly kind: "string"; readonly parts: ReadonlyArray<string | NixExpr> }
  | { readonly kind: "multiline"; readonly text: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "null" }
  | { readonly kind: "ref"; readonly path: readonly string[] }
  | { readonly kind: "list"; readonly items: readonly NixExpr[] }
  | { readonly kind: "attrs"; readonly entries: ReadonlyArray<readonly [readonly string[], NixExpr]>; readonly rec: boolean }
  | { readonly kind: "apply"; readonly fn: NixExpr; readonly arg: NixExpr }
  | { readonly kind: "function"; readonly params: readonly string[]; readonly body: NixExpr }
  | { readonly kind: "let"; readonly bindings: ReadonlyArray<readonly [string, NixExpr]>; readonly body: NixExpr }
  | { readonly kind: "comment"; readonly text: string; readonly expr: NixExpr };

export const nix = {
  str: (text: string): NixExpr => ({ kind: "string", parts: [text] }),
  /** A string with interpolations: nix.interpolated([nix.ref("modulesPath"), "/virtualisation/amazon-image.nix"]). */
  interpolated: (parts: ReadonlyArray<string | NixExpr>): NixExpr => ({ kind: "string", parts }),
  /** Text such as a script or a config file; printed as an indented ''...'' string when that is exact. */
  multiline: (text: string): NixExpr => ({ kind: "multiline", text }),
  num: (value: number): NixExpr => ({ kind: "number", value }),
  bool: (value: boolean): NixExpr => ({ kind: "bool", value }),
  null: (): NixExpr => ({ kind: "null" }),
  /** A variable or a selection from one: nix.ref("pkgs.awscli2"). */
  ref: (path: string): NixExpr => ({ kind: "ref", path: path.split(".") }),
  list: (items: readonly NixExpr[]): NixExpr => ({ kind: "list", items }),
  /** An attribute set; keys are attribute paths written with dots ("services.nginx.enable"). */
  attrs: (record: Readonly<Record<string, NixExpr>>): NixExpr => ({
    kind: "attrs",
    entries: Object.entries(record).map(([key, value]) => [key.split("."), value] as const),
    rec: false,
  }),
  /** An attribute set whose names may contain dots: each entry's path is given as a list. */
  attrsFromPaths: (entries: ReadonlyArray<readonly [readonly string[], NixExpr]>): NixExpr => ({ kind: "attrs", entries, rec: false }),
  apply: (fn: NixExpr, arg: NixExpr): NixExpr => ({ kind: "apply", fn, arg }),
  /** A module-style function: `{ a, b, ... }: body`. */
  fn: (params: readonly string[], body: NixExpr): NixExpr => ({ kind: "function", params, body }),
  let: (bindings: Readonly<Record<string, NixExpr>>, body: NixExpr): NixExpr => ({ kind: "let", bindings: Object.entries(bindings), body }),
  comment: (text: string, expr: NixExpr): NixExpr => ({ kind: "comment", text, expr }),
};
