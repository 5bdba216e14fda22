// definePrompts: plain prompt definitions -> the exports of wasmcp:mcp-v20251125/prompts.
// Arguments are a map of strings (MCP's rule); a missing required argument is -32602, as is a
// non-string value; an unknown name is "not mine" (the prompts-middleware answers -32602).
import { andThen, checkRequiredArguments, decodePrompt, decodePromptMessage, promptArguments, type JsonObject, type MaybePromise } from '@wasmcp-ts/protocol';
import type { GetPromptRequest, GetPromptResult, ListPromptsRequest, ListPromptsResult, Prompt } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { AuthorError, decodeAuthored, metaText, textBlock, type Content, type Icon } from './content.js';
import { runWithContext, type Context } from './context.js';
import { answerOrAsk } from './round-trips.js';
import { createContext } from './component.js';

export interface PromptArgumentDefinition {
  name: string;
  title?: string;
  description?: string;
  required?: boolean;
}

/** What `get` returns: one user message of text, or the messages in MCP's JSON shape. */
export type PromptReturn = string | { description?: string; messages: { role: 'user' | 'assistant'; content: Content }[]; _meta?: JsonObject };

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** `get`'s arguments: the required ones are strings, the others strings or absent. */
export type PromptArguments<A> = A extends readonly PromptArgumentDefinition[]
  ? Simplify<
      { [P in A[number] as P extends { required: true } ? P['name'] : never]: string } & {
        [P in A[number] as P extends { required: true } ? never : P['name']]?: string;
      }
    >
  : Record<string, never>;

export interface PromptDefinition<A> {
  name: string;
  title?: string;
  description?: string;
  icons?: Icon[];
  _meta?: JsonObject;
  arguments?: A;
  get: (args: PromptArguments<A>, ctx: Context) => PromptReturn | Promise<PromptReturn>;
}

/** The `prompts` export: `export const prompts = definePrompts([...])`. */
export interface PromptsExport {
  listPrompts(ctx: MessageContext, request: ListPromptsRequest): ListPromptsResult;
  /** At once when `get` is synchronous; a promise only when it returns one. */
  getPrompt(ctx: MessageContext, request: GetPromptRequest): MaybePromise<GetPromptResult | undefined>;
}

export function definePrompts<const A extends readonly unknown[]>(prompts: { [K in keyof A]: PromptDefinition<A[K]> }): PromptsExport {
  const byName = new Map<string, { listing: Prompt; definition: PromptDefinition<unknown> }>();
  for (const definition of prompts as readonly PromptDefinition<unknown>[]) {
    if (typeof definition.get !== 'function') throw new AuthorError(`prompt "${definition.name}" has no get function`);
    const { name, title, description, icons, _meta } = definition;
    const listing = decodeAuthored(() => decodePrompt({ name, title, description, icons, _meta, arguments: definition.arguments }, `prompt "${name}"`));
    if (byName.has(listing.name)) throw new AuthorError(`prompt "${listing.name}" is defined twice`);
    byName.set(listing.name, { listing, definition });
  }
  const listing = [...byName.values()].map((p) => p.listing);

  return {
    listPrompts: () => ({ prompts: listing }),
    getPrompt(ctx, request) {
      const prompt = byName.get(request.name);
      if (!prompt) return undefined;
      return answerOrAsk<GetPromptResult>(
        () => {
          const args = promptArguments(request.arguments);
          checkRequiredArguments(prompt.listing, args);
          const returned = runWithContext(createContext(ctx), (context) => prompt.definition.get(Object.fromEntries(args) as PromptArguments<unknown>, context));
          return andThen(returned, (value) => promptResult(value, request.name));
        },
        (meta) => ({ messages: [], meta }),
      );
    },
  };
}

function promptResult(returned: PromptReturn, name: string): GetPromptResult {
  if (typeof returned === 'string') return { messages: [{ role: 'user', content: textBlock(returned) }] };
  if (typeof returned !== 'object' || returned === null || !Array.isArray(returned.messages)) {
    throw new AuthorError(`prompt "${name}" returned neither a string nor { messages }`);
  }
  return {
    description: returned.description,
    messages: decodeAuthored(() => returned.messages.map((m, i) => decodePromptMessage(m, `prompt "${name}" messages[${i}]`))),
    meta: metaText(returned._meta),
  };
}
