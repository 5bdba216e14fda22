// initialize belongs to the transport: it negotiates the version from the request params and
// advertises exactly the capabilities the chain below serves, found by asking it.
import { isMethodNotFound, requestIdToJson, stringifyJson } from '@wasmcp-ts/protocol';
import type { ClientRequest, RequestId } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import type { ChainHandler } from './chain.js';
import type { TransportConfig } from './config.js';
import { SUPPORTED_VERSIONS } from './negotiation.js';

export const LATEST_VERSION = SUPPORTED_VERSIONS[0];

export function negotiateVersion(requested: string | undefined): string {
  return requested && SUPPORTED_VERSIONS.includes(requested) ? requested : LATEST_VERSION;
}

const PROBES: { capability: 'tools' | 'resources' | 'prompts' | 'completions'; request: ClientRequest }[] = [
  { capability: 'tools', request: { tag: 'tools-list', val: {} } },
  { capability: 'resources', request: { tag: 'resources-list', val: {} } },
  { capability: 'prompts', request: { tag: 'prompts-list', val: {} } },
  {
    capability: 'completions',
    request: { tag: 'completion-complete', val: { argument: { name: '', value: '' }, ref: { tag: 'prompt', val: { name: '' } } } },
  },
];

/** The capabilities object: a capability is present when the chain answers its method with anything but -32601. */
export function probeCapabilities(handle: ChainHandler, ctx: MessageContext): Record<string, object> {
  const capabilities: Record<string, object> = { logging: {} };
  for (const { capability, request } of PROBES) {
    const id: RequestId = { tag: 'string', val: `wasmcp-ts-probe-${capability}` };
    let answer;
    try {
      answer = handle(ctx, { tag: 'request', val: [id, request] });
    } catch {
      continue; // a chain that cannot answer does not serve the capability
    }
    if (answer && !(answer.tag === 'err' && isMethodNotFound(answer.val))) capabilities[capability] = {};
  }
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

