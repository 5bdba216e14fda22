// The transport's view of the services it imports, so the logic in src/ can be driven by
// fakes in unit tests and by the real imports in component.ts.
import type { ClientMessage, ErrorCode, JwtClaims, ServerResult, Session } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { HttpContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-auth.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

export type HandlerResult = { tag: 'ok'; val: ServerResult } | { tag: 'err'; val: ErrorCode } | undefined;
/** The chain's `handle`: at once across a component boundary, maybe async inside a fused build. */
export type ChainHandler = (ctx: MessageContext, message: ClientMessage) => HandlerResult | Promise<HandlerResult>;

/** session-manager; every call may throw the WIT session-error. */
export interface SessionManager {
  initialize(storeId: string): string;
  validate(sessionId: string, storeId: string): boolean;
  markTerminated(sessionId: string, storeId: string, reason: string | undefined): void;
  deleteSession(sessionId: string, storeId: string): void;
}

/** server-auth; `decode` throws (or rejects, in a fused build) when the token is not acceptable. */
export interface ServerAuth {
  decode(jwt: Uint8Array): JwtClaims | Promise<JwtClaims>;
  authorize(request: ClientMessage, claims: JwtClaims, session: Session | undefined, httpContext: HttpContext | undefined): boolean;
}

/** The typed key-value bucket the transport keeps per-session facts in. */
export interface TransportStore {
  getString(key: string): string | undefined;
  /** A counter (as written by the store's `increment`); 0 when absent. */
  getCounter(key: string): number;
  setString(key: string, value: string): void;
  delete(key: string): void;
}

export interface TransportServices {
  handle: ChainHandler;
  sessions: SessionManager;
  auth: ServerAuth;
  /** Opens the session bucket; called only when sessions are on. */
  openStore(bucket: string): TransportStore;
  /** Blocks the calling request for `ms` milliseconds (GET streams poll the store). */
  sleep(ms: number): void;
}
