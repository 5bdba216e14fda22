// Streamable HTTP sessions: the id handed out at initialize must come back on every later
// request; a session bound to a token subject only serves that subject.
import type { Identity, Session } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { TransportServices, TransportStore } from './chain.js';
import type { TransportConfig } from './config.js';
import type { HttpExchange } from './http-exchange.js';
import { rejectRequest } from './responses.js';

export const SESSION_HEADER = 'mcp-session-id';
// Session ids are visible ASCII (MCP 2025-11-25, session management).
const SESSION_ID = /^[\x21-\x7e]{1,256}$/;

export const subjectKey = (sessionId: string) => `${sessionId}:__transport__:subject`;

/**
 * The subject each session is bound to (null: none), remembered per open bucket. A binding is
 * written at initialize, before the client learns the session's id, and never changes, so only
 * the session's validity costs a store read on every request. The oldest entries go first.
 */
const boundSubjects = new WeakMap<TransportStore, Map<string, string | null>>();
const REMEMBERED_SUBJECTS = 1024;

function rememberSubject(store: TransportStore, sessionId: string, subject: string | null): void {
  let known = boundSubjects.get(store);
  if (!known) boundSubjects.set(store, (known = new Map()));
  if (known.size >= REMEMBERED_SUBJECTS) known.delete(known.keys().next().value!);
  known.set(sessionId, subject);
}

function boundSubjectOf(store: TransportStore, sessionId: string): string | null {
  const known = boundSubjects.get(store)?.get(sessionId);
  if (known !== undefined) return known;
  const subject = store.getString(subjectKey(sessionId)) ?? null;
  rememberSubject(store, sessionId, subject);
  return subject;
}

export type SessionOutcome = { ok: true; session: Session | undefined; store: TransportStore | undefined } | { ok: false };

/** Checks the request's session (when sessions are on); answers 400/404/403 itself when it fails. */
export function requireSession(exchange: HttpExchange, config: TransportConfig, services: TransportServices, identity: Identity | undefined): SessionOutcome {
  if (!config.sessionsEnabled) return { ok: true, session: undefined, store: undefined };
  const sessionId = exchange.header(SESSION_HEADER);
  if (!sessionId) {
    rejectRequest(exchange, 400, 'Bad Request: Mcp-Session-Id header is required');
    return { ok: false };
  }
  if (!SESSION_ID.test(sessionId)) {
    rejectRequest(exchange, 404, 'Session not found');
    return { ok: false };
  }
  let valid: boolean;
  let store: TransportStore;
  try {
    valid = services.sessions.validate(sessionId, config.sessionBucket);
    store = services.openStore(config.sessionBucket);
  } catch (err) {
    rejectRequest(exchange, 500, `Session store error: ${describe(err)}`, { code: -32603 });
    return { ok: false };
  }
  if (!valid) {
    rejectRequest(exchange, 404, 'Session not found');
    return { ok: false };
  }
  let boundSubject: string | null;
  try {
    boundSubject = boundSubjectOf(store, sessionId);
  } catch (err) {
    rejectRequest(exchange, 500, `Session store error: ${describe(err)}`, { code: -32603 });
    return { ok: false };
  }
  if (boundSubject !== null && boundSubject !== identity?.claims.subject) {
    rejectRequest(exchange, 403, 'Forbidden: this session belongs to another subject');
    return { ok: false };
  }
  return { ok: true, session: { sessionId, storeId: config.sessionBucket }, store };
}

/** A new session for an initialize request, bound to the caller's subject when there is one. */
export function createSession(config: TransportConfig, services: TransportServices, identity: Identity | undefined): Session {
  const sessionId = services.sessions.initialize(config.sessionBucket);
  const store = services.openStore(config.sessionBucket);
  if (identity) store.setString(subjectKey(sessionId), identity.claims.subject);
  rememberSubject(store, sessionId, identity?.claims.subject ?? null);
  return { sessionId, storeId: config.sessionBucket };
}

export function describe(err: unknown): string {
  const payload = (err as { payload?: unknown } | null)?.payload ?? err;
  if (payload instanceof Error) return payload.message;
  if (typeof payload === 'object' && payload !== null && 'tag' in payload) {
    const p = payload as { tag: string; val?: unknown };
    return p.val === undefined ? p.tag : `${p.tag}: ${typeof p.val === 'string' ? p.val : JSON.stringify(p.val)}`;
  }
  return String(payload);
}
