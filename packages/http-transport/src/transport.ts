// Streamable HTTP (MCP 2025-11-25 and 2026-07-28): checks every request shares (origin, host, token), then
// hands it to the handler of its method.
import { andThen, isModernVersion, MODERN_PROTOCOL_VERSION, type MaybePromise } from '@wasmcp-ts/protocol';
import { authenticate, METADATA_PATH, serveMetadata } from './auth-gate.js';
import type { TransportServices } from './chain.js';
import type { TransportConfig } from './config.js';
import { handleDelete } from './delete-session.js';
import { handleGet } from './get-stream.js';
import type { HttpExchange } from './http-exchange.js';
import { isHostAllowed, isOriginAllowed } from './origin.js';
import { handlePost } from './post.js';
import { rejectRequest } from './responses.js';

export function handleHttp(exchange: HttpExchange, config: TransportConfig, services: TransportServices): MaybePromise<void> {
  const origin = exchange.header('origin');
  if (origin !== undefined && !isOriginAllowed(origin, config)) {
    return rejectRequest(exchange, 403, `Forbidden: origin ${origin} is not allowed (set WASMCP_ALLOWED_ORIGINS)`);
  }
  const host = exchange.header('host');
  if (config.validateHost && host !== undefined && !isHostAllowed(host, config)) {
    return rejectRequest(exchange, 403, `Forbidden: host ${host} is not allowed (set WASMCP_ALLOWED_ORIGINS)`);
  }
  const mcpPath = config.mcpPath;
  if (exchange.path === METADATA_PATH || exchange.path === `${METADATA_PATH}${mcpPath}`) {
    if (config.authMode !== 'oauth') return rejectRequest(exchange, 404, 'Not Found: this server does not use OAuth');
    if (exchange.method !== 'GET') return rejectRequest(exchange, 405, 'Method Not Allowed', { headers: { allow: 'GET' } });
    return serveMetadata(exchange, config, mcpPath);
  }
  if (exchange.path !== mcpPath) return rejectRequest(exchange, 404, `Not Found: the MCP endpoint is ${mcpPath}`);

  return andThen(authenticate(exchange, config, services.auth, mcpPath), (auth) => {
    if (!auth.ok) return;
    // 2026-07-28 has no GET stream and no sessions to delete.
    if (exchange.method !== 'POST' && isModernVersion(exchange.header('mcp-protocol-version')?.trim())) {
      return rejectRequest(exchange, 405, `Method Not Allowed: protocol ${MODERN_PROTOCOL_VERSION} uses POST only`, { headers: { allow: 'POST' } });
    }
    switch (exchange.method) {
      case 'POST':
        return handlePost(exchange, { config, services, identity: auth.identity, mcpPath });
      case 'GET':
        return handleGet(exchange, config, services, auth.identity);
      case 'DELETE':
        return handleDelete(exchange, config, services, auth.identity);
      default:
        return rejectRequest(exchange, 405, `Method Not Allowed: ${exchange.method}`, { headers: { allow: 'GET, POST, DELETE' } });
    }
  });
}
