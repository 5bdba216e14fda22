// Server -> client messages as a whole: the WIT `server-message` and its parts <-> JSON-RPC.
import { invalidRequest, methodNotFound, parseError } from './errors.js';
import { parseJson, stringifyJson } from './json.js';
import {
  decodeWith,
  encodedText,
  encodeWith,
  errorResponse,
  notification,
  readEnvelope,
  request,
  resultResponse,
  type Decoded,
  type Encoded,
  type JsonRpcErrorResponse,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type JsonRpcResultResponse,
  type ResultHint,
} from './jsonrpc.js';
import { serverNotificationFromJson, serverNotificationToJson } from './notifications.js';
import { serverRequestFromJson, serverRequestToJson } from './server-request.js';
import { detectServerResult, serverResultFromJson, serverResultToJson } from './server-result.js';
import type { ErrorCode, RequestId, ServerMessage, ServerNotification, ServerRequest, ServerResult } from './wit/wasmcp-mcp-v20251125-mcp.js';

/** The response to a request. Fails (internal-error) only on bad JSON text or a failed stream. */
export function encodeServerResult(id: RequestId, result: ServerResult): Encoded<JsonRpcResultResponse> {
  return encodeWith(() => resultResponse(id, serverResultToJson(result)));
}

/** An error response; `id` undefined when the request's id could not be read. Cannot fail. */
export function encodeServerError(id: RequestId | undefined, error: ErrorCode): JsonRpcErrorResponse {
  return errorResponse(id, error);
}

export function encodeServerNotification(n: ServerNotification): Encoded<JsonRpcNotification> {
  return encodeWith(() => {
    const { method, params } = serverNotificationToJson(n);
    return notification(method, params);
  });
}

export function encodeServerRequest(id: RequestId, r: ServerRequest): Encoded<JsonRpcRequest> {
  return encodeWith(() => {
    const { method, params } = serverRequestToJson(r);
    return request(id, method, params);
  });
}

export function encodeServerMessage(message: ServerMessage): Encoded<JsonRpcMessage> {
  switch (message.tag) {
    case 'request':
      return encodeServerRequest(message.val[0], message.val[1]);
    case 'result':
      return encodeServerResult(message.val[0], message.val[1]);
    case 'error':
      return { ok: true, value: encodeServerError(message.val[0], message.val[1]) };
    case 'notification':
      return encodeServerNotification(message.val);
    default: {
      const _exhaustive: never = message;
      return _exhaustive;
    }
  }
}

export function encodeServerResultToString(id: RequestId, result: ServerResult): Encoded<string> {
  return encodedText(encodeServerResult(id, result));
}

export function encodeServerErrorToString(id: RequestId | undefined, error: ErrorCode): string {
  return stringifyJson(encodeServerError(id, error));
}

export function encodeServerNotificationToString(n: ServerNotification): Encoded<string> {
  return encodedText(encodeServerNotification(n));
}

export function encodeServerRequestToString(id: RequestId, r: ServerRequest): Encoded<string> {
  return encodedText(encodeServerRequest(id, r));
}

export function encodeServerMessageToString(message: ServerMessage): Encoded<string> {
  return encodedText(encodeServerMessage(message));
}

/** Which client request a response answers; without it the result's fields decide. */
export type ServerResultHint = ResultHint<ServerResult['tag']>;

/** JSON text from a server (client side, tests). Never throws. */
export function parseServerMessage(text: string, hint?: ServerResultHint): Decoded<ServerMessage> {
  const parsed = typeof text === 'string' ? parseJson(text) : { ok: false as const, message: 'input is not text' };
  if (!parsed.ok) return { ok: false, ignorable: false, id: undefined, error: parseError(`Parse error: ${parsed.message}`) };
  return decodeServerMessage(parsed.value, hint);
}

/** An already-parsed JSON value from a server. Never throws; failures as in decodeClientMessage. */
export function decodeServerMessage(json: unknown, hint?: ServerResultHint): Decoded<ServerMessage> {
  const env = readEnvelope(json);
  if ('ok' in env) return env;
  switch (env.kind) {
    case 'request':
      return decodeWith(env.id, false, () => {
        const decoded = serverRequestFromJson(env.method, env.params);
        if (decoded === undefined) return { ok: false, ignorable: false, id: env.id, error: methodNotFound(env.method) };
        return { ok: true, message: { tag: 'request', val: [env.id, decoded] } };
      });
    case 'notification':
      return decodeWith(undefined, true, () => {
        const decoded = serverNotificationFromJson(env.method, env.params);
        if (decoded === undefined) return { ok: false, ignorable: true, id: undefined, error: methodNotFound(env.method) };
        return { ok: true, message: { tag: 'notification', val: decoded } };
      });
    case 'result':
      return decodeWith(env.id, true, () => {
        const tag = hint?.(env.id) ?? detectServerResult(env.result);
        if (tag === undefined) {
          return { ok: false, ignorable: true, id: env.id, error: invalidRequest('Invalid Request: the result answers no request a client sends') };
        }
        const { result, rawProtocolVersion } = serverResultFromJson(tag, env.result);
        const message: ServerMessage = { tag: 'result', val: [env.id, result] };
        return rawProtocolVersion === undefined ? { ok: true, message } : { ok: true, message, rawProtocolVersion };
      });
    case 'error':
      return { ok: true, message: { tag: 'error', val: [env.id, env.error] } };
    default: {
      const _exhaustive: never = env;
      return _exhaustive;
    }
  }
}
