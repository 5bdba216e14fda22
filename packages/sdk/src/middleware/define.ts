// defineMiddleware: a server-handler from plain functions `(ctx, message, next)`, as Hono writes
// middleware. Each step sees the client's message in MCP's JSON shape and may answer it (return
// a result), refuse it (throw a ProtocolError), change it (`next(changed)`) or pass it on
// (`return next()`), and may change what came back. The steps run in order; the last one's
// `next` is the rest of the chain. The factory takes the chain and the context maker, so the
// same steps run in a component (component.ts binds the WIT import) or under a test's fake chain.
import { guardHandler, type HandlerResult, type JsonObject, type MaybePromise, type Next, type ServerHandler } from '@wasmcp-ts/protocol';
import type { ClientMessage } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { AuthorError } from '../content.js';
import type { Context } from '../context.js';
import { createDownstream, type Downstream } from '../downstream.js';
import { answerFromJson, answerToJson, messageFromJson, messageToJson, type McpMessage } from '../mcp-json.js';

/** A middleware's context: the tool context, with the rest of the chain always there. */
export interface MiddlewareContext extends Context {
  readonly downstream: Downstream;
}

/**
 * Hands the message (or `changed`, a message of the middleware's own) to what follows:
 * resolves to its result, undefined when nothing answers (a notification, a client's response),
 * and rejects with a ProtocolError when the answer is a JSON-RPC error.
 */
export type MiddlewareNext = (changed?: McpMessage) => Promise<JsonObject | undefined>;

/**
 * One middleware step. Return the result of a request (yours or `next()`'s), or undefined for
 * a notification or a client's response; throw a ProtocolError for a JSON-RPC error (any other
 * exception is -32603 with its message).
 */
export type Middleware = (ctx: MiddlewareContext, message: McpMessage, next: MiddlewareNext) => MaybePromise<JsonObject | undefined>;

export interface MiddlewareHost {
  /** The rest of the chain. */
  next: Next;
  createContext(ctx: MessageContext, downstream: Downstream): Context;
}

/** `defineMiddleware(...steps)` over `host`. */
export function middlewareFactory(host: MiddlewareHost): (...steps: Middleware[]) => ServerHandler {
  return (...steps) => {
    if (steps.length === 0) throw new AuthorError('defineMiddleware needs at least one middleware function');
    steps.forEach((step, i) => {
      if (typeof step !== 'function') throw new AuthorError(`middleware ${i + 1} is not a function (ctx, message, next) => result`);
    });
    return { handle: (ctx, message) => guardHandler(() => runSteps(steps, host, ctx, message)) };
  };
}

async function runSteps(steps: Middleware[], host: MiddlewareHost, request: MessageContext, message: ClientMessage): Promise<HandlerResult> {
  const ctx = host.createContext(request, createDownstream(request, host.next)) as MiddlewareContext;
  const run = async (index: number, wit: ClientMessage, json: McpMessage): Promise<HandlerResult> => {
    if (index === steps.length) return host.next(request, wit);
    const next: MiddlewareNext = async (changed) => answerToJson(await run(index + 1, changed ? messageFromJson(changed) : wit, changed ?? json));
    return answerFromJson(wit, await steps[index](ctx, json, next));
  };
  return run(0, message, messageToJson(message));
}
