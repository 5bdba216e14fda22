// The scope policy of WASMCP_AUTH_POLICY: which OAuth scopes a request needs, by JSON-RPC
// method and by the tool, resource or prompt it names. `authorize` grants a request when the
// token holds every scope it needs; the HTTP transport names the missing ones in its 403.
// Exported as `@wasmcp-ts/authorization/policy` so the transport computes the same list.
import { CLIENT_NOTIFICATION_METHODS, CLIENT_REQUEST_METHODS } from '@wasmcp-ts/protocol';
import type { ClientMessage, ClientRequest } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';

/** Scopes by key; the key `*` applies to whatever has no entry of its own. */
export type ScopeTable = Readonly<Record<string, readonly string[]>>;

export interface ScopePolicy {
  /** By JSON-RPC method, e.g. `tools/call`. */
  methods: ScopeTable;
  /** By tool name (tools/call). */
  tools: ScopeTable;
  /** By resource URI, or a URI prefix ending in `*` (resources/read, subscribe, unsubscribe); the longest match wins. */
  resources: ScopeTable;
  /** By prompt name (prompts/get). */
  prompts: ScopeTable;
}

const SECTIONS = ['methods', 'tools', 'resources', 'prompts'] as const;

export const EMPTY_POLICY: ScopePolicy = { methods: {}, tools: {}, resources: {}, prompts: {} };

/** Parses a policy document; throws an Error that says what is wrong and where. */
export function parsePolicy(text: string | undefined): ScopePolicy {
  if (text === undefined || text.trim() === '') return EMPTY_POLICY;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`WASMCP_AUTH_POLICY is not valid JSON: ${(err as Error).message}`);
  }
  if (!isPlainObject(doc)) throw new Error('WASMCP_AUTH_POLICY must be a JSON object');
  const unknown = Object.keys(doc).filter((k) => !(SECTIONS as readonly string[]).includes(k));
  if (unknown.length) throw new Error(`WASMCP_AUTH_POLICY has unknown section(s) ${unknown.map((k) => `"${k}"`).join(', ')}; expected ${SECTIONS.join(', ')}`);
  const policy = { ...EMPTY_POLICY };
  for (const section of SECTIONS) {
    const table = doc[section];
    if (table === undefined) continue;
    if (!isPlainObject(table)) throw new Error(`WASMCP_AUTH_POLICY.${section} must be an object of scope lists`);
    const parsed: Record<string, string[]> = {};
    for (const [key, scopes] of Object.entries(table)) {
      if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string' || !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s))) {
        throw new Error(`WASMCP_AUTH_POLICY.${section}["${key}"] must be a list of scope tokens (RFC 6749 section 3.3)`);
      }
      parsed[key] = [...new Set(scopes as string[])];
    }
    policy[section] = parsed;
  }
  return policy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lookup(table: ScopeTable, key: string): readonly string[] {
  return Object.hasOwn(table, key) ? table[key] : (table['*'] ?? []);
}

function lookupResource(table: ScopeTable, uri: string): readonly string[] {
  if (Object.hasOwn(table, uri)) return table[uri];
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (key.endsWith('*') && uri.startsWith(key.slice(0, -1)) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? [] : table[best];
}

function nameScopes(policy: ScopePolicy, request: ClientRequest): readonly string[] {
  switch (request.tag) {
    case 'tools-call':
      return lookup(policy.tools, request.val.name);
    case 'prompts-get':
      return lookup(policy.prompts, request.val.name);
    case 'resources-read':
      return lookupResource(policy.resources, request.val.uri);
    case 'resources-subscribe':
    case 'resources-unsubscribe':
      return lookupResource(policy.resources, request.val);
    case 'initialize':
    case 'tools-list':
    case 'resources-list':
    case 'resources-templates-list':
    case 'prompts-list':
    case 'completion-complete':
    case 'logging-set-level':
    case 'ping':
      return [];
    default: {
      const unhandled: never = request;
      return unhandled;
    }
  }
}

/** The JSON-RPC method of a message, or what it is when it has none (for logs). */
export function clientMethod(message: ClientMessage): string {
  switch (message.tag) {
    case 'request':
      return CLIENT_REQUEST_METHODS[message.val[1].tag];
    case 'notification':
      return CLIENT_NOTIFICATION_METHODS[message.val.tag];
    case 'result':
    case 'error':
      return `a client ${message.tag}`;
    default: {
      const unhandled: never = message;
      return unhandled;
    }
  }
}

/** Every scope the message needs under the policy, without duplicates. */
export function requiredScopes(policy: ScopePolicy, message: ClientMessage): string[] {
  switch (message.tag) {
    case 'request': {
      const request = message.val[1];
      return [...new Set([...lookup(policy.methods, CLIENT_REQUEST_METHODS[request.tag]), ...nameScopes(policy, request)])];
    }
    case 'notification':
      return [...lookup(policy.methods, CLIENT_NOTIFICATION_METHODS[message.val.tag])];
    case 'result':
    case 'error':
      // Answers to the server's own requests: nothing to grant.
      return [];
    default: {
      const unhandled: never = message;
      return unhandled;
    }
  }
}

/** The scopes of `required` that `granted` lacks. */
export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  const held = new Set(granted);
  return required.filter((s) => !held.has(s));
}
