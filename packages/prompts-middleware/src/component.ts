import { guardHandler } from '@wasmcp-ts/protocol';
import type { ClientMessage } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { getPrompt, listPrompts } from 'wasmcp:mcp-v20251125/prompts@0.1.1';
import { handle as next } from 'wasmcp:mcp-v20251125/server-handler@0.1.1';
import { handlePrompts } from './prompts-middleware.js';

// In JS the imported and exported message-context are the same shape (the borrowed
// client stream included), so the context is handed downstream as it came.
const prompts = { listPrompts, getPrompt };

export const serverHandler = {
  handle: (ctx: MessageContext, message: ClientMessage) => guardHandler(() => handlePrompts(ctx, message, prompts, next)),
};
