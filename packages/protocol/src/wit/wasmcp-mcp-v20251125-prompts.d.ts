/** @module Interface wasmcp:mcp-v20251125/prompts@0.1.1 **/
export function listPrompts(ctx: MessageContext, request: ListPromptsRequest): ListPromptsResult;
export function getPrompt(ctx: MessageContext, request: GetPromptRequest): GetPromptResult | undefined;
export type OutputStream = import('./wasi-io-streams.js').OutputStream;
export type ErrorCode = import('./wasmcp-mcp-v20251125-mcp.js').ErrorCode;
export type ListPromptsRequest = import('./wasmcp-mcp-v20251125-mcp.js').ListPromptsRequest;
export type ListPromptsResult = import('./wasmcp-mcp-v20251125-mcp.js').ListPromptsResult;
export type GetPromptRequest = import('./wasmcp-mcp-v20251125-mcp.js').GetPromptRequest;
export type GetPromptResult = import('./wasmcp-mcp-v20251125-mcp.js').GetPromptResult;
export type MessageContext = import('./wasmcp-mcp-v20251125-server-handler.js').MessageContext;
