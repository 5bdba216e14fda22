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

/**
 * JSON.parse that reports failure instead of throwing, and keeps integers beyond 2^53 exact
 * (as bigint) where JSON.parse would round them: ids, tokens and int64 values inside arguments
 * must survive. Only text with a run of 16+ digits can hold such an integer; all other text
 * takes the native parser.
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: LONG_DIGITS.test(text) ? parseExact(text) : JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const LONG_DIGITS = /\d{16}/;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

type ParseFrame = { array: unknown[] } | { object: Record<string, unknown>; key: string };

/**
 * JSON.parse semantics (own `__proto__` keys, last duplicate wins, same errors accepted), except
 * that an integer literal that is not a safe integer becomes a bigint. Iterative, like the
 * engines' parsers, so nesting depth is bounded by memory, not the call stack.
 */
export function parseExact(text: string): unknown {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${i}`);
  };
  const skipSpace = (): void => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  };
  const readString = (): string => {
    const start = i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (Number.isNaN(c)) fail('Unterminated string');
      if (c < 32) fail('Bad control character in string');
      i += c === 92 ? 2 : 1;
    }
    i++;
    // The engine decodes the escapes (and rejects bad ones) exactly as JSON.parse does.
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readKey = (): string => {
    skipSpace();
    if (text.charCodeAt(i) !== 34) fail('Expected a property name');
    const key = readString();
    skipSpace();
    if (text.charCodeAt(i) !== 58) fail("Expected ':'");
    i++;
    return key;
  };
  const readLiteral = (word: string, value: boolean | null): boolean | null => {
    if (!text.startsWith(word, i)) fail('Unexpected token');
    i += word.length;
    return value;
  };
  const stack: ParseFrame[] = [];
  for (;;) {
    skipSpace();
    let value: unknown;
    const c = text.charCodeAt(i);
    if (c === 123) {
      i++;
      skipSpace();
      if (text.charCodeAt(i) !== 125) {
        stack.push({ object: {}, key: readKey() });
        continue;
      }
      i++;
      value = {};
    } else if (c === 91) {
      i++;
      skipSpace();
      if (text.charCodeAt(i) !== 93) {
        stack.push({ array: [] });
        continue;
      }
      i++;
      value = [];
    } else if (c === 34) {
      value = readString();
    } else if (c === 116) {
      value = readLiteral('true', true);
    } else if (c === 102) {
      value = readLiteral('false', false);
    } else if (c === 110) {
      value = readLiteral('null', null);
    } else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (m === null) return fail('Unexpected token');
      i = NUMBER.lastIndex;
      const n = Number(m[0]);
      value = m[1] === undefined && m[2] === undefined && !Number.isSafeInteger(n) ? BigInt(m[0]) : n;
    }
    // Hand the finished value to its parents, closing every container that ends here.
    for (;;) {
      const top = stack[stack.length - 1];
      skipSpace();
      if (top === undefined) {
        if (i !== text.length) fail('Unexpected non-whitespace character after JSON');
        return value;
      }
      const next = text.charCodeAt(i++);
      if ('array' in top) {
        top.array.push(value);
        if (next === 44) break;
        if (next !== 93) fail("Expected ',' or ']'");
        value = top.array;
      } else {
        setOwn(top.object, top.key, value);
        if (next === 44) {
          top.key = readKey();
          break;
        }
        if (next !== 125) fail("Expected ',' or '}'");
        value = top.object;
      }
      stack.pop();
    }
  }
}

type Frame =
  | { array: unknown[]; index: number }
  | { object: Record<string, unknown>; keys: string[]; index: number; written: boolean };

/** What JSON.stringify does first with every value: ask its toJSON (Dates). */
function viaToJson(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, key);
  }
  return value;
}

/**
 * JSON text of any value; never throws. JSON.stringify (no whitespace) where it succeeds;
 * otherwise, with the same rules, plus: bigint as an exact number, a cyclic reference as null,
 * and an explicit stack so deep nesting cannot overflow.
 */
export function stringifyJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return stringifyIteratively(value);
  }
}

function stringifyIteratively(value: unknown): string {
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
  write(viaToJson(value, ''));
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
      const index = frame.index++;
      write(viaToJson(frame.array[index], String(index)));
      continue;
    }
    let key: string | undefined;
    let member: unknown;
    while (frame.index < frame.keys.length) {
      const k = frame.keys[frame.index++];
      const v = viaToJson(frame.object[k], k);
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
