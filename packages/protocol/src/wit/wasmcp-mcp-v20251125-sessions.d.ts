/** @module Interface wasmcp:mcp-v20251125/sessions@0.1.1 **/
export type OutputStream = import('./wasi-io-streams.js').OutputStream;
export type StreamError = import('./wasi-io-streams.js').StreamError;
export type Pollable = import('./wasi-io-poll.js').Pollable;
export type TypedValue = import('./wasmcp-keyvalue-store.js').TypedValue;
export type ElicitRequest = import('./wasmcp-mcp-v20251125-mcp.js').ElicitRequest;
export type ElicitResult = import('./wasmcp-mcp-v20251125-mcp.js').ElicitResult;
export type JwtClaims = import('./wasmcp-auth-types.js').JwtClaims;
export type SessionError = SessionErrorIo | SessionErrorStore | SessionErrorNoSuchSession | SessionErrorUnexpected;
export interface SessionErrorIo {
  tag: 'io',
  val: StreamError,
}
export interface SessionErrorStore {
  tag: 'store',
  val: string,
}
export interface SessionErrorNoSuchSession {
  tag: 'no-such-session',
}
export interface SessionErrorUnexpected {
  tag: 'unexpected',
  val: string,
}

export class FutureElicitResult {
  /**
   * This type does not have a public constructor.
   */
  private constructor();
  subscribe(): Pollable;
  elicitResult(): ElicitResult;
}

export class Session {
  /**
   * This type does not have a public constructor.
   */
  private constructor();
  static open(sessionId: string, storeId: string): Session;
  id(): string;
  get(key: string): TypedValue | undefined;
  set(key: string, value: TypedValue): void;
  elicit(client: OutputStream, elicitation: ElicitRequest): FutureElicitResult;
  terminate(reason: string | undefined): void;
}
