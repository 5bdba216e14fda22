/** @module Interface wasmcp:mcp-v20251125/resources@0.1.1 **/
export function listResources(ctx: MessageContext, request: ListResourcesRequest): ListResourcesResult;
export function readResource(ctx: MessageContext, request: ReadResourceRequest): ReadResourceResult | undefined;
export function listResourceTemplates(ctx: MessageContext, request: ListResourceTemplatesRequest): ListResourceTemplatesResult;
export type OutputStream = import('./wasi-io-streams.js').OutputStream;
export type ErrorCode = import('./wasmcp-mcp-v20251125-mcp.js').ErrorCode;
export type ListResourcesRequest = import('./wasmcp-mcp-v20251125-mcp.js').ListResourcesRequest;
export type ListResourcesResult = import('./wasmcp-mcp-v20251125-mcp.js').ListResourcesResult;
export type ReadResourceRequest = import('./wasmcp-mcp-v20251125-mcp.js').ReadResourceRequest;
export type ReadResourceResult = import('./wasmcp-mcp-v20251125-mcp.js').ReadResourceResult;
export type ListResourceTemplatesRequest = import('./wasmcp-mcp-v20251125-mcp.js').ListResourceTemplatesRequest;
export type ListResourceTemplatesResult = import('./wasmcp-mcp-v20251125-mcp.js').ListResourceTemplatesResult;
export type MessageContext = import('./wasmcp-mcp-v20251125-server-handler.js').MessageContext;
