// JSON values as this library produces them. Integers that do not fit a JS number exactly
// (request ids, progress tokens, sizes: s64/u64 in WIT) stay bigint; `stringifyJson` writes them
// as plain JSON numbers, where `JSON.stringify` would throw.

export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** A plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own data property; plain assignment would treat a `__proto__` key as the prototype. */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** An object of the defined fields only (JSON has no `undefined`). */
export function jsonObject(fields: { [key: string]: JsonValue | undefined }): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value !== undefined) setOwn(out, key, value);
  }
  return out;
}

/** A bigint as a JSON number: a plain number when exact, else kept bigint for `stringifyJson`. */
export function jsonInteger(value: bigint): number | bigint {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/** JSON.parse that reports failure instead of throwing. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

type Frame =
  | { array: unknown[]; index: number }
  | { object: Record<string, unknown>; keys: string[]; index: number; written: boolean };

/**
 * JSON text of any value; never throws. Like JSON.stringify (no whitespace, undefined/functions
 * skipped in objects and null in arrays, non-finite numbers null) plus: bigint as an exact
 * number, a cyclic reference as null, and an explicit stack so deep nesting cannot overflow.
 */
export function stringifyJson(value: unknown): string {
  let out = '';
  const onPath = new Set<object>();
  const stack: Frame[] = [];
  const write = (v: unknown): void => {
    switch (typeof v) {
      case 'string':
        out += JSON.stringify(v);
        return;
      case 'number':
        out += Number.isFinite(v) ? String(v) : 'null';
        return;
      case 'bigint':
        out += v.toString();
        return;
      case 'boolean':
        out += v ? 'true' : 'false';
        return;
      case 'object':
        if (v === null || onPath.has(v)) {
          out += 'null';
          return;
        }
        onPath.add(v);
        if (Array.isArray(v)) {
          out += '[';
          stack.push({ array: v, index: 0 });
        } else {
          out += '{';
          const object = v as Record<string, unknown>;
          stack.push({ object, keys: Object.keys(object), index: 0, written: false });
        }
        return;
      default:
        out += 'null';
    }
  };
  write(value);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if ('array' in frame) {
      if (frame.index >= frame.array.length) {
        out += ']';
        onPath.delete(frame.array);
        stack.pop();
        continue;
      }
      if (frame.index > 0) out += ',';
      write(frame.array[frame.index++]);
      continue;
    }
    let key: string | undefined;
    let member: unknown;
    while (frame.index < frame.keys.length) {
      const k = frame.keys[frame.index++];
      const v = frame.object[k];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      key = k;
      member = v;
      break;
    }
    if (key === undefined) {
      out += '}';
      onPath.delete(frame.object);
      stack.pop();
      continue;
    }
    if (frame.written) out += ',';
    frame.written = true;
    out += `${JSON.stringify(key)}:`;
    write(member);
  }
  return out;
}
