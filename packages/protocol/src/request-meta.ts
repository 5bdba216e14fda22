// Request params that WIT keeps (ping, roots/list): the progress token lives inside `_meta` on
// the wire but in its own WIT field, so it is split out and put back; ping keeps the rest too.
import { get, optMeta, paramsObject, type Obj } from './fields.js';
import { setOwn, stringifyJson, type JsonObject } from './json.js';
import { jsonTextValue, spreadJsonText } from './json-text.js';
import { decodeProgressToken, optionalParams, progressTokenToJson } from './jsonrpc.js';
import type { Json, PingRequest, ProgressToken } from './wit/wasmcp-mcp-v20251125-mcp.js';

export function decodeRequestMeta(params: Obj, path: string): { meta?: Json; progressToken?: ProgressToken } {
  const metaText = optMeta(params, path);
  if (metaText === undefined) return {};
  const meta = get(params, '_meta') as Obj;
  const rawToken = get(meta, 'progressToken');
  if (rawToken === undefined || rawToken === null) return { meta: metaText };
  const progressToken = decodeProgressToken(rawToken, `${path}._meta.progressToken`);
  const rest: Obj = {};
  for (const key of Object.keys(meta)) if (key !== 'progressToken') setOwn(rest, key, meta[key]);
  return { progressToken, meta: Object.keys(rest).length > 0 ? stringifyJson(rest) : undefined };
}

export function encodeRequestMeta(meta: Json | undefined, progressToken: ProgressToken | undefined, path: string): JsonObject | undefined {
  if (meta === undefined && progressToken === undefined) return undefined;
  const out: JsonObject = {};
  spreadJsonText(out, meta, `${path}.meta`);
  if (progressToken !== undefined) out.progressToken = progressTokenToJson(progressToken);
  return out;
}

/** `extras` holds params fields other than `_meta`, each as JSON text. */
export function decodePing(params: unknown): PingRequest {
  const o = paramsObject(params);
  const extras = Object.keys(o)
    .filter((k) => k !== '_meta' && o[k] !== undefined)
    .map((k): [string, Json] => [k, stringifyJson(o[k])]);
  return { ...decodeRequestMeta(o, 'params'), extras };
}

export function encodePing(r: PingRequest): JsonObject | undefined {
  const out: JsonObject = {};
  for (const [key, value] of r.extras) setOwn(out, key, jsonTextValue(value, `params.${key}`));
  const meta = encodeRequestMeta(r.meta, r.progressToken, 'params');
  if (meta !== undefined) out._meta = meta;
  return optionalParams(out);
}
