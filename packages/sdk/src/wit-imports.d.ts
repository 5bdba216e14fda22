// The WIT interfaces the SDK imports, as modules (componentize-js binds them by these names).
// Declared here too, so a project that installs the SDK type-checks without the monorepo's tsconfig.
declare module 'wasmcp:mcp-v20251125/server-io@0.1.1' {
  export * from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-io.js';
}
declare module 'wasmcp:mcp-v20251125/sessions@0.1.1' {
  export * from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-sessions.js';
}
declare module 'wasi:cli/environment@0.2.12' {
  export * from '@wasmcp-ts/protocol/wit/wasi-cli-environment.js';
}
declare module 'wasi:clocks/monotonic-clock@0.2.12' {
  export * from '@wasmcp-ts/protocol/wit/wasi-clocks-monotonic-clock.js';
}
declare module 'wasi:random/random@0.2.12' {
  export * from '@wasmcp-ts/protocol/wit/wasi-random-random.js';
}
declare module 'wasmcp:mcp-v20251125/server-handler@0.1.1' {
  export * from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
}
// wasi:keyvalue in its draft shape (the draft2 build imports the same names @0.2.0-draft2; the
// calls the SDK makes have the same shape in both).
declare module 'wasi:keyvalue/store@0.2.0-draft' {
  export class Bucket {
    private constructor();
    get(key: string): Uint8Array | undefined;
    set(key: string, value: Uint8Array): void;
    delete(key: string): void;
  }
  export function open(identifier: string): Bucket;
}
declare module 'wasi:keyvalue/atomics@0.2.0-draft' {
  import type { Bucket } from 'wasi:keyvalue/store@0.2.0-draft';
  export function increment(bucket: Bucket, key: string, delta: bigint): bigint;
}
