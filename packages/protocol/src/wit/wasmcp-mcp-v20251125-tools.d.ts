/** @module Interface wasmcp:mcp-v20251125/tools@0.1.1 **/
export function listTools(ctx: MessageContext, request: ListToolsRequest): ListToolsResult;
export function callTool(ctx: MessageContext, request: CallToolRequest): CallToolResult | undefined;
export type OutputStream = import('./wasi-io-streams.js').OutputStream;
export type Cursor = import('./wasmcp-mcp-v20251125-mcp.js').Cursor;
export type ErrorCode = import('./wasmcp-mcp-v20251125-mcp.js').ErrorCode;
export type ListToolsRequest = import('./wasmcp-mcp-v20251125-mcp.js').ListToolsRequest;
export type ListToolsResult = import('./wasmcp-mcp-v20251125-mcp.js').ListToolsResult;
export type CallToolRequest = import('./wasmcp-mcp-v20251125-mcp.js').CallToolRequest;
export type CallToolResult = import('./wasmcp-mcp-v20251125-mcp.js').CallToolResult;
export type MessageContext = import('./wasmcp-mcp-v20251125-server-handler.js').MessageContext;
