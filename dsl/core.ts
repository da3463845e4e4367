/**
 * The value tree every constructor returns. Constructors run inside the compiler's sandbox, so this file
 * (and every other runtime file of dsl/ except schemas/) must import nothing at runtime: validation
 * happens afterwards, in the compiler, against the zod schemas in dsl/schemas/.
 */

/** A construct: one thing the author declares (a bucket, a host, ...), identified by kind and name. */
export interface Construct<K extends string = string, P = unknown> {
  readonly $noros: "construct";
  readonly kind: K;
  readonly name: string;
  readonly props: P;
}

/**
 * A typed reference to an attribute of a construct that only exists once deployed (an ARN, an IP).
 * `T` is phantom: it keeps an IP from being passed where an ARN is expected.
 */
export interface Ref<T extends string = string> {
  readonly $noros: "ref";
  readonly kind: string;
  readonly name: string;
  readonly attribute: string;
  readonly valueType?: T;
}

/** Text built from literal parts and references, written with the `text` tag: text`http://${web.privateIp}/`. */
export interface Text {
  readonly $noros: "text";
  readonly parts: ReadonlyArray<string | Ref>;
}

/** A value computed after the whole file has been evaluated: how a construct refers to one declared later. */
export interface Lazy<T> {
  readonly $noros: "lazy";
  readonly get: () => T;
}

/** Either the thing itself or a deferred reference to it. */
export type Deferrable<T> = T | Lazy<T>;

/** A string the author writes, or a value known only after deployment. */
export type Value = string | Ref | Text;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      // Through the descriptor, so that a getter is never run here: the compiler reports it as a getter.
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      // Constructs are frozen by their own constructor; lazies must stay callable, which freezing allows.
      if (descriptor && "value" in descriptor) deepFreeze(descriptor.value);
    }
  }
  return value;
}

/** Creates a construct and the typed references it exposes. Used by every constructor in dsl/. */
export function construct<K extends string, P, const A extends Record<string, string>>(
  kind: K,
  name: string,
  props: P,
  attributes: A,
): Construct<K, P> & { readonly [N in keyof A]: Ref<A[N]> } {
  const refs: Record<string, Ref> = {};
  for (const attribute of Object.keys(attributes)) {
    refs[attribute] = Object.freeze({ $noros: "ref", kind, name, attribute });
  }
  return deepFreeze({ ...refs, $noros: "construct", kind, name, props }) as never;
}

/** Defers a reference until the whole file is evaluated, so a construct can refer to one declared after it. */
export function lazy<T>(get: () => T): Lazy<T> {
  return Object.freeze({ $noros: "lazy", get });
}

/** Builds text from literal parts and references: text`https://${lb.dnsName}/health`. */
export function text(strings: TemplateStringsArray, ...values: ReadonlyArray<string | Ref>): Text {
  const parts: Array<string | Ref> = [];
  strings.forEach((literal, index) => {
    if (literal !== "") parts.push(literal);
    if (index < values.length) parts.push(values[index] as string | Ref);
  });
  return Object.freeze({ $noros: "text", parts: Object.freeze(parts) });
}
