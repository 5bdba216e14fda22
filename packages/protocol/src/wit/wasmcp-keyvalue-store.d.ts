/** @module Interface wasmcp:keyvalue/store@0.1.0 **/
export function open(identifier: string): Bucket;
export type Error = ErrorNoSuchStore | ErrorAccessDenied | ErrorOther;
export interface ErrorNoSuchStore {
  tag: 'no-such-store',
}
export interface ErrorAccessDenied {
  tag: 'access-denied',
}
export interface ErrorOther {
  tag: 'other',
  val: string,
}
export interface KeyResponse {
  keys: Array<string>,
  cursor?: string,
}
export type TypedValue = TypedValueAsString | TypedValueAsJson | TypedValueAsU64 | TypedValueAsS64 | TypedValueAsBool | TypedValueAsBytes;
export interface TypedValueAsString {
  tag: 'as-string',
  val: string,
}
export interface TypedValueAsJson {
  tag: 'as-json',
  val: string,
}
export interface TypedValueAsU64 {
  tag: 'as-u64',
  val: bigint,
}
export interface TypedValueAsS64 {
  tag: 'as-s64',
  val: bigint,
}
export interface TypedValueAsBool {
  tag: 'as-bool',
  val: boolean,
}
export interface TypedValueAsBytes {
  tag: 'as-bytes',
  val: Uint8Array,
}

export class Bucket {
  /**
   * This type does not have a public constructor.
   */
  private constructor();
  get(key: string): TypedValue | undefined;
  set(key: string, value: TypedValue): void;
  getJson(key: string): string | undefined;
  setJson(key: string, json: string): void;
  getString(key: string): string | undefined;
  setString(key: string, value: string): void;
  getU64(key: string): bigint | undefined;
  setU64(key: string, value: bigint): void;
  getS64(key: string): bigint | undefined;
  setS64(key: string, value: bigint): void;
  getBool(key: string): boolean | undefined;
  setBool(key: string, value: boolean): void;
  getBytes(key: string): Uint8Array | undefined;
  setBytes(key: string, value: Uint8Array): void;
  getMany(keys: Array<string>): Array<[string, TypedValue] | undefined>;
  setMany(pairs: Array<[string, TypedValue]>): void;
  deleteMany(keys: Array<string>): void;
  'delete'(key: string): void;
  exists(key: string): boolean;
  listKeys(cursor: string | undefined): KeyResponse;
  increment(key: string, delta: bigint): bigint;
}
