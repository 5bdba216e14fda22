import { guardHandler, invalidParams, oursOrDownstream, type HandlerResult, type MaybePromise, type Next, type ServerHandler } from '@wasmcp-ts/protocol';
import type { ClientMessage, CompleteRequest, CompleteResult, CompletionReference, ServerResult } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

/** The completions component's export as the middleware sees it: an error comes back thrown. */
export interface CompletionsProvider {
  /** `undefined`: the referenced prompt or resource template is not this component's. */
  complete(ctx: MessageContext, request: CompleteRequest): MaybePromise<CompleteResult | undefined>;
}

/** The piece as a factory: the completions component and the chain below in, `server-handler` out. */
export function createCompletionsMiddleware(imports: { completions: CompletionsProvider; next: ServerHandler }): { serverHandler: ServerHandler } {
  const { completions, next } = imports;
  return { serverHandler: { handle: (ctx, message) => guardHandler(() => handleCompletions(ctx, message, completions, next.handle)) } };
}

/** MCP caps a completion at 100 values (the client pages with `hasMore`/`total`). */
export const MAX_COMPLETION_VALUES = 100;

/**
 * completion/complete: ours if we own the referenced prompt or resource template, else
 * downstream; nobody owns it -> -32602 naming the reference. Since this middleware exists
 * only in front of a completions component, a chain without one answers -32601 and the
 * transport does not advertise `completions`.
 */
export function handleCompletions(ctx: MessageContext, message: ClientMessage, completions: CompletionsProvider, next: Next): MaybePromise<HandlerResult> {
  if (message.tag !== 'request') return next(ctx, message);
  const request = message.val[1];
  const downstream = () => next(ctx, message);
  switch (request.tag) {
    case 'completion-complete':
      return oursOrDownstream(
        () => completions.complete(ctx, request.val),
        (val): ServerResult => ({ tag: 'completion-complete', val: capValues(val) }),
        downstream,
        () => invalidParams(`Unknown reference: ${describeReference(request.val.ref)}`),
      );
    default:
      return downstream();
  }
}

function capValues(result: CompleteResult): CompleteResult {
  if (result.values.length <= MAX_COMPLETION_VALUES) return result;
  return { ...result, values: result.values.slice(0, MAX_COMPLETION_VALUES), hasMore: true, total: result.total ?? BigInt(result.values.length) };
}

function describeReference(ref: CompletionReference): string {
  switch (ref.tag) {
    case 'prompt':
      return `prompt ${ref.val.name}`;
    case 'resource-template':
      return `resource template ${ref.val}`;
    default: {
      const _exhaustive: never = ref;
      return _exhaustive;
    }
  }
}
