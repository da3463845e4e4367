import ipaddr from "ipaddr.js";
import { z } from "zod";
import type { Construct, Deferrable, Ref, Text } from "../core.js";
import type { ValidationCode } from "./codes.js";

/** Adds an issue that carries a noros diagnostic code, so the compiler reports it with that code. */
export function fail(ctx: z.RefinementCtx, code: ValidationCode, message: string, path: PropertyKey[] = []): void {
  ctx.addIssue({ code: "custom", message, params: { noros: code }, path });
}

/** A string that must satisfy `valid`, reported with `code` otherwise. */
export function codedString(code: ValidationCode, valid: (value: string) => boolean, describe: (value: string) => string) {
  return z.string().superRefine((value, ctx) => {
    if (!valid(value)) fail(ctx, code, describe(value));
  });
}

const namePattern = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,31}$/
export const isConstructName = (value: string): boolean => namePattern.test(value);
export const ConstructName = codedString(
  "NOROS2002",
  isConstructName,
  (value) => `name "${value}" is invalid: use 1-32 lowercase letters, digits and single hyphens, starting with a letter`,
);

/** Parsed blocks by their text: each is checked, compared and ranged several times over. */
const parsedCidrs = new Map<string, readonly [ipaddr.IPv4, number] | undefined>();

export function parseCidr(value: string): readonly [ipaddr.IPv4, number] | undefined {
  if (parsedCidrs.has(value)) return parsedCidrs.get(value);
  let parsed: readonly [ipaddr.IPv4, number] | undefined;
  if (ipaddr.IPv4.isValidCIDR(value)) {
    const [address, bits] = ipaddr.IPv4.parseCIDR(value);
    // A network written with host bits set (10.0.0.1/16) is almost always a typo for the network itself.
    const network = ipaddr.IPv4.networkAddressFromCIDR(value);
    if (address.toString() === network.toString() && value.split("/")[0] === address.toString()) parsed = [address, bits];
  }
  parsedCidrs.set(value, parsed);
  return parsed;
}

export function cidrContains(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  return o !== undefined && i !== undefined && i[1] >= o[1] && i[0].match(o[0], o[1]);
}

/** First and last address of a valid CIDR block, as numbers. */
export function cidrRange(value: string): { first: number; last: number } {
  const [address, bits] = parseCidr(value) as readonly [ipaddr.IPv4, number];
  const first = address.toByteArray().reduce((n, byte) => n * 256 + byte, 0);
  return { first, last: first + 2 ** (32 - bits) - 1 };
}

export const Cidr = codedString(
  "NOROS2004",
  (value) => parseCidr(value) !== undefined,
  (value) => `"${value}" is not a valid IPv4 CIDR block: write a network such as 10.0.0.0/16 with its host bits zero`,
);

export const Port = z.number().superRefine((value, ctx) => {
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    fail(ctx, "NOROS2006", `port ${value} is out of range: use a whole number from 1 to 65535`);
  }
});

export const Region = codedString(
  "NOROS2011",
  (value) => /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/.test(value),
  (value) => `"${value}" is not an AWS region name such as eu-central-1`,
);

export const Email = codedString(
  "NOROS2014",
  (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
  (value) => `"${value}" is not an e-mail address`,
);

/** The shape a construct takes in the checked tree: by then constructs used as values are plain markers. */
export interface Use<K extends string = string> {
  readonly $noros: "use";
  readonly kind: K;
  readonly name: string;
}

function isMarked(value: unknown, marker: string): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && (value as { $noros?: unknown }).$noros === marker;
}

/**
 * A construct used as a value (`network: main`, `readers: [web]`). Authors pass the construct itself;
 * the compiler sees a `use` marker naming it. With no kinds, any construct is accepted.
 */
export function use<C extends Construct>(...kinds: ReadonlyArray<C["kind"]>) {
  return z.custom<Deferrable<C>>().superRefine((value, ctx) => {
    const anyKind = kinds.length === 0;
    if (value === undefined) {
      fail(ctx, "NOROS2009", "this property is required");
      return;
    }
    if (!isMarked(value, "use") || !(anyKind || kinds.includes(value.kind as C["kind"]))) {
      const found = isMarked(value, "use") ? `the ${String(value.kind)} "${String(value.name)}"` : "something else";
      const wanted = anyKind ? "a construct" : kinds.map((k) => `a ${k}`).join(" or ");
      fail(ctx, "NOROS2010", `expected ${wanted} here, found ${found}`);
    }
  }).transform((value) => value as unknown as Use<C["kind"]>);
}

export type RefValue = Readonly<{ $noros: "ref"; kind: string; name: string; attribute: string }>;
export type TextValue = Readonly<{ $noros: "text"; parts: ReadonlyArray<string | RefValue> }>;

const isRef = (value: unknown): value is RefValue => isMarked(value, "ref");

/** A reference to a deployed attribute of type `T` (an ARN, an IP address, ...). */
export function ref<T extends string>() {
  return z.custom<Deferrable<Ref<T>>>(isRef, { error: "expected a reference such as bucket.arn" })
    .transform((value) => value as unknown as RefValue);
}

/** A string, a reference, or text built from both: what an environment variable or output may be. */
export const ValueSchema = z.custom<Deferrable<string | Ref | Text>>((value) =>
  typeof value === "string" ||
  isRef(value) ||
  (isMarked(value, "text") && Array.isArray(value.parts) &&
    value.parts.every((part: unknown) => typeof part === "string" || isRef(part))),
  { error: "expected a string, a reference, or text`...`" },
).transform((value) => value as unknown as string | RefValue | TextValue);

export type CheckedValue = z.output<typeof ValueSchema>;

export const Tags = z.record(z.string().min(1).max(128), z.string().max(256));
