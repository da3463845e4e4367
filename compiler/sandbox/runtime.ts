/**
 * The part of the compiler that runs *inside* the evaluation context, before any author code.
 *
 * It is loaded as source (never imported by the host), so it may not import anything. The host hands
 * it only strings and functions compiled in this same context, and gets back only a JSON string: no
 * object crosses the boundary, so no prototype walk from the author's side can reach the host.
 */

type Position = [file: number, line: number, col: number];
type ModuleFactory = (
  exports: Record<string, unknown>,
  require: (specifier: string) => unknown,
  module: { exports: Record<string, unknown> },
  track: Tracking,
) => void;

interface Tracking {
  object<T>(value: T, file: number, line: number, col: number, keys: Array<[string, number, number]>): T;
  array<T>(value: T, file: number, line: number, col: number, elements: Array<[number, number]>): T;
  call(callee: (...args: unknown[]) => unknown, file: number, line: number, col: number, ...args: unknown[]): unknown;
  method(target: Record<string, (...args: unknown[]) => unknown>, name: string, file: number, line: number, col: number, ...args: unknown[]): unknown;
}

interface WalkError {
  code: string;
  message: string;
  pos: Position | null;
}

/** The most values one system may hold: a bound so that a huge array is an error, not a stall. */
const MAX_VALUES = 20_000_000;
const MAX_DEPTH = 2_000;

export function createRuntime(global: Record<string, unknown>) {
  // Captured before author code runs: later tampering with globals cannot change how we read values.
  const { create, freeze, getOwnPropertyDescriptor, getPrototypeOf, keys, getOwnPropertyNames, isFrozen } = Object;
  const isArray = Array.isArray;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const ObjectPrototype = Object.prototype;
  const ArrayPrototype = Array.prototype;
  const WeakMapCtor = WeakMap;
  const MapCtor = Map;
  const SetCtor = Set;

  const forbidden = (what: string) => () => {
    throw new TypeError(`${what} is not available in a system file: a system must evaluate to the same value every time`);
  };
  const MathObject = global.Math as Record<string, unknown>;
  MathObject.random = forbidden("Math.random()");
  global.Date = forbidden("Date");

  // What a system never needs and an attack would: reflection, and binary buffers (whose memory lies
  // outside the heap limit). Removed before anything of the author's runs.
  for (const name of [
    "Proxy", "Reflect", "WebAssembly", "Atomics", "SharedArrayBuffer", "ArrayBuffer", "DataView", "FinalizationRegistry", "WeakRef",
    "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
  ]) {
    delete global[name];
  }

  // Lock the intrinsics so a system file cannot change how later code (ours or its own) behaves.
  for (const name of getOwnPropertyNames(global)) {
    const value = global[name];
    if (value === global) continue;
    if ((typeof value === "function" || (typeof value === "object" && value !== null)) && !isFrozen(value)) {
      const prototype = (value as { prototype?: unknown }).prototype;
      if (typeof prototype === "object" && prototype !== null) freeze(prototype);
      freeze(value);
    }
  }
  freeze(getPrototypeOf(function () {}));
  freeze(getPrototypeOf(function* () {}));

  const factories = new MapCtor<string, ModuleFactory>();
  const resolutions = new MapCtor<string, Record<string, string>>();
  const cache = new MapCtor<string, { exports: Record<string, unknown> }>();
  const objectPositions = new WeakMapCtor<object, { at: Position; keys: Record<string, Position> }>();
  const callSites = new WeakMapCtor<object, Position>();

  const tracking: Tracking = {
    object(value, file, line, col, keyList) {
      // No prototype: a key such as "__proto__" must look up nothing inherited.
      const positions = create(null) as Record<string, Position>;
      for (const [key, keyLine, keyCol] of keyList) positions[key] = [file, keyLine, keyCol];
      if (typeof value === "object" && value !== null) objectPositions.set(value, { at: [file, line, col], keys: positions });
      return value;
    },
    array(value, file, line, col, elements) {
      // No prototype: a key such as "__proto__" must look up nothing inherited.
      const positions = create(null) as Record<string, Position>;
      elements.forEach(([elementLine, elementCol], index) => {
        positions[String(index)] = [file, elementLine, elementCol];
      });
      if (typeof value === "object" && value !== null) objectPositions.set(value, { at: [file, line, col], keys: positions });
      return value;
    },
    call(callee, file, line, col, ...args) {
      const result = callee(...args);
      // The innermost call that returned a construct is where it was declared; outer helpers keep it.
      if (typeof result === "object" && result !== null && !callSites.has(result)) callSites.set(result, [file, line, col]);
      return result;
    },
    // `raw.terraform(...)`: called as a method, so that `this` stays what the author's code expects.
    method(target, name, file, line, col, ...args) {
      const result = target[name]!(...args);
      if (typeof result === "object" && result !== null && !callSites.has(result)) callSites.set(result, [file, line, col]);
      return result;
    },
  };
  freeze(tracking);

  function load(id: string): Record<string, unknown> {
    const cached = cache.get(id);
    if (cached) return cached.exports;
    const factory = factories.get(id);
    if (!factory) throw new Error(`internal: module ${id} was not registered`);
    const module = { exports: {} as Record<string, unknown> };
    cache.set(id, module);
    const table = resolutions.get(id) ?? {};
    const requireFrom = (specifier: string) => {
      const target = table[specifier];
      if (target === undefined) throw new Error(`cannot import "${specifier}" here`);
      return load(target);
    };
    factory(module.exports, requireFrom, module, tracking);
    return module.exports;
  }

  function marker(value: object): unknown {
    const descriptor = getOwnPropertyDescriptor(value, "$noros");
    return descriptor && "value" in descriptor ? descriptor.value : undefined;
  }

  function dataProperty(value: object, key: string): { ok: true; value: unknown } | { ok: false } {
    const descriptor = getOwnPropertyDescriptor(value, key);
    if (!descriptor || !("value" in descriptor)) return { ok: false };
    return { ok: true, value: descriptor.value };
  }

  interface Entry {
    kind: string;
    name: string;
    props: unknown;
    pos: Position | null;
    propPos: Record<string, Position>;
    /** Security-policy waivers given with waive(construct, rule, reason), each at its call. */
    waivers: Array<{ rule: string | null; reason: string | null; pos: Position | null }>;
  }

  /** How far a chain of waive() calls is followed: deeper is a forged value, not an author's waivers. */
  const MAX_WAIVERS = 1_000;

  /** The construct a waive() result stands for: the end of its `$waives` links. */
  function baseConstruct(value: object): object {
    let current = value;
    for (let i = 0; i < MAX_WAIVERS; i++) {
      const next = dataProperty(current, "$waives");
      if (!next.ok || typeof next.value !== "object" || next.value === null || marker(next.value) !== "construct") return current;
      current = next.value;
    }
    return current;
  }

  function extract(root: unknown) {
    const errors: WalkError[] = [];
    const entries: Entry[] = [];
    const seen = new MapCtor<object, number>();
    const queue: Array<{ source: object; entry: Entry }> = [];
    const recordedWaivers = new SetCtor<object>();
    let count = 0;

    /** The waivers along a waive() chain, once each however often the waived value is used. */
    function recordWaivers(value: object, base: object, entry: Entry, here: Position | null): void {
      let current = value;
      for (let i = 0; i < MAX_WAIVERS && current !== base && !recordedWaivers.has(current); i++) {
        recordedWaivers.add(current);
        const waiver = dataProperty(current, "$waiver");
        const data = waiver.ok && typeof waiver.value === "object" && waiver.value !== null ? waiver.value : undefined;
        const rule = data ? dataProperty(data, "rule") : { ok: false as const };
        const reason = data ? dataProperty(data, "reason") : { ok: false as const };
        entry.waivers.push({
          rule: rule.ok && typeof rule.value === "string" ? rule.value : null,
          reason: reason.ok && typeof reason.value === "string" ? reason.value : null,
          pos: callSites.get(current) ?? here,
        });
        const next = dataProperty(current, "$waives");
        if (!next.ok || typeof next.value !== "object" || next.value === null) return;
        current = next.value;
      }
    }

    function describe(value: unknown): string {
      if (typeof value === "function") return "a function";
      if (typeof value === "symbol") return "a symbol";
      if (typeof value === "bigint") return "a bigint";
      if (typeof value === "number") return `the number ${String(value)}`;
      return "a value that is not plain data";
    }

    function enqueue(source: object, fallback: Position | null): Entry {
      const kind = dataProperty(source, "kind");
      const name = dataProperty(source, "name");
      const entry: Entry = {
        kind: kind.ok && typeof kind.value === "string" ? kind.value : "?",
        name: name.ok && typeof name.value === "string" ? name.value : "?",
        props: null,
        pos: callSites.get(source) ?? fallback,
        propPos: {},
        waivers: [],
      };
      queue.push({ source, entry });
      return entry;
    }

    function walk(value: unknown, path: string[], here: Position | null, entry: Entry, stack: Set<object>, depth: number): unknown {
      if (++count > MAX_VALUES) throw new RangeError("the system holds too many values");
      if (depth > MAX_DEPTH) {
        errors.push({ code: "NOROS1012", message: "the value is nested too deeply", pos: here });
        return null;
      }
      if (value === null || typeof value === "string" || typeof value === "boolean") return value;
      if (typeof value === "number") {
        if (value === value && value !== Infinity && value !== -Infinity) return value === 0 ? 0 : value;
        errors.push({ code: "NOROS1012", message: `${describe(value)} is not a valid value`, pos: here });
        return null;
      }
      if (typeof value !== "object") {
        errors.push({ code: "NOROS1012", message: `${describe(value)} cannot be part of a system: use plain data`, pos: here });
        return null;
      }
      if (stack.has(value)) {
        errors.push({ code: "NOROS1012", message: "the value contains itself (circular data)", pos: here });
        return null;
      }
      const kind = marker(value);
      if (kind === "lazy") {
        const get = dataProperty(value, "get");
        if (!get.ok || typeof get.value !== "function") {
          errors.push({ code: "NOROS1012", message: "a lazy value must wrap a function", pos: here });
          return null;
        }
        stack.add(value);
        const result = walk((get.value as () => unknown)(), path, here, entry, stack, depth + 1);
        stack.delete(value);
        return result;
      }
      if (kind === "construct") {
        // A waive() result and the construct it waives are one construct.
        const base = baseConstruct(value);
        let index = seen.get(base);
        if (index === undefined) {
          index = entries.length;
          seen.set(base, index);
          entries.push(enqueue(base, here));
        }
        const target = entries[index] as Entry;
        recordWaivers(value, base, target, here);
        return { $noros: "use", kind: target.kind, name: target.name };
      }
      const positions = objectPositions.get(value);
      const ownKey = stringify(path);
      // The literal's own position, for problems with the whole object (a required property missing).
      if (positions && entry.propPos[ownKey] === undefined) entry.propPos[ownKey] = positions.at;
      const prototype = getPrototypeOf(value);
      stack.add(value);
      try {
        if (isArray(value)) {
          const out: unknown[] = [];
          const length = (value as unknown[]).length;
          for (let index = 0; index < length; index++) {
            const key = String(index);
            const at = positions?.keys[key] ?? positions?.at ?? here;
            if (positions?.keys[key]) entry.propPos[stringify([...path, key])] = positions.keys[key] as Position;
            const item = dataProperty(value, key);
            if (!item.ok) {
              errors.push({ code: "NOROS1012", message: "arrays in a system must be dense and hold plain values, not getters", pos: at });
              out.push(null);
              continue;
            }
            if (item.value === undefined) {
              errors.push({ code: "NOROS1012", message: "undefined cannot be an element of a list", pos: at });
              out.push(null);
              continue;
            }
            out.push(walk(item.value, [...path, key], at, entry, stack, depth + 1));
          }
          return out;
        }
        if (prototype !== ObjectPrototype && prototype !== null) {
          errors.push({ code: "NOROS1012", message: "only plain objects and arrays can be part of a system, not class instances", pos: here });
          return null;
        }
        // Without a prototype, a "__proto__" key could only ever be data; it is refused anyway below.
        const out = create(null) as Record<string, unknown>;
        for (const key of keys(value)) {
          const at = positions?.keys[key] ?? positions?.at ?? here;
          if (key === "__proto__") {
            errors.push({ code: "NOROS1012", message: 'the key "__proto__" cannot be part of a system (it would set a prototype, not a property)', pos: at });
            continue;
          }
          if (positions?.keys[key]) entry.propPos[stringify([...path, key])] = positions.keys[key] as Position;
          const property = dataProperty(value, key);
          if (!property.ok) {
            errors.push({ code: "NOROS1012", message: `property "${key}" is a getter: a system holds plain values`, pos: at });
            continue;
          }
          if (property.value === undefined) continue;
          out[key] = walk(property.value, [...path, key], at, entry, stack, depth + 1);
        }
        return out;
      } finally {
        stack.delete(value);
      }
    }

    const rootEntry: Entry = { kind: "system", name: "?", props: null, pos: null, propPos: {}, waivers: [] };
    if (typeof root !== "object" || root === null || marker(root) !== "system") {
      return { ok: false, code: "NOROS1011", message: "the file's default export must be system(name, { ... })" };
    }
    const rootName = dataProperty(root, "name");
    rootEntry.name = rootName.ok && typeof rootName.value === "string" ? rootName.value : "?";
    rootEntry.pos = callSites.get(root) ?? null;
    const rootProps = dataProperty(root, "props");
    rootEntry.props = walk(rootProps.ok ? rootProps.value : null, [], rootEntry.pos, rootEntry, new SetCtor(), 0);
    // An index, not shift(): shifting a queue of tens of thousands of constructs is quadratic.
    for (let next = 0; next < queue.length; next++) {
      const { source, entry } = queue[next] as { source: object; entry: Entry };
      const props = dataProperty(source, "props");
      entry.props = walk(props.ok ? props.value : null, [], entry.pos, entry, new SetCtor(), 0);
    }
    return { ok: true, system: rootEntry, constructs: entries, errors };
  }

  function errorReport(error: unknown) {
    let message = "the system file threw a value that is not an Error";
    let stack = "";
    try {
      if (typeof error === "object" && error !== null) {
        const m = dataProperty(error, "message");
        if (m.ok && typeof m.value === "string") message = m.value;
        const s = (error as { stack?: unknown }).stack;
        if (typeof s === "string") stack = s;
      } else if (typeof error === "string") {
        message = error;
      }
    } catch {
      // An error object whose properties throw is reported by the generic message above.
    }
    return { ok: false, code: "NOROS1010", message, stack };
  }

  return freeze({
    register(id: string, factory: ModuleFactory, table: string) {
      factories.set(id, factory);
      resolutions.set(id, parse(table) as Record<string, string>);
    },
    run(entry: string): string {
      try {
        const exports = load(entry);
        const root = dataProperty(exports, "default");
        return stringify(extract(root.ok ? root.value : undefined));
      } catch (error) {
        return stringify(errorReport(error));
      }
    },
  });
}
