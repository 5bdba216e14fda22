// Failures as the WIT error variants this component returns. An exception escaping an export
// traps the instance for good, so every export runs inside `sessionResult` or `storeResult`,
// which throw the variant value itself: componentize-js turns a thrown non-Error into `err`.
import type { Error as StoreError } from '@wasmcp-ts/protocol/wit/wasmcp-keyvalue-store.js';
import type { SessionError } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-sessions.js';

export type { StoreError, SessionError };

/** A failure carrying its wasmcp:keyvalue error (the same shape as wasi:keyvalue's error). */
export class KeyValueFailure extends Error {
  constructor(readonly error: StoreError) {
    super(describeStoreError(error));
  }
}

/** A failure carrying its session-error. */
export class SessionFailure extends Error {
  constructor(readonly error: SessionError) {
    super(error.tag === 'unexpected' || error.tag === 'store' ? error.val : error.tag);
  }
}

/** A value the caller gave that cannot be stored: the store's `other`, a session's `unexpected`. */
export class InvalidValue extends KeyValueFailure {
  constructor(message: string) {
    super({ tag: 'other', val: message });
  }
}

export const storeFailure = (message: string) => new KeyValueFailure({ tag: 'other', val: message });
export const unexpected = (message: string) => new SessionFailure({ tag: 'unexpected', val: message });
export const noSuchSession = () => new SessionFailure({ tag: 'no-such-session' });

const STORE_ERROR_TAGS = new Set(['no-such-store', 'access-denied', 'other']);

function isStoreError(value: unknown): value is StoreError {
  const tag = (value as { tag?: unknown } | null)?.tag;
  return typeof tag === 'string' && STORE_ERROR_TAGS.has(tag);
}

/** The error of a wasi:keyvalue import call (componentize-js throws `{ payload }`), if it is one. */
function importError(err: unknown): StoreError | undefined {
  const payload = (err as { payload?: unknown } | null)?.payload;
  return isStoreError(payload) ? payload : undefined;
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : 'unknown error';
}

export function describeStoreError(error: StoreError): string {
  switch (error.tag) {
    case 'no-such-store':
      return 'no such key-value store';
    case 'access-denied':
      return 'access to the key-value store was denied';
    case 'other':
      return error.val;
    default: {
      const never: never = error;
      return never;
    }
  }
}

export function toStoreError(err: unknown): StoreError {
  if (err instanceof KeyValueFailure) return err.error;
  return importError(err) ?? { tag: 'other', val: messageOf(err) };
}

export function toSessionError(err: unknown): SessionError {
  if (err instanceof SessionFailure) return err.error;
  if (err instanceof InvalidValue) return { tag: 'unexpected', val: err.message };
  if (err instanceof KeyValueFailure || importError(err)) return { tag: 'store', val: describeStoreError(toStoreError(err)) };
  return { tag: 'unexpected', val: messageOf(err) };
}

/** Runs the body of an export returning `result<T, session-error>`. */
export function sessionResult<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw toSessionError(err);
  }
}

/** Runs the body of an export returning `result<T, wasmcp:keyvalue/store.error>`. */
export function storeResult<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw toStoreError(err);
  }
}
