// What a chain can do, found by asking it (both transports advertise from this): a request
// answered -32601, or not at all, means nobody below owns that capability. Probes carry a
// context without a client stream, so nothing they trigger can reach the client.
import { isUnowned, type Next } from './chain-results.js';
import type { ClientRequest } from './wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from './wit/wasmcp-mcp-v20251125-server-handler.js';

export interface ChainCapabilities {
  tools: boolean;
  resources: boolean;
  prompts: boolean;
  completions: boolean;
}

/** An id no JSON-RPC client sends, so no answer is mistaken for one of theirs. */
const PROBE_ID = { tag: 'string', val: 'wasmcp-ts/capability-probe' } as const;

const PROBES: Record<keyof ChainCapabilities, ClientRequest> = {
  tools: { tag: 'tools-list', val: {} },
  resources: { tag: 'resources-list', val: {} },
  prompts: { tag: 'prompts-list', val: {} },
  // A prompt named "" exists nowhere: an owner answers with an empty completion or -32602,
  // and only a chain without a completions owner answers -32601.
  completions: { tag: 'completion-complete', val: { argument: { name: '', value: '' }, ref: { tag: 'prompt', val: { name: '' } } } },
};

export async function probeChainCapabilities(next: Next, ctx: MessageContext): Promise<ChainCapabilities> {
  const probeCtx = { ...ctx, clientStream: undefined };
  // Any error but -32601 (a failing list, bad params) still comes from an owner; a chain that
  // throws cannot serve the capability.
  const owns = async (request: ClientRequest) => {
    try {
      return !isUnowned(await next(probeCtx, { tag: 'request', val: [PROBE_ID, request] }));
    } catch {
      return false;
    }
  };
  return {
    tools: await owns(PROBES.tools),
    resources: await owns(PROBES.resources),
    prompts: await owns(PROBES.prompts),
    completions: await owns(PROBES.completions),
  };
}
