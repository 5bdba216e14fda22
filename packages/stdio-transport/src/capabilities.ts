// The initialize result's capabilities in WIT form, from what the chain below owns.
import { probeChainCapabilities, type Next } from '@wasmcp-ts/protocol';
import type { ServerCapabilities } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

export async function probeCapabilities(next: Next, ctx: MessageContext): Promise<ServerCapabilities> {
  const { tools, resources, prompts, completions } = await probeChainCapabilities(next, ctx);
  return {
    // logging/setLevel is always answered (by the chain, else by the transport).
    logging: '{}',
    completions: completions ? '{}' : undefined,
    // WIT has no "present without listChanged" form for these: the list-changed flags are
    // how a server-capabilities record says a capability is there (as upstream does).
    listChanged: tools || resources || prompts ? { tools, resources, prompts } : undefined,
  };
}
