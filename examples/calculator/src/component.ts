import { guardResult } from '@wasmcp-ts/protocol';
import type { CallToolRequest, ListToolsRequest } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { calculatorTools, callCalculator } from './calculator.js';

export const tools = {
  listTools: (_ctx: MessageContext, _request: ListToolsRequest) => guardResult(() => ({ tools: calculatorTools })),
  callTool: (_ctx: MessageContext, request: CallToolRequest) => guardResult(() => callCalculator(request.name, request.arguments)),
};
