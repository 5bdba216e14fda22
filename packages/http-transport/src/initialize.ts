// initialize belongs to the transport: it negotiates the version from the request params and
// advertises exactly the capabilities the chain below serves, found by asking it.
import { probeChainCapabilities, requestIdToJson, stringifyJson } from '@wasmcp-ts/protocol';
import type { RequestId } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import type { ChainHandler } from './chain.js';
import type { TransportConfig } from './config.js';
import { SUPPORTED_VERSIONS } from './negotiation.js';

export const LATEST_VERSION = SUPPORTED_VERSIONS[0];

export function negotiateVersion(requested: string | undefined): string {
  return requested && SUPPORTED_VERSIONS.includes(requested) ? requested : LATEST_VERSION;
}

/** The capabilities object: what the chain below owns, plus logging (the transport answers setLevel). */
export async function probeCapabilities(handle: ChainHandler, ctx: MessageContext): Promise<Record<string, object>> {
  const owned = await probeChainCapabilities(handle, ctx);
  const capabilities: Record<string, object> = { logging: {} };
  for (const capability of ['tools', 'resources', 'prompts', 'completions'] as const) if (owned[capability]) capabilities[capability] = {};
  return capabilities;
}

export function initializeResponse(id: RequestId, version: string, capabilities: Record<string, object>, config: TransportConfig): string {
  const result: Record<string, unknown> = {
    protocolVersion: version,
    capabilities,
    serverInfo: { name: config.serverName, version: config.serverVersion },
  };
  if (config.instructions) result.instructions = config.instructions;
  return stringifyJson({ jsonrpc: '2.0', id: requestIdToJson(id), result });
}

