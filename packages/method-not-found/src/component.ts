import { guardHandler } from '@wasmcp-ts/protocol';
import type { ClientMessage } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { endOfChain } from './method-not-found.js';

export const serverHandler = {
  handle: (_ctx: MessageContext, message: ClientMessage) => guardHandler(() => endOfChain(message)),
};
