import { guardResult } from '@wasmcp-ts/protocol';
import type { CompleteRequest, GetPromptRequest, ListPromptsRequest } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { complete, getPrompt, prompts as allPrompts } from './prompt-library.js';

export const prompts = {
  listPrompts: (_ctx: MessageContext, _request: ListPromptsRequest) => guardResult(() => ({ prompts: allPrompts })),
  getPrompt: (_ctx: MessageContext, request: GetPromptRequest) => guardResult(() => getPrompt(request.name, request.arguments)),
};

export const completions = {
  complete: (_ctx: MessageContext, request: CompleteRequest) => guardResult(() => complete(request)),
};
