// Client requests: JSON-RPC method + params <-> the WIT `client-request` variant.
// Not in WIT, so dropped: `_meta` of requests other than ping (so their progress tokens), and
// the `task` param of tools/call.
import { optObjectText, optRecord, optString, paramsObject, reject, reqEnum, reqRecord, reqString, requiredParams, type Obj } from './fields.js';
import { LOG_LEVELS } from './enums.js';
import { decodeInitializeRequest, encodeInitializeRequest } from './initialize.js';
import { jsonObject, type JsonObject } from './json.js';
import { optJsonTextValue } from './json-text.js';
import { CLIENT_REQUEST_METHODS } from './methods.js';
import { decodePing, encodePing } from './request-meta.js';
import type { ClientRequest, CompleteRequest, CompletionReference } from './wit/wasmcp-mcp-v20251125-mcp.js';

function cursorOf(params: unknown): { cursor?: string } {
  return { cursor: optString(paramsObject(params), 'cursor', 'params') };
}

function cursorParams(r: { cursor?: string }): JsonObject | undefined {
  return r.cursor === undefined ? undefined : { cursor: r.cursor };
}

function decodeReference(o: Obj, path: string): CompletionReference {
  const type = reqString(o, 'type', path);
  switch (type) {
    case 'ref/prompt':
      return { tag: 'prompt', val: { name: reqString(o, 'name', path), title: optString(o, 'title', path) } };
    case 'ref/resource':
      return { tag: 'resource-template', val: reqString(o, 'uri', path) };
    default:
      return reject(`${path}.type must be ref/prompt or ref/resource`);
  }
}

function decodeComplete(params: Obj): CompleteRequest {
  const p = 'params';
  return {
    ref: reqRecord(params, 'ref', p, decodeReference),
    argument: reqRecord(params, 'argument', p, (o, where) => ({ name: reqString(o, 'name', where), value: reqString(o, 'value', where) })),
    context: optRecord(params, 'context', p, (o, where) => ({ arguments: optObjectText(o, 'arguments', where) })),
  };
}

function encodeComplete(r: CompleteRequest): JsonObject {
  const ref = r.ref.tag === 'prompt'
    ? jsonObject({ type: 'ref/prompt', name: r.ref.val.name, title: r.ref.val.title })
    : { type: 'ref/resource', uri: r.ref.val };
  return jsonObject({
    ref,
    argument: { name: r.argument.name, value: r.argument.value },
    context: r.context && jsonObject({ arguments: optJsonTextValue(r.context.arguments, 'params.context.arguments') }),
  });
}

export interface DecodedClientRequest {
  request: ClientRequest;
  rawProtocolVersion?: string;
}

/** The request of a method, or undefined for a method clients cannot send (-32601). */
export function clientRequestFromJson(method: string, params: unknown): DecodedClientRequest | undefined {
  const M = CLIENT_REQUEST_METHODS;
  switch (method) {
    case M.initialize: {
      const { request, rawProtocolVersion } = decodeInitializeRequest(requiredParams(params));
      return { request: { tag: 'initialize', val: request }, rawProtocolVersion };
    }
    case M['tools-list']:
      return { request: { tag: 'tools-list', val: cursorOf(params) } };
    case M['tools-call']: {
      const o = requiredParams(params);
      return { request: { tag: 'tools-call', val: { name: reqString(o, 'name', 'params'), arguments: optObjectText(o, 'arguments', 'params') } } };
    }
    case M['resources-list']:
      return { request: { tag: 'resources-list', val: cursorOf(params) } };
    case M['resources-read']:
      return { request: { tag: 'resources-read', val: { uri: reqString(requiredParams(params), 'uri', 'params') } } };
    case M['resources-templates-list']:
      return { request: { tag: 'resources-templates-list', val: cursorOf(params) } };
    case M['prompts-list']:
      return { request: { tag: 'prompts-list', val: cursorOf(params) } };
    case M['prompts-get']: {
      const o = requiredParams(params);
      return { request: { tag: 'prompts-get', val: { name: reqString(o, 'name', 'params'), arguments: optObjectText(o, 'arguments', 'params') } } };
    }
    case M['completion-complete']:
      return { request: { tag: 'completion-complete', val: decodeComplete(requiredParams(params)) } };
    case M['logging-set-level']:
      return { request: { tag: 'logging-set-level', val: reqEnum(requiredParams(params), 'level', 'params', LOG_LEVELS) } };
    case M.ping:
      return { request: { tag: 'ping', val: decodePing(params) } };
    case M['resources-subscribe']:
      return { request: { tag: 'resources-subscribe', val: reqString(requiredParams(params), 'uri', 'params') } };
    case M['resources-unsubscribe']:
      return { request: { tag: 'resources-unsubscribe', val: reqString(requiredParams(params), 'uri', 'params') } };
    default:
      return undefined;
  }
}

export function clientRequestToJson(r: ClientRequest): { method: string; params: JsonObject | undefined } {
  const method = CLIENT_REQUEST_METHODS[r.tag];
  switch (r.tag) {
    case 'initialize':
      return { method, params: encodeInitializeRequest(r.val) };
    case 'tools-list':
    case 'resources-list':
    case 'resources-templates-list':
    case 'prompts-list':
      return { method, params: cursorParams(r.val) };
    case 'tools-call':
    case 'prompts-get':
      return { method, params: jsonObject({ name: r.val.name, arguments: optJsonTextValue(r.val.arguments, 'params.arguments') }) };
    case 'resources-read':
      return { method, params: { uri: r.val.uri } };
    case 'completion-complete':
      return { method, params: encodeComplete(r.val) };
    case 'logging-set-level':
      return { method, params: { level: r.val } };
    case 'ping':
      return { method, params: encodePing(r.val) };
    case 'resources-subscribe':
    case 'resources-unsubscribe':
      return { method, params: { uri: r.val } };
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}
