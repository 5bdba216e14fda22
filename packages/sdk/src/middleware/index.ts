// @wasmcp-ts/sdk/middleware: a middleware component is one module exporting what
// defineMiddleware returns (`export const serverHandler = defineMiddleware(...)`); `wasmcp-ts
// build` turns it into a component of the server-middleware world (it imports and exports
// wasmcp:mcp-v20251125/server-handler), which goes anywhere in a chain.
export { defineMiddleware } from './component.js';
export type { Middleware, MiddlewareContext, MiddlewareNext } from './define.js';
export { addToResult, interceptToolCall, matchTools, rewriteToolsList, type ToolCall, type ToolMatch } from './helpers.js';
export { serveTools, type ServeToolsOptions } from './serve-tools.js';
export type { Downstream } from '../downstream.js';
export { isRequest, jsonRpcErrorOf, type CallToolResultJson, type McpMessage, type ToolJson } from '../mcp-json.js';
export { invalidParams, mcpError, ProtocolError } from '@wasmcp-ts/protocol';
