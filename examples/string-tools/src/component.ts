import { guardResult } from '@wasmcp-ts/protocol';
import type { CallToolRequest, ListToolsRequest } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { callStringTool, stringTools } from './string-tools.js';

export const tools = {
  listTools: (_ctx: MessageContext, _request: ListToolsRequest) => guardResult(() => ({ tools: stringTools })),
  callTool: (_ctx: MessageContext, request: CallToolRequest) => guardResult(() => callStringTool(request.name, request.arguments)),
};
