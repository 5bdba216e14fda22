// Client results: answers to the server's requests (elicitation, roots, sampling).
import { decodeRoot, encodeRoot } from './definitions.js';
import { decodeElicitResult, encodeElicitResult } from './elicitation.js';
import { asObject, get, optMeta, reqList } from './fields.js';
import { isJsonObject, jsonObject, type JsonObject } from './json.js';
import { optJsonTextValue } from './json-text.js';
import { decodeSamplingResult, encodeSamplingResult } from './sampling.js';
import type { ClientResult } from './wit/wasmcp-mcp-v20251125-mcp.js';

/** Which result a bare response holds, by its fields (the spec's shapes share no required field). */
export function detectClientResult(result: unknown): ClientResult['tag'] | undefined {
  if (!isJsonObject(result)) return undefined;
  if (get(result, 'action') !== undefined) return 'elicitation-create';
  if (get(result, 'roots') !== undefined) return 'roots-list';
  if (get(result, 'model') !== undefined && get(result, 'role') !== undefined) return 'sampling-create-message';
  return undefined;
}

export function clientResultFromJson(tag: ClientResult['tag'], result: unknown): ClientResult {
  const o = asObject(result, 'result');
  switch (tag) {
    case 'elicitation-create':
      return { tag, val: decodeElicitResult(o) };
    case 'roots-list':
      return { tag, val: { meta: optMeta(o, 'result'), roots: reqList(o, 'roots', 'result', decodeRoot) } };
    case 'sampling-create-message':
      return { tag, val: decodeSamplingResult(o) };
    default: {
      const _exhaustive: never = tag;
      return _exhaustive;
    }
  }
}

export function clientResultToJson(r: ClientResult): JsonObject {
  switch (r.tag) {
    case 'elicitation-create':
      return encodeElicitResult(r.val);
    case 'roots-list':
      return jsonObject({
        roots: r.val.roots.map((root, i) => encodeRoot(root, `result.roots[${i}]`)),
        _meta: optJsonTextValue(r.val.meta, 'result.meta'),
      });
    case 'sampling-create-message':
      return encodeSamplingResult(r.val);
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}
