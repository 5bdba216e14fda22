// Multi round-trip requests (MCP 2026-07-28, SEP-2322): a tools/call, prompts/get or
// resources/read that needs the client (elicitation, sampling, roots) answers with an
// input-required result; the client retries the request with the answers (`inputResponses`)
// and the `requestState` it was given. Nothing is kept between the rounds on the server: the
// answers of earlier rounds travel in `requestState`, sealed with HMAC-SHA-256 under a key from
// configuration and bound to the request (method, name, arguments, caller), so a state altered
// or presented with another request is refused.
//
// How the pieces meet without changing the WIT contract: the transport hands the retry's
// `inputResponses`, `requestState` and the request's binding down the chain in a pseudo-header
// (like the request's `_meta`), and a handler's input-required answer comes back as an ordinary
// result whose `_meta` holds it under INPUT_REQUIRED_META, which the transport turns into the
// 2026-07-28 result.
import { decodeBase64, encodeBase64 } from './base64.js';
import { equalBytes, hmacSha256, sha256 } from './hmac-sha256.js';
import { isJsonObject, parseJson, stringifyJson, type JsonObject, type JsonValue } from './json.js';
import type { MessageContext } from './wit/wasmcp-mcp-v20251125-server-handler.js';

/** The result `_meta` key carrying a handler's input-required answer to the transport. */
export const INPUT_REQUIRED_META = 'dev.wasmcp-ts/input-required';
/** The pseudo-header carrying a request's round-trip input to the chain (JSON). */
export const REQUEST_INPUT_HEADER = 'mcp-request-input';
/** The requests that may answer input-required (SEP-2322). */
export const INPUT_REQUIRED_METHODS: readonly string[] = ['tools/call', 'prompts/get', 'resources/read'];

export type InputRequestMethod = 'elicitation/create' | 'sampling/createMessage' | 'roots/list';
/** The client capability each kind of input request needs. */
export const INPUT_CAPABILITY: Record<InputRequestMethod, string> = {
  'elicitation/create': 'elicitation',
  'sampling/createMessage': 'sampling',
  'roots/list': 'roots',
};

export interface RequestInput {
  /** The retry's `inputResponses` (an object, else none). */
  inputResponses: JsonObject;
  requestState?: string;
  /** What the request is (method, name or URI, arguments): a state is good only for the same. */
  binding: string;
}

const encoder = new TextEncoder();
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** For the transport: the pseudo-header of a 2026-07-28 request that may answer input-required. */
export function requestInputHeader(method: string, request: JsonObject): [string, string] | undefined {
  if (!INPUT_REQUIRED_METHODS.includes(method)) return undefined;
  const params = isJsonObject(request.params) ? request.params : {};
  const { inputResponses, requestState, name, uri, arguments: args } = params as Record<string, JsonValue | undefined>;
  const input: JsonObject = {
    binding: hex(sha256(encoder.encode(stringifyJson([method, name ?? null, uri ?? null, args ?? null])))),
  };
  if (isJsonObject(inputResponses)) input.inputResponses = inputResponses as JsonObject;
  if (typeof requestState === 'string') input.requestState = requestState;
  return [REQUEST_INPUT_HEADER, stringifyJson(input)];
}

/** For a handler: the round-trip input of the request being handled (undefined outside 2026-07-28). */
export function requestInputOf(ctx: MessageContext): RequestInput | undefined {
  const entry = ctx.httpContext?.headers.find(([name]) => name === REQUEST_INPUT_HEADER);
  const parsed = entry ? parseJson(entry[1]) : undefined;
  if (!parsed?.ok || !isJsonObject(parsed.value) || typeof parsed.value.binding !== 'string') return undefined;
  const { inputResponses, requestState, binding } = parsed.value;
  return {
    inputResponses: isJsonObject(inputResponses) ? (inputResponses as JsonObject) : {},
    requestState: typeof requestState === 'string' ? requestState : undefined,
    binding,
  };
}

/**
 * How long a request state is good for: long enough for a person to answer an elicitation,
 * short enough that a leaked state cannot be replayed for long (the specification's "short expiry").
 */
export const REQUEST_STATE_TTL_MS = 15 * 60 * 1000;

/** The request state for the next round: the answers so far, bound to the request and the caller, until it expires. */
export function sealRequestState(key: Uint8Array, binding: string, subject: string | undefined, answers: JsonObject, now = Date.now()): string {
  const payload = encodeBase64(encoder.encode(stringifyJson({ v: 1, b: binding, s: subject ?? null, x: now + REQUEST_STATE_TTL_MS, a: answers })));
  return `${payload}.${encodeBase64(hmacSha256(key, encoder.encode(payload)))}`;
}

/** The answers a request state carries, if it is ours, unaltered, for this request and caller, and not expired. */
export function openRequestState(
  key: Uint8Array,
  state: string,
  binding: string,
  subject: string | undefined,
  now = Date.now(),
): { ok: true; answers: JsonObject } | { ok: false; reason: string } {
  const [payload, mac, ...rest] = state.split('.');
  const expected = payload === undefined ? undefined : hmacSha256(key, encoder.encode(payload));
  const given = mac === undefined ? undefined : decodeBase64(mac);
  if (rest.length > 0 || !expected || !given || !equalBytes(expected, given)) return { ok: false, reason: 'it does not verify (altered, or not issued by this server)' };
  const bytes = decodeBase64(payload);
  const parsed = bytes ? parseJson(new TextDecoder().decode(bytes)) : undefined;
  if (!parsed?.ok || !isJsonObject(parsed.value)) return { ok: false, reason: 'it is malformed' };
  const sealed = parsed.value;
  if (sealed.b !== binding) return { ok: false, reason: 'it was issued for another request' };
  if (sealed.s !== (subject ?? null)) return { ok: false, reason: 'it was issued to another caller' };
  if (typeof sealed.x !== 'number' || sealed.x <= now) return { ok: false, reason: 'it has expired (retry the request from the start)' };
  return { ok: true, answers: isJsonObject(sealed.a) ? (sealed.a as JsonObject) : {} };
}

/** The key sealing request states: WASMCP_REQUEST_STATE_KEY's bytes. */
export function requestStateKey(configured: string | undefined): Uint8Array | undefined {
  return configured ? encoder.encode(configured) : undefined;
}

/** For the transport: the 2026-07-28 input-required result a handler's answer stands for, if it does. */
export function inputRequiredOf(result: JsonObject): JsonObject | undefined {
  const meta = isJsonObject(result._meta) ? result._meta : undefined;
  const marked = meta?.[INPUT_REQUIRED_META];
  if (!isJsonObject(marked)) return undefined;
  const out: JsonObject = { resultType: 'input_required' };
  if (isJsonObject(marked.inputRequests)) out.inputRequests = marked.inputRequests as JsonObject;
  if (typeof marked.requestState === 'string') out.requestState = marked.requestState;
  return out;
}
