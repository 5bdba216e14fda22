// sessions.elicit: sends elicitation/create on the tool call's stream and waits for the
// client's answer, which the HTTP transport hands over through the session's keys (see
// client-requests in @wasmcp-ts/protocol). The stream is an SSE response: the interface hands
// over no frame, and Streamable HTTP is the transport with sessions.
import {
  awaitClientResponse,
  clientRequestId,
  decodeClientResponse,
  markClientRequestPending,
  requireClientCapability,
  stringifyJson,
  takeElicitationJson,
  writeAll,
  type ByteSink,
  type SessionKeys,
  withdrawClientRequest,
  type WaitClock,
} from '@wasmcp-ts/protocol';
import type { ElicitRequest, ElicitResult } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { StreamError } from '@wasmcp-ts/protocol/wit/wasi-io-streams.js';
import { SessionFailure } from './errors.js';
import type { SessionData } from './sessions.js';

export interface ElicitHost {
  randomBytes(count: number): Uint8Array;
  clock: WaitClock;
  /** WASMCP_CLIENT_REQUEST_TIMEOUT in milliseconds; throws on a bad value. */
  timeoutMs(): number;
}

const METHOD = 'elicitation/create';
const utf8 = new TextEncoder();

export function elicit(session: SessionData, client: ByteSink, request: ElicitRequest, host: ElicitHost): ElicitResult {
  const keys = sessionKeys(session);
  const params = takeElicitationJson(keys, request);
  const timeoutMs = host.timeoutMs();
  requireClientCapability(keys, METHOD, request.tag);
  const id = clientRequestId(host.randomBytes(8));
  const message = stringifyJson({ jsonrpc: '2.0', id, method: METHOD, params });
  markClientRequestPending(keys, id, METHOD);
  try {
    writeAll(client, utf8.encode(`data: ${message}\n\n`));
  } catch (err) {
    withdrawClientRequest(keys, id);
    const error = (err as { payload?: StreamError } | null)?.payload;
    throw error?.tag ? new SessionFailure({ tag: 'io', val: error }) : err;
  }
  return decodeClientResponse(awaitClientResponse(keys, id, METHOD, host.clock, timeoutMs), METHOD, 'elicitation-create');
}

/** The session's string values, as the hand-over reads and writes them. */
function sessionKeys(session: SessionData): SessionKeys {
  return {
    getString: (key) => {
      const value = session.get(key);
      return value?.tag === 'as-string' ? value.val : undefined;
    },
    setString: (key, value) => session.set(key, { tag: 'as-string', val: value }),
    clear: (key) => session.delete(key),
  };
}
