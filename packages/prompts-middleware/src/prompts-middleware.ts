import {
  andThen,
  checkRequiredArguments,
  guardHandler,
  invalidParams,
  listOursThenDownstream,
  oursOrDownstream,
  promptArguments,
  type HandlerResult,
  type MaybePromise,
  type Next,
  type ServerHandler,
} from '@wasmcp-ts/protocol';
import type {
  ClientMessage,
  GetPromptRequest,
  GetPromptResult,
  ListPromptsRequest,
  ListPromptsResult,
  Prompt,
  ServerResult,
} from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

/** The prompts component's exports as the middleware sees them: an error comes back thrown. */
export interface PromptsProvider {
  listPrompts(ctx: MessageContext, request: ListPromptsRequest): MaybePromise<ListPromptsResult>;
  getPrompt(ctx: MessageContext, request: GetPromptRequest): MaybePromise<GetPromptResult | undefined>;
}

/** The piece as a factory: the prompts component and the chain below in, `server-handler` out. */
export function createPromptsMiddleware(imports: { prompts: PromptsProvider; next: ServerHandler }): { serverHandler: ServerHandler } {
  const { prompts, next } = imports;
  return { serverHandler: { handle: (ctx, message) => guardHandler(() => handlePrompts(ctx, message, prompts, next.handle)) } };
}

/** How many pages of our own list prompts/get reads looking for the prompt's arguments. */
const MAX_LIST_PAGES = 64;

/**
 * prompts/list: ours, then downstream's; prompts/get: ours if we own the name, else
 * downstream; nobody owns it -> -32602. Arguments must be strings, and a prompt we list gets
 * its required arguments checked before it runs, so every prompt component gets -32602 for a
 * missing one without writing that check itself.
 */
export function handlePrompts(ctx: MessageContext, message: ClientMessage, prompts: PromptsProvider, next: Next): MaybePromise<HandlerResult> {
  if (message.tag !== 'request') return next(ctx, message);
  const request = message.val[1];
  const downstream = () => next(ctx, message);
  switch (request.tag) {
    case 'prompts-list':
      return listOursThenDownstream('prompts-list', () => prompts.listPrompts(ctx, request.val), downstream);
    case 'prompts-get':
      return oursOrDownstream(
        () => getPrompt(ctx, request.val, prompts),
        (val): ServerResult => ({ tag: 'prompts-get', val }),
        downstream,
        () => invalidParams(`Unknown prompt: ${request.val.name}`),
      );
    default:
      return downstream();
  }
}

function getPrompt(ctx: MessageContext, request: GetPromptRequest, prompts: PromptsProvider): MaybePromise<GetPromptResult | undefined> {
  const args = promptArguments(request.arguments);
  return andThen(findListed(ctx, request.name, prompts), (listed) => {
    if (listed) checkRequiredArguments(listed, args);
    return prompts.getPrompt(ctx, request);
  });
}

/** Our listing of the prompt, following our own cursors (at most MAX_LIST_PAGES pages). */
function findListed(ctx: MessageContext, name: string, prompts: PromptsProvider, cursor?: string, page = 0): MaybePromise<Prompt | undefined> {
  if (page >= MAX_LIST_PAGES) return undefined;
  return andThen(prompts.listPrompts(ctx, { cursor }), (list) => {
    const found = list.prompts.find((p) => p.name === name);
    if (found || list.nextCursor === undefined || list.nextCursor === cursor) return found;
    return findListed(ctx, name, prompts, list.nextCursor, page + 1);
  });
}
