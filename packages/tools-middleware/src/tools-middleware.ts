import { invalidParams, isMethodNotFound, toErrorCode } from '@wasmcp-ts/protocol';
import type {
  CallToolRequest,
  CallToolResult,
  ClientMessage,
  ErrorCode,
  ListToolsRequest,
  ListToolsResult,
  RequestId,
  ServerResult,
} from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext, Result } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

export type HandlerResult = Result<ServerResult, ErrorCode> | undefined;
export type Next = (ctx: MessageContext, message: ClientMessage) => HandlerResult;

/** The tools component's exports as the middleware sees them: an error comes back thrown. */
export interface ToolsProvider {
  listTools(ctx: MessageContext, request: ListToolsRequest): ListToolsResult;
  callTool(ctx: MessageContext, request: CallToolRequest): CallToolResult | undefined;
}

/**
 * tools/list: our tools, then downstream's (a downstream without tools adds nothing);
 * tools/call: ours if we own the name, else downstream; nobody owns it -> -32602.
 * Everything else passes through untouched.
 */
export function handleTools(ctx: MessageContext, message: ClientMessage, tools: ToolsProvider, next: Next): HandlerResult {
  if (message.tag !== 'request') return next(ctx, message);
  const [id, request] = message.val;
  switch (request.tag) {
    case 'tools-list':
      return listTools(ctx, id, request.val, tools, next);
    case 'tools-call':
      return callTool(ctx, id, request.val, tools, next);
    default:
      return next(ctx, message);
  }
}

function listTools(ctx: MessageContext, id: RequestId, request: ListToolsRequest, tools: ToolsProvider, next: Next): HandlerResult {
  let ours: ListToolsResult;
  try {
    ours = tools.listTools(ctx, request);
  } catch (err) {
    return { tag: 'err', val: toErrorCode(err) };
  }
  const downstream = next(ctx, { tag: 'request', val: [id, { tag: 'tools-list', val: request }] });
  if (downstream?.tag !== 'ok' || downstream.val.tag !== 'tools-list') {
    // method-not-found below means nobody else has tools; any other failure downstream
    // must not hide the tools we do have.
    return { tag: 'ok', val: { tag: 'tools-list', val: ours } };
  }
  const theirs = downstream.val.val;
  return {
    tag: 'ok',
    val: {
      tag: 'tools-list',
      val: {
        tools: [...ours.tools, ...theirs.tools],
        nextCursor: theirs.nextCursor ?? ours.nextCursor,
        meta: ours.meta ?? theirs.meta,
      },
    },
  };
}

function callTool(ctx: MessageContext, id: RequestId, request: CallToolRequest, tools: ToolsProvider, next: Next): HandlerResult {
  let ours: CallToolResult | undefined;
  try {
    ours = tools.callTool(ctx, request);
  } catch (err) {
    return { tag: 'err', val: toErrorCode(err) };
  }
  if (ours) return { tag: 'ok', val: { tag: 'tools-call', val: ours } };
  const downstream = next(ctx, { tag: 'request', val: [id, { tag: 'tools-call', val: request }] });
  if (downstream === undefined || (downstream.tag === 'err' && isMethodNotFound(downstream.val))) {
    return { tag: 'err', val: invalidParams(`Unknown tool: ${request.name}`) };
  }
  return downstream;
}
