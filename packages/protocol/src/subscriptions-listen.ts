// subscriptions/listen (2026-07-28, replacing resources/subscribe and the GET stream): the
// filter a client sends, the part of it a server honours, and the messages of a subscription,
// each tagged with the subscription's id (the JSON-RPC id of the listen request).
import { invalidParams } from './errors.js';
import { isJsonObject, stringifyJson, type JsonObject, type JsonValue } from './json.js';
import type { ErrorCode } from './wit/wasmcp-mcp-v20251125-mcp.js';

export const SUBSCRIPTIONS_LISTEN = 'subscriptions/listen';
export const META_SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId';

export interface ListenFilter {
  toolsListChanged?: boolean;
  promptsListChanged?: boolean;
  resourcesListChanged?: boolean;
  resourceSubscriptions?: string[];
}

const LIST_FLAGS = ['toolsListChanged', 'promptsListChanged', 'resourcesListChanged'] as const;

/** The filter of a listen request's params, or the -32602 it deserves. */
export function readListenFilter(request: JsonObject): { ok: true; filter: ListenFilter } | { ok: false; error: ErrorCode } {
  const params = request.params;
  const notifications = isJsonObject(params) ? params.notifications : undefined;
  if (notifications === undefined) return { ok: true, filter: {} };
  if (!isJsonObject(notifications)) return { ok: false, error: invalidParams('params.notifications must be an object') };
  const filter: ListenFilter = {};
  for (const flag of LIST_FLAGS) {
    const value = notifications[flag];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return { ok: false, error: invalidParams(`params.notifications.${flag} must be a boolean`) };
    filter[flag] = value;
  }
  const uris = notifications.resourceSubscriptions;
  if (uris !== undefined) {
    if (!Array.isArray(uris) || !uris.every((uri) => typeof uri === 'string')) {
      return { ok: false, error: invalidParams('params.notifications.resourceSubscriptions must be a list of resource URIs') };
    }
    filter.resourceSubscriptions = uris as string[];
  }
  return { ok: true, filter };
}

/** The part of `filter` a server with these capabilities (and a feed, or not) delivers. */
export function agreedFilter(filter: ListenFilter, capabilities: Record<string, object>, hasFeed: boolean): ListenFilter {
  if (!hasFeed) return {};
  const agreed: ListenFilter = {};
  if (filter.toolsListChanged && capabilities.tools) agreed.toolsListChanged = true;
  if (filter.promptsListChanged && capabilities.prompts) agreed.promptsListChanged = true;
  if (filter.resourcesListChanged && capabilities.resources) agreed.resourcesListChanged = true;
  if (filter.resourceSubscriptions && capabilities.resources) agreed.resourceSubscriptions = [...filter.resourceSubscriptions];
  return agreed;
}

/** Whether the filter asked for this notification (JSON-RPC object from the feed). */
export function wanted(filter: ListenFilter, notification: JsonObject): boolean {
  switch (notification.method) {
    case 'notifications/tools/list_changed':
      return filter.toolsListChanged === true;
    case 'notifications/prompts/list_changed':
      return filter.promptsListChanged === true;
    case 'notifications/resources/list_changed':
      return filter.resourcesListChanged === true;
    case 'notifications/resources/updated': {
      const uri = isJsonObject(notification.params) ? notification.params.uri : undefined;
      return typeof uri === 'string' && (filter.resourceSubscriptions ?? []).includes(uri);
    }
    default:
      return false;
  }
}

/** `notification` as this subscription sends it: its id in `params._meta`. */
export function tagged(notification: JsonObject, subscriptionId: JsonValue): string {
  const params = isJsonObject(notification.params) ? notification.params : {};
  const meta = isJsonObject(params._meta) ? params._meta : {};
  return stringifyJson({ ...notification, params: { ...params, _meta: { ...meta, [META_SUBSCRIPTION_ID]: subscriptionId } } });
}

/** The first message of a subscription: the filter it will honour. */
export function listenAcknowledgment(subscriptionId: JsonValue, agreed: ListenFilter): string {
  return stringifyJson({
    jsonrpc: '2.0',
    method: 'notifications/subscriptions/acknowledged',
    params: { _meta: { [META_SUBSCRIPTION_ID]: subscriptionId }, notifications: agreed as JsonObject },
  });
}

/** The response that ends a subscription gracefully (the server's side of closing it). */
export function listenCompletion(subscriptionId: JsonValue): string {
  return stringifyJson({ jsonrpc: '2.0', id: subscriptionId, result: { resultType: 'complete', _meta: { [META_SUBSCRIPTION_ID]: subscriptionId } } });
}
