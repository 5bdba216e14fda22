// JSON-RPC method names of the WIT message variants (the variant tag is the kebab-case name).
import type { ClientNotification, ClientRequest, ServerNotification, ServerRequest } from './wit/wasmcp-mcp-v20251125-mcp.js';

export const CLIENT_REQUEST_METHODS: Record<ClientRequest['tag'], string> = {
  initialize: 'initialize',
  'tools-list': 'tools/list',
  'tools-call': 'tools/call',
  'resources-list': 'resources/list',
  'resources-read': 'resources/read',
  'resources-templates-list': 'resources/templates/list',
  'prompts-list': 'prompts/list',
  'prompts-get': 'prompts/get',
  'completion-complete': 'completion/complete',
  'logging-set-level': 'logging/setLevel',
  ping: 'ping',
  'resources-subscribe': 'resources/subscribe',
  'resources-unsubscribe': 'resources/unsubscribe',
};

export const CLIENT_NOTIFICATION_METHODS: Record<ClientNotification['tag'], string> = {
  initialized: 'notifications/initialized',
  'roots-list-changed': 'notifications/roots/list_changed',
  cancelled: 'notifications/cancelled',
  progress: 'notifications/progress',
};

export const SERVER_REQUEST_METHODS: Record<ServerRequest['tag'], string> = {
  'elicitation-create': 'elicitation/create',
  'roots-list': 'roots/list',
  'sampling-create-message': 'sampling/createMessage',
  ping: 'ping',
};

export const SERVER_NOTIFICATION_METHODS: Record<ServerNotification['tag'], string> = {
  'tools-list-changed': 'notifications/tools/list_changed',
  'resources-list-changed': 'notifications/resources/list_changed',
  'resources-updated': 'notifications/resources/updated',
  'prompts-list-changed': 'notifications/prompts/list_changed',
  log: 'notifications/message',
  cancellation: 'notifications/cancelled',
  progress: 'notifications/progress',
  'elicitation-complete': 'notifications/elicitation/complete',
};

export function clientRequestMethod(request: ClientRequest): string {
  return CLIENT_REQUEST_METHODS[request.tag];
}
