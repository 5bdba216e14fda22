// DELETE: the client ends its session; later requests with that id get 404, and its data
// (values, queued messages, pending client requests) leaves the store.
import type { Identity } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { TransportServices } from './chain.js';
import type { TransportConfig } from './config.js';
import type { HttpExchange } from './http-exchange.js';
import { rejectRequest } from './responses.js';
import { describe, requireSession } from './session-gate.js';

export function handleDelete(exchange: HttpExchange, config: TransportConfig, services: TransportServices, identity: Identity | undefined): void {
  if (!config.sessionsEnabled) {
    return rejectRequest(exchange, 405, 'Method Not Allowed: this server has no sessions to end', { headers: { allow: 'POST' } });
  }
  const gate = requireSession(exchange, config, services, identity);
  if (!gate.ok) return;
  const sessionId = gate.session!.sessionId;
  try {
    services.sessions.markTerminated(sessionId, config.sessionBucket, 'terminated by the client');
  } catch (err) {
    return rejectRequest(exchange, 500, `Session store error: ${describe(err)}`, { code: -32603 });
  }
  // Terminated already, so the client's answer does not wait for the clean-up to succeed.
  try {
    services.sessions.deleteSession(sessionId, config.sessionBucket);
  } catch (err) {
    console.error(`http-transport: session ${sessionId} is terminated, but its data could not be deleted: ${describe(err)}`);
  }
  exchange.respond(200, {});
}
