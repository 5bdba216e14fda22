// The WIT interfaces the SDK imports, as modules (componentize-js binds them by these names).
// Declared here too, so a project that installs the SDK type-checks without the monorepo's tsconfig.
declare module 'wasmcp:mcp-v20251125/server-io@0.1.1' {
  export * from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-io.js';
}
declare module 'wasmcp:mcp-v20251125/sessions@0.1.1' {
  export * from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-sessions.js';
}
