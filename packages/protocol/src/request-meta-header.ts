// A request's `_meta` (its progress token above all) has no field in the WIT request records
// (call-tool-request is `{name, arguments}`), so the HTTP transport hands it down the chain as
// one extra entry of `http-context.headers`; a tool reads its progress token from there. The
// stdio transport, which has no HTTP request, hands down an http-context with no method and no
// path that holds just that entry.
import { get } from './fields.js';
import { isJsonObject, parseJson, stringifyJson } from './json.js';
import { decodeProgressToken } from './jsonrpc.js';
import type { ProgressToken } from './wit/wasmcp-mcp-v20251125-mcp.js';
import type { HttpContext, MessageContext } from './wit/wasmcp-mcp-v20251125-server-handler.js';

/** The pseudo-header holding the request's `params._meta` as JSON text. */
export const REQUEST_META_HEADER = 'mcp-request-meta';

/** The header entry for a JSON-RPC request's text, if its params carry a `_meta` object. */
export function requestMetaHeader(requestText: string): [string, string] | undefined {
  if (!requestText.includes('"_meta"')) return undefined;
  const parsed = parseJson(requestText);
  if (!parsed.ok || !isJsonObject(parsed.value)) return undefined;
  const params = get(parsed.value, 'params');
  const meta = isJsonObject(params) ? get(params, '_meta') : undefined;
  return isJsonObject(meta) ? [REQUEST_META_HEADER, stringifyJson(meta)] : undefined;
}

/** For a transport without HTTP: the http-context carrying only the request's `_meta`, if it has one. */
export function requestMetaContext(requestText: string): HttpContext | undefined {
  const meta = requestMetaHeader(requestText);
  return meta && { method: '', path: '', headers: [meta] };
}

/** The progress token of the request being handled, when the client asked for progress. */
export function progressTokenOf(ctx: MessageContext): ProgressToken | undefined {
  const entry = ctx.httpContext?.headers.find(([name]) => name === REQUEST_META_HEADER);
  if (!entry) return undefined;
  const parsed = parseJson(entry[1]);
  if (!parsed.ok || !isJsonObject(parsed.value)) return undefined;
  const token = get(parsed.value, 'progressToken');
  if (token === undefined || token === null) return undefined;
  try {
    return decodeProgressToken(token, '_meta.progressToken');
  } catch {
    return undefined; // not a string or an integer: no token a client could match
  }
}
