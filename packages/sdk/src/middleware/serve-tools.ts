// Composed tools: a tools component's tools served by a middleware, so their handlers reach the
// rest of the chain (`ctx.downstream`) and the downstream tools they wrap can be hidden: gone from
// tools/list and refused by tools/call (-32602, as an unknown tool), while the composed tools
// still call them.
import { invalidParams, isMethodNotFound, ProtocolError, stringifyJson, type JsonObject } from '@wasmcp-ts/protocol';
import { isRequest, resultToJson, type ToolJson } from '../mcp-json.js';
import type { ToolsExport } from '../tools.js';
import type { Middleware } from './define.js';
import { matchTools, type ToolMatch } from './helpers.js';

export interface ServeToolsOptions {
  /** Downstream tools the client does not see (listed nowhere, refused when called). */
  hide?: ToolMatch;
}

/** A middleware step serving `tools` (what defineTools returns) in front of the rest of the chain. */
export function serveTools(tools: ToolsExport, options: ServeToolsOptions = {}): Middleware {
  const hidden = options.hide === undefined ? () => false : matchTools(options.hide);
  return async (ctx, message, next) => {
    if (isRequest(message, 'tools/list')) {
      const ours = resultToJson({ tag: 'tools-list', val: tools.listTools(ctx.request, {}) });
      const theirs = await downstreamList(next);
      const visible = theirs.filter((tool) => !hidden(tool.name)) as unknown as JsonObject[];
      return { ...ours, tools: [...(ours.tools as JsonObject[]), ...visible] };
    }
    if (isRequest(message, 'tools/call')) {
      const name = String(message.params?.name ?? '');
      const args = message.params?.arguments;
      const result = await tools.callTool(ctx.request, { name, arguments: args === undefined ? undefined : stringifyJson(args) }, ctx.downstream);
      if (result !== undefined) return resultToJson({ tag: 'tools-call', val: result });
      if (hidden(name)) throw new ProtocolError(invalidParams(`Unknown tool: ${name}`));
      // Nobody below owns it either: an unknown tool, as tools-middleware answers.
      return next().catch((err: unknown) => {
        if (err instanceof ProtocolError && isMethodNotFound(err.errorCode)) throw new ProtocolError(invalidParams(`Unknown tool: ${name}`));
        throw err;
      });
    }
    return next();
  };
}

/** Downstream's tools; a chain with no tools (method-not-found) has none. */
async function downstreamList(next: () => Promise<JsonObject | undefined>): Promise<ToolJson[]> {
  try {
    return (((await next()) ?? {}).tools ?? []) as unknown as ToolJson[];
  } catch (err) {
    if (err instanceof ProtocolError && isMethodNotFound(err.errorCode)) return [];
    throw err;
  }
}
