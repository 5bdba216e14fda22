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
