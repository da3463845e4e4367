/**
 * The HCL document the printer prints: bodies of attributes and blocks, and expressions that are
 * either already-rendered single-line source (a literal, a bare expression, a quoted template) or
 * structures the printer lays out (tuples, objects, heredocs).
 */
export type Expr =
  | { readonly kind: "source"; readonly text: string }
  /** `quoted` is the same string as a quoted template, for places where a heredoc cannot end its line. */
  | { readonly kind: "heredoc"; readonly marker: string; readonly lines: readonly string[]; readonly quoted: string }
  | { readonly kind: "tuple"; readonly items: readonly Expr[] }
  | { readonly kind: "object"; readonly entries: ReadonlyArray<{ readonly key: string; readonly value: Expr }> };

export type Item =
  | { readonly kind: "attribute"; readonly name: string; readonly value: Expr }
  | { readonly kind: "block"; readonly type: string; readonly labels: readonly string[]; readonly body: readonly Item[] }
  | { readonly kind: "blank" }
  | { readonly kind: "comment"; readonly text: string };

export const source = (text: string): Expr => ({ kind: "source", text });
export const attribute = (name: string, value: Expr): Item => ({ kind: "attribute", name, value });
export const block = (type: string, labels: readonly string[], body: readonly Item[]): Item => ({ kind: "block", type, labels, body });
export const blank: Item = { kind: "blank" };
