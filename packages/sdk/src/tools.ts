// defineTools: plain tool definitions -> the exports of wasmcp:mcp-v20251125/tools.
// The MCP rule for failures: arguments that break the input schema and handlers that throw are
// tool results with `isError: true` (the model can read and retry); only a malformed request
// (arguments that are not a JSON object) or a ProtocolError the handler throws on purpose is a
// JSON-RPC error.
import {
  andThen,
  attempt,
  checkParamHeaders,
  decodeTool,
  guardResult,
  isModernVersion,
  paramHeadersOf,
  ProtocolError,
  stringifyJson,
  toolArguments,
  type JsonObject,
  type MaybePromise,
  type ParamHeader,
} from '@wasmcp-ts/protocol';
import type { CallToolRequest, CallToolResult, ListToolsRequest, ListToolsResult, Tool } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { InputRequired } from './round-trips.js';
import { AuthorError, contentBlocks, decodeAuthored, metaText, textBlock, type Content, type Icon } from './content.js';
import { runWithContext, type Context } from './context.js';
import type { Downstream } from './downstream.js';
import { createContext } from './component.js';
import { compileToolSchema, type CompiledSchema, type Infer, type ToolSchema } from './schema.js';

export interface ToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

/** What a handler returns: a text, or a result in MCP's JSON shape. */
export type ToolReturn =
  | string
  | {
      /** Defaults to the structured content as JSON text, or nothing. */
      content?: Content[];
      /** Required when the tool declares an output schema, and checked against it. */
      structuredContent?: Record<string, unknown>;
      isError?: boolean;
      _meta?: JsonObject;
    };

/** The handler's arguments: typed from the input schema (none declared: no arguments). */
export type ToolArguments<S> = unknown extends S ? Record<string, never> : Infer<S>;

export interface ToolDefinition<S> {
  /** 1-128 characters of A-Z a-z 0-9 _ - . (MCP's tool name format). */
  name: string;
  title?: string;
  description?: string;
  icons?: Icon[];
  annotations?: ToolAnnotations;
  /** JSON Schema 2020-12 of the arguments, or a Standard Schema (zod >= 4.2, ...); default: no arguments. */
  inputSchema?: S;
  outputSchema?: ToolSchema;
  _meta?: JsonObject;
  handler: (args: ToolArguments<S>, ctx: Context) => ToolReturn | Promise<ToolReturn>;
}

/** The `tools` export: `export const tools = defineTools([...])`. */
export interface ToolsExport {
  listTools(ctx: MessageContext, request: ListToolsRequest): ListToolsResult;
  /**
   * `downstream` (given by a middleware serving the tools) becomes the handlers' `ctx.downstream`.
   * The answer comes at once when the handler and the schema checks are synchronous, else as a promise.
   */
  callTool(ctx: MessageContext, request: CallToolRequest, downstream?: Downstream): MaybePromise<CallToolResult | undefined>;
}

const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
const NO_ARGUMENTS = { type: 'object', additionalProperties: false } as const;

interface CompiledTool {
  listing: Tool;
  input: CompiledSchema;
  output: CompiledSchema | undefined;
  /** Arguments the input schema mirrors into `Mcp-Param-*` headers (`x-mcp-header`, 2026-07-28). */
  paramHeaders: ParamHeader[];
  definition: ToolDefinition<unknown>;
}

/**
 * The tools of a component. Schemas are compiled here, when the module loads (at build time):
 * a bad definition fails the build with its reason.
 */
export function defineTools<const S extends readonly unknown[]>(tools: { [K in keyof S]: ToolDefinition<S[K]> }): ToolsExport {
  const byName = new Map<string, CompiledTool>();
  for (const definition of tools as readonly ToolDefinition<unknown>[]) {
    const compiled = compileTool(definition);
    if (byName.has(definition.name)) throw new AuthorError(`tool "${definition.name}" is defined twice`);
    byName.set(definition.name, compiled);
  }
  const listing = [...byName.values()].map((t) => t.listing);
  return {
    listTools: () => ({ tools: listing }),
    callTool(ctx, request, downstream) {
      const tool = byName.get(request.name);
      if (!tool) return undefined;
      // A thrown error-code is the export's `err`; any other exception would trap the instance.
      return guardResult(() => callTool(tool, toolArguments(request.arguments), ctx, downstream));
    },
  };
}

function compileTool(definition: ToolDefinition<unknown>): CompiledTool {
  const { name } = definition;
  if (typeof name !== 'string' || !TOOL_NAME.test(name)) {
    throw new AuthorError(`tool name ${JSON.stringify(name)} must be 1-128 characters of A-Z, a-z, 0-9, _, - and .`);
  }
  if (typeof definition.handler !== 'function') throw new AuthorError(`tool "${name}" has no handler function`);
  const input = compileToolSchema((definition.inputSchema ?? NO_ARGUMENTS) as ToolSchema, 'input', `tool "${name}" inputSchema`);
  const output = definition.outputSchema === undefined ? undefined : compileToolSchema(definition.outputSchema, 'output', `tool "${name}" outputSchema`);
  const listing = decodeAuthored(() =>
    decodeTool(
      {
        name,
        title: definition.title,
        description: definition.description,
        icons: definition.icons,
        annotations: definition.annotations,
        inputSchema: JSON.parse(input.json),
        outputSchema: output && JSON.parse(output.json),
        _meta: definition._meta,
      },
      `tool "${name}"`,
    ),
  );
  let paramHeaders: ParamHeader[];
  try {
    paramHeaders = paramHeadersOf(JSON.parse(input.json));
  } catch (err) {
    throw new AuthorError(`tool "${name}" inputSchema: ${(err as Error).message}`);
  }
  return { listing, input, output, paramHeaders, definition };
}

/**
 * Over HTTP, a 2026-07-28 request must carry each mirrored argument in its header too
 * (SEP-2243); a mismatch is a JSON-RPC error (-32020), which the transport answers with 400.
 */
function checkMirroredArguments(tool: CompiledTool, args: Record<string, unknown>, ctx: MessageContext): void {
  if (tool.paramHeaders.length === 0 || !ctx.httpContext || !isModernVersion(ctx.protocolVersion)) return;
  const headers = ctx.httpContext.headers;
  const header = (name: string) => headers.find(([key]) => key.toLowerCase() === name)?.[1];
  const mismatch = checkParamHeaders(tool.paramHeaders, args, header);
  if (mismatch) throw new ProtocolError(mismatch);
}

// Synchronous as long as every step is (the engine would run each await as a job of its own).
function callTool(tool: CompiledTool, args: Record<string, unknown>, ctx: MessageContext, downstream: Downstream | undefined): MaybePromise<CallToolResult> {
  const { name } = tool.definition;
  checkMirroredArguments(tool, args, ctx);
  return andThen(tool.input.check(args), (checked) => {
    if (!checked.ok) return errorResult(`Invalid arguments for tool "${name}": ${checked.problems}`);
    return attempt(
      () => runWithContext(createContext(ctx, downstream), (context) => tool.definition.handler(checked.value as Record<string, never>, context)),
      (returned) =>
        attempt(
          () => toolResult(returned, tool),
          (result) => result,
          (err) => errorResult(`Tool "${name}" returned an unusable result: ${err instanceof Error ? err.message : String(err)}`),
        ),
      (err) => {
        if (err instanceof InputRequired) return { content: [], meta: err.metaText() };
        if (err instanceof ProtocolError) throw err;
        return errorResult(err instanceof Error ? err.message : String(err));
      },
    );
  });
}

function toolResult(returned: ToolReturn, tool: CompiledTool): MaybePromise<CallToolResult> {
  if (typeof returned === 'string') {
    if (tool.output) throw new AuthorError('it declares an output schema, so it must return { structuredContent }');
    return { content: [textBlock(returned)] };
  }
  if (typeof returned !== 'object' || returned === null || Array.isArray(returned)) {
    throw new AuthorError(`expected a string or { content, structuredContent, isError }, got ${returned === null ? 'null' : typeof returned}`);
  }
  const isError = returned.isError === true;
  const structured: unknown = returned.structuredContent;
  if (structured !== undefined && (typeof structured !== 'object' || structured === null || Array.isArray(structured))) {
    throw new AuthorError('structuredContent must be a JSON object');
  }
  const result = (checkedStructured: unknown): CallToolResult => {
    const structuredText = checkedStructured === undefined ? undefined : stringifyJson(checkedStructured);
    return {
      content: returned.content ? contentBlocks(returned.content) : structuredText !== undefined ? [textBlock(structuredText)] : [],
      structuredContent: structuredText,
      isError: isError || undefined,
      meta: metaText(returned._meta),
    };
  };
  if (!tool.output || isError) return result(structured);
  if (structured === undefined) throw new AuthorError('it declares an output schema, so it must return structuredContent');
  return andThen(tool.output.check(structured), (checked) => {
    if (!checked.ok) throw new AuthorError(`structuredContent does not match the output schema: ${checked.problems}`);
    return result(checked.value);
  });
}

function errorResult(message: string): CallToolResult {
  return { content: [textBlock(message)], isError: true };
}
