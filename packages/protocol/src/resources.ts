// Dropping the resources a component owns. A host that keeps an instance for many requests (our
// runtime does; wasmtime serve makes one per request) holds every resource the component has
// not dropped, and componentize-js drops one only if its engine runs the object's finalizer:
// under load, measured, it never did, and every request left its resources behind.

/** Drops an owned resource now; a value that is no resource is left alone. */
export function drop(resource: unknown): void {
  (resource as Partial<Disposable> | undefined)?.[Symbol.dispose]?.();
}

/** Blocks for `ms` on a wasi:clocks/monotonic-clock pollable, which is then dropped. */
export function blockFor(clock: { subscribeDuration(nanoseconds: bigint): { block(): void } }, ms: number): void {
  const pollable = clock.subscribeDuration(BigInt(Math.max(0, Math.round(ms))) * 1_000_000n);
  try {
    pollable.block();
  } finally {
    drop(pollable);
  }
}
