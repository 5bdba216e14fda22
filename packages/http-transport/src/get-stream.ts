// GET: the session's stream of server-initiated messages. Any request may run on another
// instance, so producers hand messages over through the session store: a message is the
// key `{session}:__transport__:outbox:{n}`, where n comes from the counter `...:outbox-seq`
// (protocol's session-outbox, which producers use to post).
// At most one stream per session, held by a lease that a crashed holder cannot keep forever.
import { outboxKey, outboxSeqKey } from '@wasmcp-ts/protocol';
import type { Identity } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { TransportServices, TransportStore } from './chain.js';
import type { TransportConfig } from './config.js';
import type { HttpExchange } from './http-exchange.js';
import { acceptedResponses } from './negotiation.js';
import { rejectRequest } from './responses.js';
import { requireSession, SESSION_HEADER } from './session-gate.js';

export const POLL_MS = 200;
export const KEEPALIVE_MS = 15_000;
const LEASE_MS = 10_000;

// A producer takes its number before it writes the message: a gap that stays empty this long
// belongs to a producer that died in between.
export const GAP_GRACE_MS = 2_000;

const leaseKey = (sessionId: string) => `${sessionId}:__transport__:stream-lease`;
// The last message a stream of this session delivered: the next stream goes on from there,
// so nothing queued while no stream was open is lost.
const deliveredKey = (sessionId: string) => `${sessionId}:__transport__:outbox-delivered`;

export function handleGet(exchange: HttpExchange, config: TransportConfig, services: TransportServices, identity: Identity | undefined): void {
  if (!config.sessionsEnabled) {
    return rejectRequest(exchange, 405, 'Method Not Allowed: this server offers no GET stream (sessions are off)', { headers: { allow: 'POST' } });
  }
  if (!acceptedResponses(exchange.header('accept')).sse) {
    return rejectRequest(exchange, 406, 'Not Acceptable: a GET stream is text/event-stream');
  }
  const gate = requireSession(exchange, config, services, identity);
  if (!gate.ok) return;
  const sessionId = gate.session!.sessionId;
  const store = gate.store!;
  const lease = Number(store.getString(leaseKey(sessionId)) ?? 0);
  if (lease > Date.now()) {
    return rejectRequest(exchange, 409, 'Conflict: this session already has an open GET stream');
  }
  renewLease(store, sessionId);

  const out = exchange.start(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', [SESSION_HEADER]: sessionId });
  const resumeFrom = Number(exchange.header('last-event-id') ?? store.getString(deliveredKey(sessionId)) ?? 0);
  let delivered = Number.isSafeInteger(resumeFrom) && resumeFrom >= 0 ? resumeFrom : 0;
  let lastWrite = Date.now();
  let gapSince: number | undefined;
  let open = out.write(': stream open\n\n');
  try {
    while (open) {
      const head = readSeq(store, sessionId);
      while (open && delivered < head) {
        const seq = delivered + 1;
        const message = store.getString(outboxKey(sessionId, seq));
        if (message === undefined) {
          gapSince ??= Date.now();
          if (Date.now() - gapSince < GAP_GRACE_MS) break;
        } else {
          open = out.write(`id: ${seq}\ndata: ${message}\n\n`);
          store.delete(outboxKey(sessionId, seq));
          lastWrite = Date.now();
        }
        gapSince = undefined;
        delivered = seq;
        store.setString(deliveredKey(sessionId), String(delivered));
      }
      if (open && Date.now() - lastWrite >= KEEPALIVE_MS) {
        open = out.write(': keepalive\n\n');
        lastWrite = Date.now();
      }
      if (!open || !services.sessions.validate(sessionId, config.sessionBucket)) break;
      renewLease(store, sessionId);
      services.sleep(POLL_MS);
    }
  } finally {
    store.delete(leaseKey(sessionId));
    out.close();
  }
}

function renewLease(store: TransportStore, sessionId: string): void {
  store.setString(leaseKey(sessionId), String(Date.now() + LEASE_MS));
}

function readSeq(store: TransportStore, sessionId: string): number {
  return store.getCounter(outboxSeqKey(sessionId));
}
