// The JSON-RPC 2.0 envelope: ids, progress tokens, message shapes, and the result types the
// message decoders and encoders return instead of throwing.
import { errorCodeFromJson, errorCodeToJson, invalidRequest, ProtocolError, type JsonRpcErrorObject } from './errors.js';
import { get, integerValue, reject } from './fields.js';
import { isJsonObject, jsonInteger, stringifyJson, type JsonObject } from './json.js';
import type { ErrorCode, ProgressToken, RequestId } from './wit/wasmcp-mcp-v20251125-mcp.js';

/** An id as JSON: a bigint only when it does not fit a JS number exactly. */
export type JsonRpcId = string | number | bigint;

export interface JsonRpcRequest {
  jsonrpc: '2.0';
  id: JsonRpcId;
  method: string;
  params?: JsonObject;
}
export interface JsonRpcNotification {
  jsonrpc: '2.0';
  method: string;
  params?: JsonObject;
}
export interface JsonRpcResultResponse {
  jsonrpc: '2.0';
  id: JsonRpcId;
  result: JsonObject;
}
/** `id` is omitted when unknown (MCP 2025-11-25 makes it optional; null breaks its schema). */
export interface JsonRpcErrorResponse {
  jsonrpc: '2.0';
  id?: JsonRpcId;
  error: JsonRpcErrorObject;
}
export type JsonRpcMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcResultResponse | JsonRpcErrorResponse;

/**
 * What a decoder returns. On failure, `ignorable` says the peer must get no answer (a
 * notification, or a response we cannot use); otherwise answer with `error` for `id`.
 * `rawProtocolVersion` is the version string of an initialize request or result, which may
 * be one the WIT enum lacks (then the message carries the latest version).
 */
export type Decoded<M> =
  | { ok: true; message: M; rawProtocolVersion?: string }
  | { ok: false; ignorable: boolean; id: RequestId | undefined; error: ErrorCode };

/** What an encoder returns: the JSON, or why the WIT value cannot be sent (internal-error). */
export type Encoded<T> = { ok: true; value: T } | { ok: false; error: ErrorCode };

/** A JSON-RPC response names no method: this tells a decoder which request an id was for. */
export type ResultHint<Tag extends string> = (id: RequestId) => Tag | undefined;

const S64 = (v: bigint): boolean => BigInt.asIntN(64, v) === v;

/** A JSON id as WIT: strings and s64 integers; anything else (null, 1.5, objects) is undefined. */
export function requestIdFromJson(json: unknown): RequestId | undefined {
  if (typeof json === 'string') return { tag: 'string', val: json };
  const n = integerValue(json);
  return n !== undefined && S64(n) ? { tag: 'number', val: n } : undefined;
}

export function requestIdToJson(id: RequestId): JsonRpcId {
  return id.tag === 'number' ? jsonInteger(id.val) : id.val;
}

export function decodeRequestId(v: unknown, where: string): RequestId {
  const id = requestIdFromJson(v);
  if (id === undefined) reject(`${where} must be a string or an integer`);
  return id;
}

export function decodeProgressToken(v: unknown, where: string): ProgressToken {
  if (typeof v === 'string') return { tag: 'string', val: v };
  const n = integerValue(v);
  if (n === undefined || !S64(n)) reject(`${where} must be a string or an integer`);
  return { tag: 'integer', val: n };
}

export function progressTokenToJson(token: ProgressToken): string | number | bigint {
  return token.tag === 'integer' ? jsonInteger(token.val) : token.val;
}

/** A JSON-RPC message, classified; `params`/`result` are checked by the method's decoder. */
export type Envelope =
  | { kind: 'request'; id: RequestId; method: string; params: unknown }
  | { kind: 'notification'; method: string; params: unknown }
  | { kind: 'result'; id: RequestId; result: unknown }
  | { kind: 'error'; id: RequestId | undefined; error: ErrorCode };

export type DecodeFailure = Extract<Decoded<never>, { ok: false }>;

/** Classifies a parsed JSON-RPC 2.0 message, or says why it is not one (-32600). */
export function readEnvelope(json: unknown): Envelope | DecodeFailure {
  if (!isJsonObject(json)) {
    const why = Array.isArray(json) ? 'JSON-RPC batches are not supported' : 'a JSON-RPC message must be an object';
    return { ok: false, ignorable: false, id: undefined, error: invalidRequest(`Invalid Request: ${why}`) };
  }
  const rawId = get(json, 'id');
  const id = rawId === undefined ? undefined : requestIdFromJson(rawId);
  const invalid = (why: string): DecodeFailure => ({ ok: false, ignorable: false, id, error: invalidRequest(`Invalid Request: ${why}`) });
  if (get(json, 'jsonrpc') !== '2.0') return invalid('jsonrpc must be "2.0"');
  const method = get(json, 'method');
  const result = get(json, 'result');
  const error = get(json, 'error');
  if (method !== undefined) {
    if (typeof method !== 'string') return invalid('method must be a string');
    if (result !== undefined || error !== undefined) return invalid('a request must not carry result or error');
    const params = get(json, 'params');
    if (rawId === undefined) return { kind: 'notification', method, params };
    if (id === undefined) return invalid('id must be a string or an integer');
    return { kind: 'request', id, method, params };
  }
  if (result !== undefined && error !== undefined) return invalid('a response must not carry both result and error');
  if (result !== undefined) {
    if (id === undefined) return invalid('a result must carry a string or integer id');
    return { kind: 'result', id, result };
  }
  if (error !== undefined) {
    // An error may answer a message whose id could not be read: id null or absent.
    if (rawId !== undefined && rawId !== null && id === undefined) return invalid('id must be a string or an integer');
    const ec = errorCodeFromJson(error);
    if (ec === undefined) return invalid('error must be an object with an integer code and a string message');
    return { kind: 'error', id, error: ec };
  }
  return invalid('a message needs a method, a result or an error');
}

/** Runs a decoder of params/result; its ProtocolError becomes the failure value. */
export function decodeWith<M>(id: RequestId | undefined, ignorable: boolean, decode: () => Decoded<M>): Decoded<M> {
  try {
    return decode();
  } catch (e) {
    if (e instanceof ProtocolError) return { ok: false, ignorable, id, error: e.errorCode };
    throw e;
  }
}

/** Runs an encoder; its ProtocolError becomes the failure value. */
export function encodeWith<T>(encode: () => T): Encoded<T> {
  try {
    return { ok: true, value: encode() };
  } catch (e) {
    if (e instanceof ProtocolError) return { ok: false, error: e.errorCode };
    throw e;
  }
}

export function encodedText<T>(encoded: Encoded<T>): Encoded<string> {
  return encoded.ok ? { ok: true, value: stringifyJson(encoded.value) } : encoded;
}

export function request(id: RequestId, method: string, params: JsonObject | undefined): JsonRpcRequest {
  const out: JsonRpcRequest = { jsonrpc: '2.0', id: requestIdToJson(id), method };
  if (params !== undefined) out.params = params;
  return out;
}

export function notification(method: string, params: JsonObject | undefined): JsonRpcNotification {
  const out: JsonRpcNotification = { jsonrpc: '2.0', method };
  if (params !== undefined) out.params = params;
  return out;
}

export function resultResponse(id: RequestId, result: JsonObject): JsonRpcResultResponse {
  return { jsonrpc: '2.0', id: requestIdToJson(id), result };
}

/** An error response; cannot fail. Used for both directions. */
export function errorResponse(id: RequestId | undefined, error: ErrorCode): JsonRpcErrorResponse {
  const json = errorCodeToJson(error);
  return id === undefined ? { jsonrpc: '2.0', error: json } : { jsonrpc: '2.0', id: requestIdToJson(id), error: json };
}

/** Params of a method whose params are all optional: omitted when empty, as the spec shows. */
export function optionalParams(params: JsonObject): JsonObject | undefined {
  return Object.keys(params).length > 0 ? params : undefined;
}
