// Steps over values that may or may not be promises. An SDK handler is async, but a WIT import
// answers at once, and a host function standing in for a component (the runtime runs
// middleware in Node) must answer at once too: a chain of plain values stays synchronous here,
// and only a promise in it makes the rest wait.

/** A value, or a promise of it: an SDK handler is async, a WIT import returns at once. */
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** `then(value)`, now, or once the promise settles (its rejection passes through). */
export function andThen<T, R>(value: MaybePromise<T>, then: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isPromise(value) ? value.then(then) : then(value);
}

/**
 * `then(fn())`, or `recover(error)` when fn throws or its promise rejects. A failure of `then`
 * itself is not recovered: it propagates, as it would after an awaited try block.
 */
export function attempt<T, R>(fn: () => MaybePromise<T>, then: (value: T) => MaybePromise<R>, recover: (err: unknown) => MaybePromise<R>): MaybePromise<R> {
  let value: MaybePromise<T>;
  try {
    value = fn();
  } catch (err) {
    return recover(err);
  }
  return isPromise(value) ? value.then(then, recover) : then(value);
}
