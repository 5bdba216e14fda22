import { clientRequestMethod, guardHandler, methodNotFound, type ServerHandler } from '@wasmcp-ts/protocol';
import type { ClientMessage, ErrorCode, ServerResult } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { Result } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

/**
 * The end of every chain: a request that reached here was owned by nobody (-32601);
 * notifications, client results and client errors need no answer.
 */
export function endOfChain(message: ClientMessage): Result<ServerResult, ErrorCode> | undefined {
  switch (message.tag) {
    case 'request':
      return { tag: 'err', val: methodNotFound(clientRequestMethod(message.val[1])) };
    case 'notification':
    case 'result':
    case 'error':
      return undefined;
    default: {
      const _exhaustive: never = message;
      return _exhaustive;
    }
  }
}

/** The piece as a factory: it imports nothing and exports `server-handler`. */
export function createMethodNotFound(): { serverHandler: ServerHandler } {
  return { serverHandler: { handle: (_ctx, message) => guardHandler(() => endOfChain(message)) } };
}
