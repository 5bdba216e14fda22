import { guardHandler, invalidParams, listOursThenDownstream, oursOrDownstream, type HandlerResult, type MaybePromise, type Next, type ServerHandler } from '@wasmcp-ts/protocol';
import type { CallToolRequest, CallToolResult, ClientMessage, ListToolsRequest, ListToolsResult, ServerResult } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

/** The tools component's exports as the middleware sees them: an error comes back thrown. */
export interface ToolsProvider {
  listTools(ctx: MessageContext, request: ListToolsRequest): MaybePromise<ListToolsResult>;
  callTool(ctx: MessageContext, request: CallToolRequest): MaybePromise<CallToolResult | undefined>;
}

/** The piece as a factory: the tools component and the chain below in, `server-handler` out. */
export function createToolsMiddleware(imports: { tools: ToolsProvider; next: ServerHandler }): { serverHandler: ServerHandler } {
  const { tools, next } = imports;
  return { serverHandler: { handle: (ctx, message) => guardHandler(() => handleTools(ctx, message, tools, next.handle)) } };
}

/**
 * tools/list: our tools, then downstream's (a downstream without tools adds nothing);
 * tools/call: ours if we own the name, else downstream; nobody owns it -> -32602.
 * Everything else passes through untouched.
 */
export function handleTools(ctx: MessageContext, message: ClientMessage, tools: ToolsProvider, next: Next): MaybePromise<HandlerResult> {
  if (message.tag !== 'request') return next(ctx, message);
  const request = message.val[1];
  const downstream = () => next(ctx, message);
  switch (request.tag) {
    case 'tools-list':
      return listOursThenDownstream('tools-list', () => tools.listTools(ctx, request.val), downstream);
    case 'tools-call':
      return oursOrDownstream(
        () => tools.callTool(ctx, request.val),
        (val): ServerResult => ({ tag: 'tools-call', val }),
        downstream,
        () => invalidParams(`Unknown tool: ${request.val.name}`),
      );
    default:
      return next(ctx, message);
  }
}
