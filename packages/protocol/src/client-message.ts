// Client -> server messages as a whole: JSON-RPC text/values <-> the WIT `client-message`.
import { clientRequestFromJson, clientRequestToJson } from './client-request.js';
import { clientResultFromJson, clientResultToJson, detectClientResult } from './client-result.js';
import { invalidRequest, methodNotFound, parseError } from './errors.js';
import { parseJson } from './json.js';
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
  type JsonRpcMessage,
  type ResultHint,
} from './jsonrpc.js';
import { clientNotificationFromJson, clientNotificationToJson } from './notifications.js';
import type { ClientMessage, ClientResult } from './wit/wasmcp-mcp-v20251125-mcp.js';

/** Which server request a response answers; without it the result's fields decide. */
export type ClientResultHint = ResultHint<ClientResult['tag']>;

/** JSON text from a client. Never throws; malformed JSON is parse-error (-32700). */
export function parseClientMessage(text: string, hint?: ClientResultHint): Decoded<ClientMessage> {
  const parsed = typeof text === 'string' ? parseJson(text) : { ok: false as const, message: 'input is not text' };
  if (!parsed.ok) return { ok: false, ignorable: false, id: undefined, error: parseError(`Parse error: ${parsed.message}`) };
  return decodeClientMessage(parsed.value, hint);
}

/**
 * An already-parsed JSON value from a client. Never throws. Not JSON-RPC 2.0: -32600; unknown
 * request method: -32601; bad params: -32602; unknown or bad notifications and unusable
 * responses come back `ignorable` (they get no answer).
 */
export function decodeClientMessage(json: unknown, hint?: ClientResultHint): Decoded<ClientMessage> {
  const env = readEnvelope(json);
  if ('ok' in env) return env;
  switch (env.kind) {
    case 'request':
      return decodeWith(env.id, false, () => {
        const decoded = clientRequestFromJson(env.method, env.params);
        if (decoded === undefined) return { ok: false, ignorable: false, id: env.id, error: methodNotFound(env.method) };
        const message: ClientMessage = { tag: 'request', val: [env.id, decoded.request] };
        return decoded.rawProtocolVersion === undefined ? { ok: true, message } : { ok: true, message, rawProtocolVersion: decoded.rawProtocolVersion };
      });
    case 'notification':
      return decodeWith(undefined, true, () => {
        const decoded = clientNotificationFromJson(env.method, env.params);
        if (decoded === undefined) return { ok: false, ignorable: true, id: undefined, error: methodNotFound(env.method) };
        return { ok: true, message: { tag: 'notification', val: decoded } };
      });
    case 'result':
      return decodeWith(env.id, true, () => {
        const tag = hint?.(env.id) ?? detectClientResult(env.result);
        if (tag === undefined) {
          return { ok: false, ignorable: true, id: env.id, error: invalidRequest('Invalid Request: the result answers no request a server sends') };
        }
        return { ok: true, message: { tag: 'result', val: [env.id, clientResultFromJson(tag, env.result)] } };
      });
    case 'error':
      return { ok: true, message: { tag: 'error', val: [env.id, env.error] } };
    default: {
      const _exhaustive: never = env;
      return _exhaustive;
    }
  }
}

/** A client message as JSON-RPC (what a client sends). */
export function encodeClientMessage(message: ClientMessage): Encoded<JsonRpcMessage> {
  switch (message.tag) {
    case 'request': {
      const [id, req] = message.val;
      return encodeWith(() => {
        const { method, params } = clientRequestToJson(req);
        return request(id, method, params);
      });
    }
    case 'result': {
      const [id, result] = message.val;
      return encodeWith(() => resultResponse(id, clientResultToJson(result)));
    }
    case 'error':
      return { ok: true, value: errorResponse(message.val[0], message.val[1]) };
    case 'notification': {
      const n = message.val;
      return encodeWith(() => {
        const { method, params } = clientNotificationToJson(n);
        return notification(method, params);
      });
    }
    default: {
      const _exhaustive: never = message;
      return _exhaustive;
    }
  }
}

export function encodeClientMessageToString(message: ClientMessage): Encoded<string> {
  return encodedText(encodeClientMessage(message));
}
