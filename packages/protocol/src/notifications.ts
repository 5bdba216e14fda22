// Notifications of both directions. `notification-options.extras` holds every params field but
// `_meta` (as a JSON object text) so list_changed/initialized lose nothing; the other
// notifications' WIT records have no `_meta`, so theirs is dropped.
import { LOG_LEVELS } from './enums.js';
import { extraFieldsText, get, optMeta, optNumber, optString, paramsObject, reqEnum, reqNumber, reqString, reject, type Obj } from './fields.js';
import { stringifyJson, jsonObject, type JsonObject } from './json.js';
import { lenientJsonTextValue, optJsonTextValue, spreadJsonText } from './json-text.js';
import { decodeProgressToken, decodeRequestId, optionalParams, progressTokenToJson, requestIdToJson } from './jsonrpc.js';
import { CLIENT_NOTIFICATION_METHODS, SERVER_NOTIFICATION_METHODS } from './methods.js';
import type {
  CancelledNotification,
  ClientNotification,
  LoggingMessageNotification,
  NotificationOptions,
  ProgressNotification,
  ServerNotification,
} from './wit/wasmcp-mcp-v20251125-mcp.js';

function decodeOptions(params: unknown): NotificationOptions {
  const o = paramsObject(params);
  return { meta: optMeta(o, 'params'), extras: extraFieldsText(o, ['_meta']) };
}

function encodeOptions(opts: NotificationOptions): JsonObject | undefined {
  const out: JsonObject = {};
  spreadJsonText(out, opts.extras, 'params.extras');
  const meta = optJsonTextValue(opts.meta, 'params.meta');
  if (meta !== undefined) out._meta = meta;
  return optionalParams(out);
}

/** WIT requires the request id the spec leaves optional (it is optional only for tasks). */
function decodeCancelled(params: unknown): CancelledNotification {
  const o = paramsObject(params);
  return { requestId: decodeRequestId(get(o, 'requestId'), 'params.requestId'), reason: optString(o, 'reason', 'params') };
}

function encodeCancelled(n: CancelledNotification): JsonObject {
  return jsonObject({ requestId: requestIdToJson(n.requestId), reason: n.reason });
}

function decodeProgress(params: unknown): ProgressNotification {
  const o = paramsObject(params);
  return {
    progressToken: decodeProgressToken(get(o, 'progressToken'), 'params.progressToken'),
    progress: reqNumber(o, 'progress', 'params'),
    total: optNumber(o, 'total', 'params'),
    message: optString(o, 'message', 'params'),
  };
}

function encodeProgress(n: ProgressNotification): JsonObject {
  return jsonObject({ progressToken: progressTokenToJson(n.progressToken), progress: n.progress, total: n.total, message: n.message });
}

function decodeLog(params: unknown): LoggingMessageNotification {
  const o: Obj = paramsObject(params);
  const data = get(o, 'data');
  if (data === undefined) reject('params.data is required');
  return { level: reqEnum(o, 'level', 'params', LOG_LEVELS), logger: optString(o, 'logger', 'params'), data: stringifyJson(data) };
}

/** Log `data` may be any value: text that is not JSON is logged as a string. */
function encodeLog(n: LoggingMessageNotification): JsonObject {
  return jsonObject({ level: n.level, logger: n.logger, data: lenientJsonTextValue(n.data) });
}

/** The notification of a method, or undefined for a method this direction does not define. */
export function clientNotificationFromJson(method: string, params: unknown): ClientNotification | undefined {
  switch (method) {
    case CLIENT_NOTIFICATION_METHODS.initialized:
      return { tag: 'initialized', val: decodeOptions(params) };
    case CLIENT_NOTIFICATION_METHODS['roots-list-changed']:
      return { tag: 'roots-list-changed', val: decodeOptions(params) };
    case CLIENT_NOTIFICATION_METHODS.cancelled:
      return { tag: 'cancelled', val: decodeCancelled(params) };
    case CLIENT_NOTIFICATION_METHODS.progress:
      return { tag: 'progress', val: decodeProgress(params) };
    default:
      return undefined;
  }
}

export function clientNotificationToJson(n: ClientNotification): { method: string; params: JsonObject | undefined } {
  const method = CLIENT_NOTIFICATION_METHODS[n.tag];
  switch (n.tag) {
    case 'initialized':
    case 'roots-list-changed':
      return { method, params: encodeOptions(n.val) };
    case 'cancelled':
      return { method, params: encodeCancelled(n.val) };
    case 'progress':
      return { method, params: encodeProgress(n.val) };
    default: {
      const _exhaustive: never = n;
      return _exhaustive;
    }
  }
}

export function serverNotificationFromJson(method: string, params: unknown): ServerNotification | undefined {
  switch (method) {
    case SERVER_NOTIFICATION_METHODS['tools-list-changed']:
      return { tag: 'tools-list-changed', val: decodeOptions(params) };
    case SERVER_NOTIFICATION_METHODS['resources-list-changed']:
      return { tag: 'resources-list-changed', val: decodeOptions(params) };
    case SERVER_NOTIFICATION_METHODS['prompts-list-changed']:
      return { tag: 'prompts-list-changed', val: decodeOptions(params) };
    case SERVER_NOTIFICATION_METHODS['resources-updated']: {
      const o = paramsObject(params);
      return { tag: 'resources-updated', val: { uri: reqString(o, 'uri', 'params'), meta: optMeta(o, 'params') } };
    }
    case SERVER_NOTIFICATION_METHODS.log:
      return { tag: 'log', val: decodeLog(params) };
    case SERVER_NOTIFICATION_METHODS.cancellation:
      return { tag: 'cancellation', val: decodeCancelled(params) };
    case SERVER_NOTIFICATION_METHODS.progress:
      return { tag: 'progress', val: decodeProgress(params) };
    case SERVER_NOTIFICATION_METHODS['elicitation-complete']:
      return { tag: 'elicitation-complete', val: { elicitationId: reqString(paramsObject(params), 'elicitationId', 'params') } };
    default:
      return undefined;
  }
}

export function serverNotificationToJson(n: ServerNotification): { method: string; params: JsonObject | undefined } {
  const method = SERVER_NOTIFICATION_METHODS[n.tag];
  switch (n.tag) {
    case 'tools-list-changed':
    case 'resources-list-changed':
    case 'prompts-list-changed':
      return { method, params: encodeOptions(n.val) };
    case 'resources-updated':
      return { method, params: jsonObject({ uri: n.val.uri, _meta: optJsonTextValue(n.val.meta, 'params.meta') }) };
    case 'log':
      return { method, params: encodeLog(n.val) };
    case 'cancellation':
      return { method, params: encodeCancelled(n.val) };
    case 'progress':
      return { method, params: encodeProgress(n.val) };
    case 'elicitation-complete':
      return { method, params: { elicitationId: n.val.elicitationId } };
    default: {
      const _exhaustive: never = n;
      return _exhaustive;
    }
  }
}
