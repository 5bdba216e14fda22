// Typed reads of JSON fields for the decoders. A wrong field throws ProtocolError(invalid-params)
// naming the field's path; the message decoders catch it and return it as a value.
// Optional fields treat `null` as absent: many clients serialise missing options as null.
import { invalidParams, ProtocolError } from './errors.js';
import { isJsonObject, stringifyJson } from './json.js';
import type { Json } from './wit/wasmcp-mcp-v20251125-mcp.js';

export type Obj = Record<string, unknown>;

export function reject(message: string): never {
  throw new ProtocolError(invalidParams(message));
}

/** An own property only: `{}.constructor` must not read as a field. */
export function get(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function present(o: Obj, key: string): unknown {
  const v = get(o, key);
  return v === null ? undefined : v;
}

export function asObject(v: unknown, path: string): Obj {
  if (!isJsonObject(v)) reject(`${path} must be an object`);
  return v;
}

/** Absent params of a method whose params are all optional read as an empty object. */
export function paramsObject(params: unknown): Obj {
  return params === undefined ? {} : asObject(params, 'params');
}

/** Params a method cannot do without. */
export function requiredParams(params: unknown): Obj {
  if (params === undefined) reject('params are required');
  return asObject(params, 'params');
}

export function reqString(o: Obj, key: string, path: string): string {
  const v = get(o, key);
  if (typeof v !== 'string') reject(`${path}.${key} must be a string`);
  return v;
}

export function optString(o: Obj, key: string, path: string): string | undefined {
  const v = present(o, key);
  if (v !== undefined && typeof v !== 'string') reject(`${path}.${key} must be a string`);
  return v;
}

export function optBool(o: Obj, key: string, path: string): boolean | undefined {
  const v = present(o, key);
  if (v !== undefined && typeof v !== 'boolean') reject(`${path}.${key} must be a boolean`);
  return v;
}

/** A JSON number as f64; an integer too long for a JS number (a bigint) is rounded. */
export function numberValue(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return typeof v === 'bigint' ? Number(v) : undefined;
}

export function reqNumber(o: Obj, key: string, path: string): number {
  const n = numberValue(get(o, key));
  if (n === undefined) reject(`${path}.${key} must be a number`);
  return n;
}

export function optNumber(o: Obj, key: string, path: string): number | undefined {
  const v = present(o, key);
  return v === undefined ? undefined : reqNumber(o, key, path);
}

/** WIT u32. */
export function optU32(o: Obj, key: string, path: string): number | undefined {
  const v = present(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) {
    reject(`${path}.${key} must be an integer from 0 to 4294967295`);
  }
  return v;
}

/** A JSON integer (a safe number, or a bigint from an already-parsed value) as bigint. */
export function integerValue(v: unknown): bigint | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v) : undefined;
  if (typeof v === 'bigint') return v;
  return undefined;
}

function u64(v: unknown, where: string): bigint {
  const n = integerValue(v);
  if (n === undefined || BigInt.asUintN(64, n) !== n) reject(`${where} must be a non-negative integer`);
  return n;
}

export function reqU64(o: Obj, key: string, path: string): bigint {
  return u64(get(o, key), `${path}.${key}`);
}

export function optU64(o: Obj, key: string, path: string): bigint | undefined {
  const v = present(o, key);
  return v === undefined ? undefined : u64(v, `${path}.${key}`);
}

export function enumValue<T extends string>(v: unknown, where: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    reject(`${where} must be one of ${values.join(', ')}`);
  }
  return v as T;
}

export function reqEnum<T extends string>(o: Obj, key: string, path: string, values: readonly T[]): T {
  return enumValue(get(o, key), `${path}.${key}`, values);
}

export function optEnum<T extends string>(o: Obj, key: string, path: string, values: readonly T[]): T | undefined {
  const v = present(o, key);
  return v === undefined ? undefined : enumValue(v, `${path}.${key}`, values);
}

export function reqList<T>(o: Obj, key: string, path: string, item: (v: unknown, where: string) => T): T[] {
  const v = get(o, key);
  if (!Array.isArray(v)) reject(`${path}.${key} must be an array`);
  return v.map((x, i) => item(x, `${path}.${key}[${i}]`));
}

export function optList<T>(o: Obj, key: string, path: string, item: (v: unknown, where: string) => T): T[] | undefined {
  return present(o, key) === undefined ? undefined : reqList(o, key, path, item);
}

export function stringItem(v: unknown, where: string): string {
  if (typeof v !== 'string') reject(`${where} must be a string`);
  return v;
}

export function optStringList(o: Obj, key: string, path: string): string[] | undefined {
  return optList(o, key, path, stringItem);
}

/** A nested object field decoded by `read`, or undefined when absent. */
export function optRecord<T>(o: Obj, key: string, path: string, read: (v: Obj, where: string) => T): T | undefined {
  const v = present(o, key);
  return v === undefined ? undefined : read(asObject(v, `${path}.${key}`), `${path}.${key}`);
}

export function reqRecord<T>(o: Obj, key: string, path: string, read: (v: Obj, where: string) => T): T {
  return read(asObject(get(o, key), `${path}.${key}`), `${path}.${key}`);
}

/** An object-valued field (arguments, schemas, _meta, ...) as JSON text. */
export function reqObjectText(o: Obj, key: string, path: string): Json {
  return stringifyJson(asObject(get(o, key), `${path}.${key}`));
}

export function optObjectText(o: Obj, key: string, path: string): Json | undefined {
  return present(o, key) === undefined ? undefined : reqObjectText(o, key, path);
}

/** `_meta`, which every MCP object may carry. */
export function optMeta(o: Obj, path: string): Json | undefined {
  return optObjectText(o, '_meta', path);
}

/** The fields other than `known`, as a JSON object text, or undefined if there are none. */
export function extraFieldsText(o: Obj, known: readonly string[]): Json | undefined {
  const extra: Obj = {};
  let any = false;
  for (const key of Object.keys(o)) {
    if (known.includes(key) || o[key] === undefined) continue;
    Object.defineProperty(extra, key, { value: o[key], enumerable: true });
    any = true;
  }
  return any ? stringifyJson(extra) : undefined;
}

/** An options record, or undefined when none of its fields is set (what jco lifts for `none`). */
export function options<T extends object>(fields: T): T | undefined {
  return Object.values(fields).some((v) => v !== undefined) ? fields : undefined;
}
