// The component boundary: a JS exception escaping an export traps the instance for good
// (and the middleware that called it), so every export runs inside one of these guards.
import { internalError, ProtocolError } from './errors.js';
import { attempt, type MaybePromise } from './maybe-promise.js';
import type { ErrorCode } from './wit/wasmcp-mcp-v20251125-mcp.js';

const ERROR_TAGS = new Set(['parse-error', 'invalid-request', 'method-not-found', 'invalid-params', 'internal-error', 'server', 'json-rpc', 'mcp']);

function isErrorCode(value: unknown): value is ErrorCode {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { tag?: unknown; val?: { code?: unknown; message?: unknown } };
  return typeof v.tag === 'string' && ERROR_TAGS.has(v.tag) && typeof v.val?.code === 'bigint' && typeof v.val.message === 'string';
}

/**
 * Any thrown value as an error-code: a ProtocolError keeps its code, an import's error
 * (componentize-js throws an object whose `payload` is the WIT error) is passed on as is,
 * anything else is an internal error carrying the message.
 */
export function toErrorCode(err: unknown): ErrorCode {
  if (err instanceof ProtocolError) return err.errorCode;
  if (isErrorCode(err)) return err;
  const payload = (err as { payload?: unknown } | null)?.payload;
  if (isErrorCode(payload)) return payload;
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : 'unknown error';
  return internalError(`Internal error: ${message}`);
}

type Answer<T> = { tag: 'ok'; val: T } | { tag: 'err'; val: ErrorCode } | undefined;

/**
 * For exports returning `option<result<T, error-code>>` (server-handler#handle). The handler may
 * be async (the engine runs its event loop until the export's promise settles); a rejection is
 * caught like a throw. A synchronous handler is answered synchronously (the runtime's host-side
 * middleware must answer its caller at once).
 */
export function guardHandler<T>(fn: () => MaybePromise<Answer<T>>): MaybePromise<Answer<T>> {
  return attempt(
    fn,
    (answer) => answer,
    (err) => ({ tag: 'err' as const, val: toErrorCode(err) }),
  );
}

/**
 * For exports returning `result<T, error-code>`: componentize-js turns a thrown non-Error value
 * (or the rejection of an export's promise) into `err`. At once when `fn` answers at once.
 */
export function guardResult<T>(fn: () => MaybePromise<T>): MaybePromise<T> {
  return attempt(
    fn,
    (value) => value,
    (err) => {
      throw toErrorCode(err);
    },
  );
}
