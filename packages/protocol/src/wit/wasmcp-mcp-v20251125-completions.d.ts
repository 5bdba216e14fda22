/** @module Interface wasmcp:mcp-v20251125/completions@0.1.1 **/
export function complete(ctx: MessageContext, request: CompleteRequest): CompleteResult | undefined;
export type OutputStream = import('./wasi-io-streams.js').OutputStream;
export type ErrorCode = import('./wasmcp-mcp-v20251125-mcp.js').ErrorCode;
export type CompleteRequest = import('./wasmcp-mcp-v20251125-mcp.js').CompleteRequest;
export type CompleteResult = import('./wasmcp-mcp-v20251125-mcp.js').CompleteResult;
export type MessageContext = import('./wasmcp-mcp-v20251125-server-handler.js').MessageContext;
