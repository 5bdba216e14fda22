// HTTP answers that carry a JSON-RPC error body, so a client always gets a readable reason.
import { encodeServerError, errorCodeFromCode, stringifyJson } from '@wasmcp-ts/protocol';
import type { ErrorCode, RequestId } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { HttpExchange } from './http-exchange.js';

export const JSON_HEADERS = { 'content-type': 'application/json' };

export function errorBody(id: RequestId | undefined, error: ErrorCode): string {
  return stringifyJson(encodeServerError(id, error));
}

/** An HTTP error status with a JSON-RPC error body (code -32600 unless given). */
export function rejectRequest(
  exchange: HttpExchange,
  status: number,
  message: string,
  options: { code?: number; headers?: Record<string, string>; id?: RequestId } = {},
): void {
  const error = errorCodeFromCode(BigInt(options.code ?? -32600), message);
  exchange.respond(status, { ...JSON_HEADERS, ...options.headers }, errorBody(options.id, error));
}
