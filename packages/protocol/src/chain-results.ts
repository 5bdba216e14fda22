// What capability middleware does with the answers of the chain below it: list methods merge
// ours with downstream's, routed methods fall through to downstream, and the end of the chain
// (method-not-found) means nobody owns the request.
import { toErrorCode } from './boundary.js';
import { isMethodNotFound } from './errors.js';
import { andThen, attempt, type MaybePromise } from './maybe-promise.js';
import type { ClientMessage, ErrorCode, ServerResult } from './wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from './wit/wasmcp-mcp-v20251125-server-handler.js';

/** What server-handler#handle returns. */
export type HandlerResult = { tag: 'ok'; val: ServerResult } | { tag: 'err'; val: ErrorCode } | undefined;
/**
 * The imported `handle`: the chain below a middleware. Across a component boundary it answers
 * at once; inside a fused build the next link is plain JS and may be async (a tool handler).
 */
export type Next = (ctx: MessageContext, message: ClientMessage) => MaybePromise<HandlerResult>;
/** The `server-handler` interface as a factory imports and exports it. */
export interface ServerHandler {
  handle: Next;
}

/** The list results and the field holding their items. */
const LIST_ITEMS = {
  'tools-list': 'tools',
  'resources-list': 'resources',
  'resources-templates-list': 'resourceTemplates',
  'prompts-list': 'prompts',
} as const;
export type ListTag = keyof typeof LIST_ITEMS;
export type ListResult<T extends ListTag> = Extract<ServerResult, { tag: T }>['val'];

function itemsOf(page: ListResult<ListTag>, key: string): unknown[] {
  return (page as unknown as Record<string, unknown[]>)[key];
}

/** The answer of a request nobody below owns: none, or method-not-found from the end of the chain. */
export function isUnowned(answer: HandlerResult): boolean {
  return answer === undefined || (answer.tag === 'err' && isMethodNotFound(answer.val));
}

/**
 * A list method: ours, then downstream's items for the same request (cursor included).
 * Downstream's cursor wins (it pages the longer tail), ours is kept when downstream has none.
 * A downstream that fails adds nothing: an error below must not hide the items we do have.
 * A component answering method-not-found does not serve this list (upstream's rule), so the
 * answer is downstream's alone; any other error of ours is the answer.
 */
export function listOursThenDownstream<T extends ListTag>(
  tag: T,
  ours: () => MaybePromise<ListResult<T>>,
  downstream: () => MaybePromise<HandlerResult>,
): MaybePromise<HandlerResult> {
  return attempt(
    ours,
    (mine) => andThen(downstream(), (below) => merged(tag, mine, below)),
    (err) => {
      const error = toErrorCode(err);
      return isMethodNotFound(error) ? downstream() : { tag: 'err', val: error };
    },
  );
}

function merged<T extends ListTag>(tag: T, mine: ListResult<T>, below: HandlerResult): HandlerResult {
  let val: ListResult<T> = mine;
  if (below?.tag === 'ok' && below.val.tag === tag) {
    const theirs = below.val.val as ListResult<T>;
    const key = LIST_ITEMS[tag];
    const items = [...itemsOf(mine, key), ...itemsOf(theirs, key)];
    val = { ...mine, [key]: items, nextCursor: theirs.nextCursor ?? mine.nextCursor, meta: mine.meta ?? theirs.meta } as ListResult<T>;
  }
  return { tag: 'ok', val: { tag, val } as ServerResult };
}

/**
 * A routed method: ours if we own it (`ours` returns a result), else downstream's answer;
 * nobody owns it -> `unowned()`. An error of ours is the answer.
 */
export function oursOrDownstream<R>(
  ours: () => MaybePromise<R | undefined>,
  wrap: (result: R) => ServerResult,
  downstream: () => MaybePromise<HandlerResult>,
  unowned: () => ErrorCode,
): MaybePromise<HandlerResult> {
  return attempt(
    ours,
    (mine): MaybePromise<HandlerResult> => {
      if (mine !== undefined) return { tag: 'ok', val: wrap(mine) };
      return andThen(downstream(), (below) => (isUnowned(below) ? { tag: 'err', val: unowned() } : below));
    },
    (err) => ({ tag: 'err', val: toErrorCode(err) }),
  );
}
