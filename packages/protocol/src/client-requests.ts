// Requests the server sends the client during a tool call (elicitation/create,
// sampling/createMessage). The request goes out on the call's SSE stream; the client answers
// with a POST of its own, which may reach another instance, so the answer is handed over
// through the session's keys (relative to the session, as the sessions interface sees them):
//   __client-request__:{id}   the request is pending (its method); written by the asker
//   __client-response__:{id}  the client's JSON-RPC response, as text; written by the transport
//   __client__:capabilities   what the client declared at initialize; written by the transport
//   __elicitation-json__:{h}  an elicitation's params as its author wrote them (see below)
// An empty value counts as absent, so an asker that can only get and set (the sessions
// interface has no delete) can still withdraw a request and clear an answer.
import { clientResultFromJson } from './client-result.js';
import { decodeElicitRequest, encodeElicitRequest } from './elicitation.js';
import { errorCodeFromJson, errorRecord } from './errors.js';
import { isJsonObject, parseJson, stringifyJson, type JsonObject } from './json.js';
import { blockFor } from './resources.js';
import type { ClientCapabilities, ClientResult, ElicitRequest, RequestId } from './wit/wasmcp-mcp-v20251125-mcp.js';

/** A session's keys, as get/set of strings; `clear` deletes or, without delete, writes ''. */
export interface SessionKeys {
  getString(key: string): string | undefined;
  setString(key: string, value: string): void;
  clear(key: string): void;
}

/** A session's keys in the session bucket, where the sessions component keeps them (`{session}:{key}`). */
export function sessionKeysIn(
  bucket: { getString(key: string): string | undefined; setString(key: string, value: string): void; delete(key: string): void },
  sessionId: string,
): SessionKeys {
  return {
    getString: (key) => bucket.getString(`${sessionId}:${key}`),
    setString: (key, value) => bucket.setString(`${sessionId}:${key}`, value),
    clear: (key) => bucket.delete(`${sessionId}:${key}`),
  };
}

export interface WaitClock {
  /** A monotonic time in milliseconds. */
  nowMs(): number;
  sleep(ms: number): void;
}

/** The wait clock over the wasi:clocks/monotonic-clock import (nanoseconds; a blocking pollable). */
export function monotonicWaitClock(clock: { now(): bigint; subscribeDuration(ns: bigint): { block(): void } }): WaitClock {
  return {
    nowMs: () => Number(clock.now() / 1_000_000n),
    sleep: (ms) => blockFor(clock, ms),
  };
}

export type ClientRequestMethod = 'elicitation/create' | 'sampling/createMessage';

const pendingKey = (id: string) => `__client-request__:${id}`;
const responseKey = (id: string) => `__client-response__:${id}`;
const CLIENT_CAPABILITIES_KEY = '__client__:capabilities';

const DEFAULT_CLIENT_REQUEST_TIMEOUT_SECONDS = 60;
const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 100;

/** WASMCP_CLIENT_REQUEST_TIMEOUT: how long a tool waits for the client's answer, in seconds (default 60). */
export function clientRequestTimeoutMs(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_CLIENT_REQUEST_TIMEOUT_SECONDS * 1000;
  const seconds = Number(value.trim());
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(seconds > 0)) {
    throw new Error(`WASMCP_CLIENT_REQUEST_TIMEOUT must be a number of seconds greater than 0, got ${JSON.stringify(value)}`);
  }
  return Math.round(seconds * 1000);
}

/** A fresh id for a server-to-client request: 8 random bytes, so instances never collide. */
export function clientRequestId(randomBytes: Uint8Array): string {
  return `server-request-${Array.from(randomBytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The transport's record of what the client declared at initialize. Elicitation has modes:
 * `elicitation: {}` means form only (2025-06-18 clients), else the keys `form` and `url` say.
 */
export function recordClientCapabilities(keys: SessionKeys, capabilities: ClientCapabilities): void {
  const elicitation = capabilities.elicitation === undefined ? undefined : parseJson(capabilities.elicitation);
  const modes = elicitation?.ok && isJsonObject(elicitation.value) ? Object.keys(elicitation.value) : [];
  const record = {
    elicitation: capabilities.elicitation !== undefined,
    elicitationForm: capabilities.elicitation !== undefined && (modes.length === 0 || modes.includes('form')),
    elicitationUrl: modes.includes('url'),
    sampling: capabilities.sampling !== undefined,
  };
  keys.setString(CLIENT_CAPABILITIES_KEY, stringifyJson(record));
}

/**
 * Refuses a request the client declared it cannot serve (for elicitation, in that mode); a
 * session without a record allows it.
 */
export function requireClientCapability(keys: SessionKeys, method: ClientRequestMethod, elicitationMode?: 'form' | 'url'): void {
  const text = keys.getString(CLIENT_CAPABILITIES_KEY);
  if (!text) return;
  const parsed = parseJson(text);
  const declared = parsed.ok && isJsonObject(parsed.value) ? parsed.value : {};
  const capability = method === 'elicitation/create' ? 'elicitation' : 'sampling';
  if (declared[capability] === false) {
    throw new Error(`the client did not declare the ${capability} capability at initialize, so it cannot answer ${method}`);
  }
  const modeKey = elicitationMode === 'url' ? 'elicitationUrl' : elicitationMode === 'form' ? 'elicitationForm' : undefined;
  if (modeKey && declared[modeKey] === false) {
    throw new Error(`the client did not declare ${elicitationMode} mode elicitation (capabilities.elicitation.${elicitationMode}) at initialize`);
  }
}

/** Marks the request pending; call before the request goes out, so a fast answer is not dropped. */
export function markClientRequestPending(keys: SessionKeys, id: string, method: ClientRequestMethod): void {
  keys.setString(pendingKey(id), method);
}

/** Withdraws a pending request (it could not be sent, or the wait is over): a late answer is dropped. */
export function withdrawClientRequest(keys: SessionKeys, id: string): void {
  keys.clear(pendingKey(id));
}

/**
 * The transport's side: stores a client's response when it answers a pending request of this
 * session. Returns false (and stores nothing) for any other id.
 */
export function handOverClientResponse(keys: SessionKeys, id: RequestId, responseText: string): boolean {
  if (id.tag !== 'string') return false; // our ids are strings
  if (!keys.getString(pendingKey(id.val))) return false;
  keys.setString(responseKey(id.val), responseText);
  keys.clear(pendingKey(id.val));
  return true;
}

/**
 * Waits for the client's response to request `id`, polling the session's keys (quickly at
 * first, then every 100 ms). On timeout the request is withdrawn, so a late answer is
 * dropped, and an Error says how long it waited.
 */
export function awaitClientResponse(keys: SessionKeys, id: string, method: ClientRequestMethod, clock: WaitClock, timeoutMs: number): string {
  const deadline = clock.nowMs() + timeoutMs;
  for (let interval = FIRST_POLL_MS; ; interval = Math.min(interval * 2, MAX_POLL_MS)) {
    const answer = keys.getString(responseKey(id));
    if (answer) {
      keys.clear(responseKey(id));
      return answer;
    }
    const left = deadline - clock.nowMs();
    if (left <= 0) break;
    clock.sleep(Math.min(interval, left));
  }
  withdrawClientRequest(keys, id);
  // The answer may have landed between the last look and the withdrawal.
  const late = keys.getString(responseKey(id));
  if (late) {
    keys.clear(responseKey(id));
    return late;
  }
  throw new Error(`the client did not answer ${method} within ${timeoutMs / 1000} s (WASMCP_CLIENT_REQUEST_TIMEOUT)`);
}

/**
 * The result of the client's response (JSON-RPC text) to `method`; an error response or a
 * result that is not one of `method` becomes an Error saying so.
 */
export function clientResponseResult(text: string, method: ClientRequestMethod): JsonObject {
  const parsed = parseJson(text);
  const response = parsed.ok && isJsonObject(parsed.value) ? parsed.value : undefined;
  if (response && isJsonObject(response.result)) return response.result as JsonObject;
  const error = response && errorCodeFromJson(response.error);
  if (error) {
    const { code, message } = errorRecord(error);
    throw new Error(`the client answered ${method} with error ${code}: ${message}`);
  }
  throw new Error(`the client's answer to ${method} is neither a result nor an error: ${text.slice(0, 200)}`);
}

type ClientResultOf<Tag extends ClientResult['tag']> = Extract<ClientResult, { tag: Tag }> extends { val: infer V } ? V : never;

/** The WIT form of the client's result; an Error names what is wrong with it. */
export function decodeClientResponse<Tag extends ClientResult['tag']>(text: string, method: ClientRequestMethod, tag: Tag): ClientResultOf<Tag> {
  const result = clientResponseResult(text, method);
  try {
    return clientResultFromJson(tag, result).val as ClientResultOf<Tag>;
  } catch (err) {
    throw new Error(`the client's result for ${method} is invalid: ${err instanceof Error ? err.message : String(err)}`);
  }
}

// The WIT elicit-request cannot carry everything MCP JSON can (the deprecated `enum` +
// `enumNames` form, `pattern`, array bounds), and sessions.elicit receives only the WIT. So an
// asker that has the author's JSON leaves it in the session under a hash of the WIT's JSON, and
// the sender uses it when it says the same as the WIT it was given; otherwise the WIT's JSON goes.
const elicitationJsonKey = (canonical: string) => `__elicitation-json__:${hash53(canonical)}`;

/** Leaves the author's elicitation/create params for the sessions component's elicit. */
export function stashElicitationJson(keys: SessionKeys, params: JsonObject, request: ElicitRequest): void {
  keys.setString(elicitationJsonKey(stringifyJson(encodeElicitRequest(request))), stringifyJson(params));
}

/** The params to send for `request`: the author's JSON left for it, else the WIT's own JSON. */
export function takeElicitationJson(keys: SessionKeys, request: ElicitRequest): JsonObject {
  const canonical = encodeElicitRequest(request);
  const canonicalText = stringifyJson(canonical);
  const key = elicitationJsonKey(canonicalText);
  const stashed = keys.getString(key);
  if (!stashed) return canonical;
  keys.clear(key);
  const parsed = parseJson(stashed);
  if (!parsed.ok || !isJsonObject(parsed.value)) return canonical;
  try {
    const authored = parsed.value as JsonObject;
    return stringifyJson(encodeElicitRequest(decodeElicitRequest(authored))) === canonicalText ? authored : canonical;
  } catch {
    return canonical;
  }
}

/** A 53-bit string hash (cyrb53), as hex: short keys for long texts; a collision only costs fidelity. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}
