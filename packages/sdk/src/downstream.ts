// ctx.downstream: requests to the rest of the chain (the components after this one), in MCP's
// JSON shapes. What a composed tool uses to call the tools it wraps, and what a middleware uses
// to ask the chain something of its own.
import type { JsonObject, Next } from '@wasmcp-ts/protocol';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { answerToJson, messageFromJson, type CallToolResultJson, type ToolJson } from './mcp-json.js';

export interface Downstream {
  /**
   * Any request to the rest of the chain: its result, or the chain's JSON-RPC error thrown
   * as a ProtocolError (no component answering it is -32601).
   */
  request(method: string, params?: JsonObject): Promise<JsonObject>;
  /**
   * Calls a tool of the rest of the chain. A tool that fails (an `isError` result, or a
   * JSON-RPC error such as an unknown tool) throws an Error naming it, which a handler that lets
   * it pass turns into its own `isError` result.
   */
  callTool(name: string, args?: Record<string, unknown>): Promise<CallToolResultJson>;
  /** Every tool of the rest of the chain (all pages of tools/list). */
  listTools(): Promise<ToolJson[]>;
}

/** The rest of the chain after the component handling `ctx`'s request, reached through `next`. */
export function createDownstream(ctx: MessageContext, next: Next): Downstream {
  let sent = 0;
  const request = async (method: string, params?: JsonObject): Promise<JsonObject> => {
    const id = `downstream-${++sent}`;
    const message = messageFromJson(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    const result = answerToJson(await next(ctx, message));
    if (result === undefined) throw new Error(`nothing downstream answered ${method}`);
    return result;
  };
  return {
    request,
    async callTool(name, args = {}) {
      let result: CallToolResultJson;
      try {
        result = (await request('tools/call', { name, arguments: args as JsonObject })) as unknown as CallToolResultJson;
      } catch (err) {
        throw new Error(`Tool "${name}" failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (result.isError) throw new Error(`Tool "${name}" failed: ${textOf(result) || 'it returned an error result'}`);
      return result;
    },
    async listTools() {
      const tools: ToolJson[] = [];
      let cursor: string | undefined;
      do {
        const page = await request('tools/list', cursor === undefined ? undefined : { cursor });
        tools.push(...((page.tools ?? []) as unknown as ToolJson[]));
        cursor = typeof page.nextCursor === 'string' ? page.nextCursor : undefined;
      } while (cursor !== undefined);
      return tools;
    },
  };
}

function textOf(result: CallToolResultJson): string {
  return result.content
    .filter((block): block is Extract<typeof block, { type: 'text' }> => block.type === 'text')
    .map((block) => block.text)
    .join('\n');
}

/** ctx.downstream of a plain tools, resources or prompts component, which does not see the chain. */
export const NO_DOWNSTREAM: Downstream = (() => {
  const refuse = async (): Promise<never> => {
    throw new Error('ctx.downstream reaches the rest of the chain only in a middleware: serve the tools with serveTools of @wasmcp-ts/sdk/middleware');
  };
  return { request: refuse, callTool: refuse, listTools: refuse };
})();
