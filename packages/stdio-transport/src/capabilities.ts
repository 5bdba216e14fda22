// What the chain below can do, found by asking it: a list request that comes back -32601
// (or unanswered) means nobody owns that capability. This keeps the transport portable: it
// learns the chain from the chain itself, under any composer, as upstream's transport does.
// The probes run once per initialize and carry no client stream, so nothing they trigger
// can reach the client.
import { isUnowned, type Next } from '@wasmcp-ts/protocol';
import type { ClientRequest, ServerCapabilities } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

/** Probe requests get ids no JSON-RPC client sends with them, so no answer is mistaken for theirs. */
const PROBE_ID = { tag: 'string', val: 'wasmcp-ts/capability-probe' } as const;

/**
 * `completion/complete` needs a reference; a prompt named "" exists nowhere, so an owner
 * answers it with an empty completion or an invalid-params error, and only a chain without
 * a completions owner answers -32601.
 */
const COMPLETION_PROBE: ClientRequest = {
  tag: 'completion-complete',
  val: { argument: { name: '', value: '' }, ref: { tag: 'prompt', val: { name: '' } } },
};

export function probeCapabilities(next: Next, ctx: MessageContext): ServerCapabilities {
  // Any error but -32601 (a failing list, bad params) still comes from an owner.
  const owns = (request: ClientRequest) => !isUnowned(next(ctx, { tag: 'request', val: [PROBE_ID, request] }));
  const tools = owns({ tag: 'tools-list', val: {} });
  const resources = owns({ tag: 'resources-list', val: {} });
  const prompts = owns({ tag: 'prompts-list', val: {} });
  const completions = owns(COMPLETION_PROBE);
  return {
    // logging/setLevel is always answered (by the chain, else by the transport).
    logging: '{}',
    completions: completions ? '{}' : undefined,
    // WIT has no "present without listChanged" form for these: the list-changed flags are
    // how a server-capabilities record says a capability is there (as upstream does).
    listChanged: tools || resources || prompts ? { tools, resources, prompts } : undefined,
  };
}
