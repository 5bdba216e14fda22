// OAuth 2.1 resource server duties (MCP 2025-11-25 authorization, RFC 6750, RFC 9728):
// a bearer token on every request, a challenge that points at our protected-resource metadata.
import { missingScopes, requiredScopes } from '@wasmcp-ts/authorization/policy';
import { attempt, type MaybePromise } from '@wasmcp-ts/protocol';
import type { ClientMessage, Identity } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { ServerAuth } from './chain.js';
import type { TransportConfig } from './config.js';
import type { HttpExchange } from './http-exchange.js';
import { JSON_HEADERS } from './responses.js';

export const METADATA_PATH = '/.well-known/oauth-protected-resource';

/** The public base URL of this server: configured, or as the client reached it. */
export function serverBase(exchange: HttpExchange, config: TransportConfig): string {
  if (config.serverUri) {
    try {
      return new URL(config.serverUri).origin;
    } catch {
      // a malformed WASMCP_SERVER_URI falls back to what the client used
    }
  }
  const proto = exchange.header('x-forwarded-proto') ?? 'http';
  return `${proto}://${exchange.header('host') ?? 'localhost'}`;
}

/** The resource identifier tokens must be issued for (RFC 8707). */
export function resourceUri(exchange: HttpExchange, config: TransportConfig, mcpPath: string): string {
  return config.serverUri ?? `${serverBase(exchange, config)}${mcpPath}`;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

export function challenge(exchange: HttpExchange, config: TransportConfig, mcpPath: string, error?: { code: string; description: string }, scopes = config.requiredScopes): string {
  const parts = [`resource_metadata=${quote(`${serverBase(exchange, config)}${METADATA_PATH}${mcpPath}`)}`];
  if (error) parts.push(`error=${quote(error.code)}`, `error_description=${quote(error.description)}`);
  if (scopes.length) parts.push(`scope=${quote(scopes.join(' '))}`);
  return `Bearer ${parts.join(', ')}`;
}

/** RFC 9728 protected resource metadata. */
export function serveMetadata(exchange: HttpExchange, config: TransportConfig, mcpPath: string): void {
  const document = {
    resource: resourceUri(exchange, config, mcpPath),
    authorization_servers: config.authServerUrl ? [config.authServerUrl] : [],
    bearer_methods_supported: ['header'],
    ...(config.requiredScopes.length ? { scopes_supported: config.requiredScopes } : {}),
  };
  exchange.respond(200, { ...JSON_HEADERS, 'cache-control': 'max-age=3600' }, JSON.stringify(document));
}

export type AuthOutcome = { ok: true; identity: Identity | undefined } | { ok: false };

/** In oauth mode, the verified identity of the caller; otherwise answers 401 and returns not ok. */
export function authenticate(exchange: HttpExchange, config: TransportConfig, auth: ServerAuth, mcpPath: string): MaybePromise<AuthOutcome> {
  if (config.authMode !== 'oauth') return { ok: true, identity: undefined };
  const unauthorized = (description: string, code?: string) => {
    const www = challenge(exchange, config, mcpPath, code ? { code, description } : undefined);
    exchange.respond(401, { ...JSON_HEADERS, 'www-authenticate': www }, JSON.stringify({ error: code ?? 'unauthorized', error_description: description }));
    return { ok: false as const };
  };
  const header = exchange.header('authorization');
  const match = header && /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(header);
  if (!header) return unauthorized('Authorization required: send a bearer token');
  if (!match) return unauthorized('The Authorization header is not a bearer token', 'invalid_request');
  const jwt = new TextEncoder().encode(match[1]);
  return attempt(
    () => auth.decode(jwt),
    (claims): AuthOutcome => ({ ok: true, identity: { jwt, claims } }),
    () => unauthorized('The access token is invalid, expired, or not issued for this server', 'invalid_token'),
  );
}

/** 403 naming the scopes the token lacks for this request (RFC 6750 insufficient_scope). */
export function forbidden(exchange: HttpExchange, config: TransportConfig, mcpPath: string, message: ClientMessage, granted: readonly string[]): void {
  const required = [...new Set([...config.requiredScopes, ...requiredScopes(config.authPolicy, message)])];
  const missing = missingScopes(required, granted);
  const description = missing.length ? `The access token lacks the scope(s) ${missing.join(' ')}` : 'The access token may not make this request';
  const www = challenge(exchange, config, mcpPath, { code: 'insufficient_scope', description }, missing.length ? missing : required);
  exchange.respond(403, { ...JSON_HEADERS, 'www-authenticate': www }, JSON.stringify({ error: 'insufficient_scope', error_description: description }));
}
