// Server requests: what a server asks of the client (elicitation, roots, sampling, ping).
import { decodeElicitRequest, encodeElicitRequest } from './elicitation.js';
import { paramsObject, requiredParams } from './fields.js';
import type { JsonObject } from './json.js';
import { optionalParams } from './jsonrpc.js';
import { SERVER_REQUEST_METHODS } from './methods.js';
import { decodePing, decodeRequestMeta, encodePing, encodeRequestMeta } from './request-meta.js';
import { decodeSamplingRequest, encodeSamplingRequest } from './sampling.js';
import type { ServerRequest } from './wit/wasmcp-mcp-v20251125-mcp.js';

/** The request of a method, or undefined for a method servers cannot send (-32601). */
export function serverRequestFromJson(method: string, params: unknown): ServerRequest | undefined {
  switch (method) {
    case SERVER_REQUEST_METHODS['elicitation-create']:
      return { tag: 'elicitation-create', val: decodeElicitRequest(requiredParams(params)) };
    case SERVER_REQUEST_METHODS['roots-list']:
      return { tag: 'roots-list', val: decodeRequestMeta(paramsObject(params), 'params') };
    case SERVER_REQUEST_METHODS['sampling-create-message']:
      return { tag: 'sampling-create-message', val: decodeSamplingRequest(requiredParams(params)) };
    case SERVER_REQUEST_METHODS.ping:
      return { tag: 'ping', val: decodePing(params) };
    default:
      return undefined;
  }
}

export function serverRequestToJson(r: ServerRequest): { method: string; params: JsonObject | undefined } {
  const method = SERVER_REQUEST_METHODS[r.tag];
  switch (r.tag) {
    case 'elicitation-create':
      return { method, params: encodeElicitRequest(r.val) };
    case 'roots-list': {
      const meta = encodeRequestMeta(r.val.meta, r.val.progressToken, 'params');
      return { method, params: optionalParams(meta === undefined ? {} : { _meta: meta }) };
    }
    case 'sampling-create-message':
      return { method, params: encodeSamplingRequest(r.val) };
    case 'ping':
      return { method, params: encodePing(r.val) };
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}
