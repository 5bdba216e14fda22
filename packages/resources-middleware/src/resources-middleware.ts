import {
  guardHandler,
  internalError,
  listOursThenDownstream,
  oursOrDownstream,
  resourceNotFound,
  subscribeResource,
  unsubscribeResource,
  type HandlerResult,
  type MaybePromise,
  type Next,
  type ServerHandler,
  type SubscriptionBucket,
} from '@wasmcp-ts/protocol';
import type {
  ClientMessage,
  ListResourcesRequest,
  ListResourcesResult,
  ListResourceTemplatesRequest,
  ListResourceTemplatesResult,
  ReadResourceRequest,
  ReadResourceResult,
  ServerResult,
} from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

/** The resources component's exports as the middleware sees them: an error comes back thrown. */
export interface ResourcesProvider {
  listResources(ctx: MessageContext, request: ListResourcesRequest): MaybePromise<ListResourcesResult>;
  readResource(ctx: MessageContext, request: ReadResourceRequest): MaybePromise<ReadResourceResult | undefined>;
  listResourceTemplates(ctx: MessageContext, request: ListResourceTemplatesRequest): MaybePromise<ListResourceTemplatesResult>;
}

/** Opens a session bucket (wasmcp:keyvalue/store#open); throws the store's error. */
export type OpenBucket = (storeId: string) => SubscriptionBucket;

/**
 * The piece as a factory: the resources component, the chain below and the typed store (for
 * subscriptions) in, `server-handler` out.
 */
export function createResourcesMiddleware(imports: { resources: ResourcesProvider; next: ServerHandler; store: { open: OpenBucket } }): { serverHandler: ServerHandler } {
  const { resources, next, store } = imports;
  return { serverHandler: { handle: (ctx, message) => guardHandler(() => handleResources(ctx, message, resources, next.handle, store.open)) } };
}

// MCP answers resources/(un)subscribe with the empty result; the WIT server-result has no case
// of its own for it, and ping's result is that empty object.
const EMPTY_RESULT: ServerResult = { tag: 'ping' };

/**
 * resources/list and resources/templates/list: ours, then downstream's; resources/read: ours
 * if we own the URI, else downstream; nobody owns it -> -32002 "Resource not found".
 * resources/subscribe and unsubscribe are recorded for the session (without one, nothing
 * could ever deliver the notification, so they go downstream like any unknown method).
 */
export function handleResources(ctx: MessageContext, message: ClientMessage, resources: ResourcesProvider, next: Next, openBucket: OpenBucket): MaybePromise<HandlerResult> {
  if (message.tag !== 'request') return next(ctx, message);
  const request = message.val[1];
  const downstream = () => next(ctx, message);
  switch (request.tag) {
    case 'resources-list':
      return listOursThenDownstream('resources-list', () => resources.listResources(ctx, request.val), downstream);
    case 'resources-templates-list':
      return listOursThenDownstream('resources-templates-list', () => resources.listResourceTemplates(ctx, request.val), downstream);
    case 'resources-read':
      return oursOrDownstream(
        () => resources.readResource(ctx, request.val),
        (val): ServerResult => ({ tag: 'resources-read', val }),
        downstream,
        () => resourceNotFound(request.val.uri),
      );
    case 'resources-subscribe':
      return ctx.session ? subscription(openBucket, ctx.session, request.val, subscribeResource) : downstream();
    case 'resources-unsubscribe':
      return ctx.session ? subscription(openBucket, ctx.session, request.val, unsubscribeResource) : downstream();
    default:
      return downstream();
  }
}

function subscription(
  openBucket: OpenBucket,
  session: { sessionId: string; storeId: string },
  uri: string,
  change: (bucket: SubscriptionBucket, sessionId: string, uri: string) => void,
): HandlerResult {
  try {
    change(openBucket(session.storeId), session.sessionId, uri);
  } catch (err) {
    return { tag: 'err', val: internalError(`Internal error: the session store failed (${storeErrorText(err)})`) };
  }
  return { tag: 'ok', val: EMPTY_RESULT };
}

/**
 * wasmcp:keyvalue/store errors arrive as `{ payload: { tag, val? } }` across a component
 * boundary, and as the bare `{ tag, val? }` from the store's factory in a fused build.
 */
function storeErrorText(err: unknown): string {
  const thrown = err as { payload?: { tag?: unknown; val?: unknown }; tag?: unknown; val?: unknown } | null;
  const payload = thrown?.payload ?? thrown;
  if (payload && typeof payload.tag === 'string') return typeof payload.val === 'string' ? `${payload.tag}: ${payload.val}` : payload.tag;
  return err instanceof Error ? err.message : String(err);
}
