// Example middleware: tools the client may not use are neither listed nor callable. From
// configuration (`wasmcp-ts serve --env KEY=VALUE`):
//   TOOL_FILTER_HIDE    name patterns (`*` matches anything), comma-separated: hidden from
//                       everyone, and refused as unknown tools
//   TOOL_FILTER_SCOPES  JSON: { "pattern": ["scope", ...] }: a matching tool is listed and
//                       callable only with a bearer token holding every one of those scopes
import { defineMiddleware, interceptToolCall, invalidParams, matchTools, ProtocolError, rewriteToolsList, type MiddlewareContext } from '@wasmcp-ts/sdk/middleware';

/** The scopes `name` needs that the request's token lacks; undefined when the tool is hidden outright. */
function missingScopes(ctx: MiddlewareContext, name: string): string[] | undefined {
  const hide = (ctx.env('TOOL_FILTER_HIDE') ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  if (hide.length > 0 && matchTools(hide)(name)) return undefined;
  const rules = JSON.parse(ctx.env('TOOL_FILTER_SCOPES') ?? '{}') as Record<string, string[]>;
  const held = new Set(ctx.request.identity?.claims.scopes ?? []);
  const needed = Object.entries(rules).flatMap(([pattern, scopes]) => (matchTools(pattern)(name) ? scopes : []));
  return [...new Set(needed)].filter((scope) => !held.has(scope));
}

export const serverHandler = defineMiddleware(
  rewriteToolsList((tools, ctx) => tools.filter((tool) => missingScopes(ctx, tool.name)?.length === 0)),
  interceptToolCall('*', (call, ctx, next) => {
    const missing = missingScopes(ctx, call.name);
    if (missing === undefined) throw new ProtocolError(invalidParams(`Unknown tool: ${call.name}`));
    if (missing.length > 0) throw new ProtocolError(invalidParams(`Tool "${call.name}" needs the scope ${missing.join(' and ')}, which this client's token lacks`));
    return next();
  }),
);
