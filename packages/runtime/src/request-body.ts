// What the serving host needs to know of a POST body without running the chain: the ids of
// the requests it carries (to answer them itself when their worker is torn down) and the
// requests a `notifications/cancelled` in it cancels. Anything unparsable is left to the
// transport, which answers it properly.

export type JsonRpcId = string | number;

export interface RequestBody {
  /** Ids of the requests in the body, in order. */
  ids: JsonRpcId[];
  /** Whether the body is a JSON-RPC batch (its answer is an array). */
  batch: boolean;
  /** Ids of the requests the client cancels. */
  cancels: JsonRpcId[];
  /** Whether it opens a subscriptions/listen stream (2026-07-28), which stays open like a GET stream. */
  listens: boolean;
}

/** What a body without JSON-RPC messages (or no body) carries. */
export const NO_MESSAGES: RequestBody = { ids: [], batch: false, cancels: [], listens: false };

function isId(value: unknown): value is JsonRpcId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

export function inspectBody(body: Uint8Array): RequestBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    return NO_MESSAGES;
  }
  const batch = Array.isArray(parsed);
  const messages: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  const ids: JsonRpcId[] = [];
  const cancels: JsonRpcId[] = [];
  let listens = false;
  for (const message of messages) {
    if (typeof message !== 'object' || message === null) continue;
    const { id, method, params } = message as { id?: unknown; method?: unknown; params?: { requestId?: unknown } };
    if (typeof method !== 'string') continue;
    if (method === 'subscriptions/listen') listens = true;
    if (isId(id)) ids.push(id);
    else if (method === 'notifications/cancelled' && isId(params?.requestId)) cancels.push(params.requestId);
  }
  return { ids, batch, cancels, listens };
}

/** The JSON-RPC error answering every request of a body (`id: null` when none is known). */
export function errorAnswer(body: RequestBody, code: number, message: string): string {
  const error = (id: JsonRpcId | null) => ({ jsonrpc: '2.0', id, error: { code, message } });
  if (body.batch && body.ids.length > 0) return JSON.stringify(body.ids.map(error));
  return JSON.stringify(error(body.ids[0] ?? null));
}

/** The same answers as SSE events, for a response whose stream has already begun. */
export function errorEvents(body: RequestBody, code: number, message: string): string {
  return body.ids.map((id) => `data: ${JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } })}\n\n`).join('');
}
