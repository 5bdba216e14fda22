// The component's global `crypto`, replaced before any other module is evaluated. jose reads
// `crypto.subtle` at call time, and @noble/curves probes `crypto.getRandomValues` while it is
// loaded (for blinding, which only signing uses): the engine's getRandomValues would reach
// wasi:random while the component is snapshotted at build time, which fails the build. So the
// global `crypto` has no getRandomValues: noble loads without blinding, and anything else that
// tries to draw randomness fails loudly. component.ts sets `subtle` (verify-subtle.ts).
export const engineSubtle: SubtleCrypto = globalThis.crypto.subtle;

export const componentCrypto: { subtle?: unknown } = {};

Object.defineProperty(globalThis, 'crypto', { value: componentCrypto, configurable: true, enumerable: true, writable: false });
