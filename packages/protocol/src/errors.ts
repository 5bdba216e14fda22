// The WIT `error-code` variant: constructors with the JSON-RPC / MCP codes, and its JSON form.
import type { ErrorCode, Error as WitError } from './wit/wasmcp-mcp-v20251125-mcp.js';
import { isJsonObject, parseJson, stringifyJson, type JsonValue } from './json.js';

export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const METHOD_NOT_FOUND = -32601;
export const INVALID_PARAMS = -32602;
export const INTERNAL_ERROR = -32603;
/** MCP: resources/read of an unknown URI. */
export const RESOURCE_NOT_FOUND = -32002;
/** MCP: the request needs a URL-mode elicitation first. */
export const URL_ELICITATION_REQUIRED = -32042;

/** Codes MCP itself defines inside the JSON-RPC server range; they travel as the `mcp` case. */
const MCP_CODES: readonly number[] = [RESOURCE_NOT_FOUND, URL_ELICITATION_REQUIRED];

/** The JSON-RPC `error` member. */
export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: JsonValue;
}

function record(code: number | bigint, message: string, data: JsonValue | undefined): WitError {
  return { code: BigInt(code), message, data: data === undefined ? undefined : stringifyJson(data) };
}

export function parseError(message = 'Parse error', data?: JsonValue): ErrorCode {
  return { tag: 'parse-error', val: record(PARSE_ERROR, message, data) };
}

export function invalidRequest(message = 'Invalid Request', data?: JsonValue): ErrorCode {
  return { tag: 'invalid-request', val: record(INVALID_REQUEST, message, data) };
}

/** The message every chain ends with (contract: "Method not found: <method>"). */
export function methodNotFound(method: string, data?: JsonValue): ErrorCode {
  return { tag: 'method-not-found', val: record(METHOD_NOT_FOUND, `Method not found: ${method}`, data) };
}

export function invalidParams(message = 'Invalid params', data?: JsonValue): ErrorCode {
  return { tag: 'invalid-params', val: record(INVALID_PARAMS, message, data) };
}

export function internalError(message = 'Internal error', data?: JsonValue): ErrorCode {
  return { tag: 'internal-error', val: record(INTERNAL_ERROR, message, data) };
}

/** MCP's -32002 with the URI as data, as the resources page of the spec shows it. */
export function resourceNotFound(uri: string): ErrorCode {
  return { tag: 'mcp', val: record(RESOURCE_NOT_FOUND, 'Resource not found', { uri }) };
}

/** Implementation-defined JSON-RPC server error (-32000..-32099). */
export function serverError(code: number | bigint, message: string, data?: JsonValue): ErrorCode {
  return { tag: 'server', val: record(code, message, data) };
}

/** Any other code of the JSON-RPC reserved range (-32768..-32000). */
export function jsonRpcError(code: number | bigint, message: string, data?: JsonValue): ErrorCode {
  return { tag: 'json-rpc', val: record(code, message, data) };
}

/** MCP- or application-defined error codes. */
export function mcpError(code: number | bigint, message: string, data?: JsonValue): ErrorCode {
  return { tag: 'mcp', val: record(code, message, data) };
}

/** The case a numeric code belongs to; the inverse of what `errorCodeToJson` writes. */
export function errorCodeFromCode(code: bigint, message: string, data?: string): ErrorCode {
  const val: WitError = { code, message, data };
  const n = Number(code);
  switch (n) {
    case PARSE_ERROR:
      return { tag: 'parse-error', val };
    case INVALID_REQUEST:
      return { tag: 'invalid-request', val };
    case METHOD_NOT_FOUND:
      return { tag: 'method-not-found', val };
    case INVALID_PARAMS:
      return { tag: 'invalid-params', val };
    case INTERNAL_ERROR:
      return { tag: 'internal-error', val };
  }
  if (MCP_CODES.includes(n)) return { tag: 'mcp', val };
  if (n <= -32000 && n >= -32099) return { tag: 'server', val };
  if (n <= -32000 && n >= -32768) return { tag: 'json-rpc', val };
  return { tag: 'mcp', val };
}

/** Whether a downstream answer means "nobody owns this" (the end of the chain). */
export function isMethodNotFound(ec: ErrorCode): boolean {
  return ec.tag === 'method-not-found';
}

/** The record inside any case. */
export function errorRecord(ec: ErrorCode): WitError {
  switch (ec.tag) {
    case 'parse-error':
    case 'invalid-request':
    case 'method-not-found':
    case 'invalid-params':
    case 'internal-error':
    case 'server':
    case 'json-rpc':
    case 'mcp':
      return ec.val;
    default: {
      const _exhaustive: never = ec;
      return _exhaustive;
    }
  }
}

/** The standard cases always carry their standard code, whatever the record says. */
function wireCode(ec: ErrorCode): number {
  switch (ec.tag) {
    case 'parse-error':
      return PARSE_ERROR;
    case 'invalid-request':
      return INVALID_REQUEST;
    case 'method-not-found':
      return METHOD_NOT_FOUND;
    case 'invalid-params':
      return INVALID_PARAMS;
    case 'internal-error':
      return INTERNAL_ERROR;
    case 'server':
    case 'json-rpc':
    case 'mcp':
      return Number(ec.val.code);
    default: {
      const _exhaustive: never = ec;
      return _exhaustive;
    }
  }
}

/** The JSON-RPC error object. `data` that is not JSON text is sent as a JSON string. */
export function errorCodeToJson(ec: ErrorCode): JsonRpcErrorObject {
  const { message, data } = errorRecord(ec);
  const out: JsonRpcErrorObject = { code: wireCode(ec), message };
  if (data !== undefined) {
    const parsed = parseJson(data);
    out.data = parsed.ok ? (parsed.value as JsonValue) : data;
  }
  return out;
}

/** An error-code from a JSON-RPC error object, or undefined if it is not one. */
export function errorCodeFromJson(json: unknown): ErrorCode | undefined {
  if (!isJsonObject(json)) return undefined;
  const code = Object.hasOwn(json, 'code') ? json.code : undefined;
  const message = Object.hasOwn(json, 'message') ? json.message : undefined;
  if (typeof message !== 'string') return undefined;
  let big: bigint;
  if (typeof code === 'number' && Number.isSafeInteger(code)) big = BigInt(code);
  else if (typeof code === 'bigint' && BigInt.asIntN(64, code) === code) big = code;
  else return undefined;
  const data = Object.hasOwn(json, 'data') && json.data !== undefined ? stringifyJson(json.data) : undefined;
  return errorCodeFromCode(big, message, data);
}

/**
 * An error-code as an exception, for unwinding inside this library and the components' logic.
 * Catch it before a component boundary and return its `errorCode` instead.
 */
export class ProtocolError extends Error {
  readonly errorCode: ErrorCode;
  constructor(errorCode: ErrorCode) {
    super(errorRecord(errorCode).message);
    this.name = 'ProtocolError';
    this.errorCode = errorCode;
  }
}
