// Typed middleware steps for the common cases: rewrite the tools list, intercept a tool call,
// add to a result. Each is a plain Middleware, so they combine with hand-written steps in
// defineMiddleware(...).
import type { JsonObject, MaybePromise } from '@wasmcp-ts/protocol';
import { AuthorError } from '../content.js';
import { isRequest, type CallToolResultJson, type McpMessage, type ToolJson } from '../mcp-json.js';
import type { Middleware, MiddlewareContext } from './define.js';

/**
 * Which tools a step applies to: a name, a pattern where `*` stands for any characters
 * (`admin_*`), a RegExp, a predicate, or a list of these (any of them).
 */
export type ToolMatch = string | RegExp | ((name: string) => boolean) | readonly (string | RegExp)[];

/** `match` as a predicate over tool names. */
export function matchTools(match: ToolMatch): (name: string) => boolean {
  if (typeof match === 'function') return match;
  if (typeof match === 'string') {
    if (!match.includes('*')) return (name) => name === match;
    const pattern = new RegExp(`^${match.split('*').map(escapeRegExp).join('.*')}$`);
    return (name) => pattern.test(name);
  }
  if (match instanceof RegExp) return (name) => match.test(name);
  if (Array.isArray(match)) {
    const all = match.map((m) => matchTools(m));
    return (name) => all.some((m) => m(name));
  }
  throw new AuthorError(`a tool match is a name, a pattern, a RegExp, a function or a list of them, got ${typeof match}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** tools/list results rewritten by `rewrite` (filter, reorder, change descriptions, add tools). */
export function rewriteToolsList(rewrite: (tools: ToolJson[], ctx: MiddlewareContext) => MaybePromise<ToolJson[]>): Middleware {
  return async (ctx, message, next) => {
    if (!isRequest(message, 'tools/list')) return next();
    const result = await next();
    if (result === undefined) return undefined;
    const tools = await rewrite((result.tools ?? []) as unknown as ToolJson[], ctx);
    return { ...result, tools: tools as unknown as JsonObject[] };
  };
}

/** A tools/call as an interceptor sees it. */
export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
  _meta?: JsonObject;
}

/**
 * tools/call of the matching tools handled by `handler`, which may answer itself, refuse
 * (throw a ProtocolError), or call `next()` (the call as it came, or `next(changedCall)`) and
 * return what it gives, changed or not. Other messages pass on.
 */
export function interceptToolCall(
  match: ToolMatch,
  handler: (call: ToolCall, ctx: MiddlewareContext, next: (changed?: ToolCall) => Promise<CallToolResultJson>) => MaybePromise<CallToolResultJson>,
): Middleware {
  const matches = matchTools(match);
  return async (ctx, message, next) => {
    if (!isRequest(message, 'tools/call')) return next();
    const call = toolCallOf(message.params);
    if (!matches(call.name)) return next();
    const nextCall = async (changed?: ToolCall) =>
      (await next(changed ? { ...message, params: { ...message.params, ...(changed as unknown as JsonObject) } } : undefined)) as unknown as CallToolResultJson;
    return (await handler(call, ctx, nextCall)) as unknown as JsonObject;
  };
}

function toolCallOf(params: JsonObject | undefined): ToolCall {
  const name = String(params?.name ?? '');
  const args = params?.arguments;
  return {
    name,
    arguments: typeof args === 'object' && args !== null && !Array.isArray(args) ? (args as Record<string, unknown>) : {},
    ...(params?._meta !== undefined ? { _meta: params._meta as JsonObject } : {}),
  };
}

/**
 * Every result of the given methods (`'*'`: of every request) passed through `add`, which
 * returns the result to send (e.g. with `_meta` added). Errors and notifications pass untouched.
 */
export function addToResult(
  methods: string | readonly string[],
  add: (result: JsonObject, message: McpMessage & { id: unknown; method: string }, ctx: MiddlewareContext) => MaybePromise<JsonObject>,
): Middleware {
  const wanted = typeof methods === 'string' ? [methods] : methods;
  return async (ctx, message, next) => {
    const result = await next();
    if (result === undefined || !isRequest(message) || !(wanted.includes('*') || wanted.includes(message.method))) return result;
    return add(result, message, ctx);
  };
}
