/** @module Interface wasmcp:mcp-v20251125/session-manager@0.1.1 **/
export function initialize(storeId: string): string;
export function validate(sessionId: string, storeId: string): boolean;
export function markTerminated(sessionId: string, storeId: string, reason: string | undefined): void;
export function deleteSession(sessionId: string, storeId: string): void;
export function setExpiration(sessionId: string, storeId: string, expiresAt: bigint): void;
export type SessionError = import('./wasmcp-mcp-v20251125-sessions.js').SessionError;
